import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FavouritesTools, LiveStatus, useFavourites } from '../../components';
import {
  type FilterChoices,
  hasActiveFilters,
  type TalkFilters,
  type TalkPage,
  type TalkRow,
  type View,
} from '../../data';
import { messageOf, t } from '../../utils/i18n';
import { askBackground, CATALOGUES_REVISION_KEY, watchStorageKey } from '../../utils/messaging';
import { EmptyState } from './EmptyState';
import { FilterBar } from './FilterBar';
import { saveFirstPage } from './first-page';
import { KeyboardHelp } from './KeyboardHelp';
import { popupKeyAction } from './keys';
import { ResultList } from './ResultList';
import {
  findPage,
  importOnOptionsPage,
  inToolbarPopup,
  lastFirstPage,
  MORE_PIXELS_AHEAD,
  MORE_ROWS_AHEAD,
  openUrl,
  queryInAddress,
  ROWS_PER_PAGE,
  readStars,
  storedSearch,
  takePendingQuery,
} from './start';
import { statusText } from './status-text';
import { resumeUrl, useProgress, useUnfinishedCount, useWatchedMarks, useWatchedTalks } from './use-progress';
import { LIST_LABELS, ViewTabs } from './ViewTab';

/** The toolbar popup: search and filters over the catalogue, and the favourites. */
export function App() {
  const [query, setQueryState] = useState(queryInAddress ?? '');
  const [filters, setFiltersState] = useState<TalkFilters>({});
  const [view, setViewState] = useState<View>('talks');
  const [activeIndex, setActiveIndex] = useState(0);
  // A new query, filter or view starts again from its first row, in the same update, so that an arrow key
  // pressed right after typing moves from the new first row.
  const [rowLimit, setRowLimit] = useState(ROWS_PER_PAGE);
  const setQuery = (next: string) => {
    setQueryState(next);
    setActiveIndex(0);
    setRowLimit(ROWS_PER_PAGE);
  };
  const setFilters = (next: TalkFilters) => {
    setFiltersState(next);
    setActiveIndex(0);
    setRowLimit(ROWS_PER_PAGE);
  };
  const setView = (next: View) => {
    setViewState(next);
    setActiveIndex(0);
    setRowLimit(ROWS_PER_PAGE);
  };
  const favourites = useFavourites(readStars);
  const progress = useProgress();
  const unfinishedCount = useUnfinishedCount(progress);
  const watchedTalks = useWatchedTalks(progress);
  const input = useRef<HTMLInputElement>(null);
  const [speakerName, setSpeakerName] = useState<string>();
  const [choices, setChoices] = useState<FilterChoices | undefined>(lastFirstPage?.choices);
  const [page, setPage] = useState<(TalkPage & { query: string }) | undefined>(
    lastFirstPage && { ...lastFirstPage.page, query: '' },
  );
  const [fresh, setFresh] = useState<{ page?: TalkPage; choices?: FilterChoices }>({});
  const [problem, setProblem] = useState<string>();
  const [cataloguesRevision, setCataloguesRevision] = useState(0);
  const { announcement, markWatched } = useWatchedMarks(setProblem);

  useEffect(() => {
    if (queryInAddress === null) void takePendingQuery().then((pending) => pending && setQuery(pending));
    // A catalogue imported or removed while the popup is open (on the options page) shows here at once.
    return watchStorageKey('local', CATALOGUES_REVISION_KEY, () => {
      storedSearch.reset();
      setCataloguesRevision((n) => n + 1);
    });
  }, []);

  useEffect(() => {
    askBackground({ type: 'talks/choices' }).then(
      (answer) => {
        setChoices(answer);
        setFresh((known) => ({ ...known, choices: answer }));
      },
      (error: unknown) => setProblem(messageOf(error)),
    );
  }, [cataloguesRevision]);

  // Each keystroke asks again (findPage: here or the background), and an answer that arrives after a newer
  // question has been asked is dropped, so the list always shows the latest query.
  // The talks view depends on favourites only through the favourites-only filter; the background reads them.
  const favouritesShown = view === 'favourites' || filters.favouritesOnly ? favourites.favourites : undefined;
  const asked = useRef(0);
  // A layout effect, so the question leaves as soon as the keystroke is rendered: a plain effect waits for the next
  // frame to be painted, a whole frame of latency on every keystroke.
  useLayoutEffect(() => {
    const number = ++asked.current;
    const firstPage = !query && view === 'talks' && !hasActiveFilters(filters) && rowLimit === ROWS_PER_PAGE;
    // The list with nothing typed shows at once as last known, as when the popup opens: a cleared search would
    // otherwise leave its rows up while a just-woken background reads a large catalogue (seconds at 50,000).
    const lastKnown = firstPage && number > 1 ? (fresh.page ?? lastFirstPage?.page) : undefined;
    if (lastKnown) setPage({ ...lastKnown, query: '' });
    findPage({ query, filters, view, limit: rowLimit }).then(
      (answer) => {
        if (firstPage) setFresh((known) => ({ ...known, page: answer }));
        if (number !== asked.current) return;
        setPage({ ...answer, query });
        setProblem(undefined);
      },
      (error: unknown) => number === asked.current && setProblem(messageOf(error)),
    );
    // (With Hide watched, or in Continue watching, a talk finished meanwhile leaves the list: the progress is part of
    // the question.)
  }, [
    query,
    filters,
    view,
    favouritesShown,
    cataloguesRevision,
    rowLimit,
    filters.hideWatched || view === 'continue' ? progress : undefined,
  ]);

  useEffect(() => {
    if (fresh.page && fresh.choices) saveFirstPage(fresh.page, fresh.choices);
  }, [fresh]);

  // A mark per answer shown, once it is in the DOM: `npm run bench` times first results and each keystroke with it.
  useLayoutEffect(() => {
    if (page) performance.mark('talkmark:results', { detail: page.query });
  }, [page]);

  const rows = page?.rows ?? [];
  const active = rows[Math.min(activeIndex, rows.length - 1)];
  const hasMore = !!page && rows.length < page.total && rows.length >= rowLimit;
  const askForMore = () => {
    if (hasMore) setRowLimit(rowLimit + ROWS_PER_PAGE);
  };

  // A started talk opens where it was left.
  const open = (row: TalkRow | undefined) => {
    if (row?.talk?.url) void openUrl(resumeUrl(row.talk.url, row.talk.startSeconds, progress.get(row.id)));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const action = popupKeyAction(event, query !== '');
    if (!action) return;
    event.preventDefault();
    if (action === 'next' || action === 'previous') {
      const step = action === 'next' ? 1 : -1;
      const next = Math.max(0, Math.min(rows.length - 1, Math.min(activeIndex, rows.length - 1) + step));
      setActiveIndex(next);
      if (next >= rows.length - MORE_ROWS_AHEAD) askForMore();
    } else if (action === 'open') open(active);
    else if (action === 'toggle-star') {
      if (active) void favourites.setStarred(active.id, !favourites.starred.has(active.id));
    } else if (action === 'toggle-watched') {
      if (active) void markWatched(active, !progress.get(active.id)?.watched);
    } else setQuery('');
  };

  const listboxId = 'talk-results';
  const favouritesUnavailable = favourites.error !== undefined && favourites.favourites.length === 0;
  // The list is the costly part of a render: a keystroke changes the query long before it changes the rows, so the
  // same list element is reused (and not diffed) until something it shows changes.
  const list = useMemo(
    () => (
      <ResultList
        id={listboxId}
        label={t(LIST_LABELS[view])}
        rows={rows}
        activeId={active?.id}
        starred={favourites.starred}
        favouritesUnavailable={favouritesUnavailable}
        onOpen={open}
        onStar={(row, starred) => void favourites.setStarred(row.id, starred)}
        onSpeaker={(speaker) => {
          setSpeakerName(speaker.name);
          setFilters({ ...filters, speakerId: speaker.id });
        }}
        optionId={optionId}
        progress={progress}
      />
    ),
    // Everything the element's props and handlers read; `open` and `setStarred` read nothing else.
    [rows, active?.id, favourites.starred, favouritesUnavailable, view, filters, progress],
  );
  const activeId = active ? optionId(active.id) : undefined;
  // Of the rows on screen: until a new answer arrives, they are still the last query's.
  const status = page ? statusText(page, page.query, view, hasActiveFilters(filters)) : '';

  return (
    <main class="popup">
      <header class="popup-header">
        <label class="search-label" for="talk-search">
          {t('search_label')}
        </label>
        <div class="search-row">
          <svg class="search-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M15.5 15.5L21 21" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
          {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is combobox, set below */}
          <input
            ref={input}
            id="talk-search"
            type="search"
            // Preact's types allow role="combobox" on a search field only with a `list`; ARIA 1.2 allows it bare.
            {...({ role: 'combobox' } as object)}
            aria-expanded={rows.length > 0}
            aria-controls={rows.length > 0 ? listboxId : undefined}
            aria-activedescendant={activeId}
            aria-autocomplete="list"
            aria-describedby="keyboard-help"
            placeholder={t('search_placeholder')}
            autocomplete="off"
            spellcheck={false}
            // biome-ignore lint/a11y/noAutofocus: the popup exists to be typed into
            autoFocus
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
        </div>
        <ViewTabs
          current={view}
          onSelect={setView}
          counts={{ talks: choices?.talkCount, favourites: favourites.favourites.length, continue: unfinishedCount }}
        />
      </header>

      <section
        class="view"
        id="view-panel"
        role="tabpanel"
        aria-labelledby={`tab-${view}`}
        onScroll={(event) => {
          const { scrollTop, clientHeight, scrollHeight } = event.currentTarget;
          if (scrollTop + clientHeight > scrollHeight - MORE_PIXELS_AHEAD) askForMore();
        }}
      >
        <FilterBar
          filters={filters}
          choices={choices}
          speakerName={speakerName}
          onChange={setFilters}
          favouritesView={view === 'favourites'}
        />
        {view === 'favourites' ? (
          <FavouritesTools
            state={favourites}
            importElsewhere={inToolbarPopup ? importOnOptionsPage : undefined}
            watched={watchedTalks}
          />
        ) : null}
        {view === 'talks' && favourites.error ? (
          <p class="notice notice-error" role="alert">
            {favourites.error}
          </p>
        ) : null}
        {problem ? (
          <p class="notice notice-error" role="alert">
            {problem}
          </p>
        ) : null}
        {rows.length ? <p class="status">{status}</p> : null}
        <LiveStatus text={status} />
        <p class="visually-hidden" role="status">
          {announcement}
        </p>
        {!page ? null : rows.length > 0 ? (
          list
        ) : (
          <EmptyState
            query={query}
            view={view}
            filtered={hasActiveFilters(filters)}
            onClearFilters={() => {
              setFilters({});
              input.current?.focus();
            }}
          />
        )}
      </section>

      <KeyboardHelp />
    </main>
  );
}

function optionId(talkId: string): string {
  return `talk-option-${talkId}`;
}
