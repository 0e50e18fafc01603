import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import { FavouritesTools } from '../../components/FavouritesTools';
import { LiveStatus } from '../../components/LiveStatus';
import { useFavourites } from '../../components/useFavourites';
import { eventFiles } from '../../data/catalogue';
import { askBackground, holdBackgroundUntil } from '../../utils/ask-background';
import { openCatalogueStore } from '../../utils/catalogue-store';
import { takeEarlyDictionaries } from '../../utils/early-dictionaries';
import { messageOf } from '../../utils/error-message';
import { openFavouritesStore } from '../../utils/favourites-store';
import { formatNumber, type MessageKey, type PluralBase, plural, shortcutName, t } from '../../utils/i18n';
import { CATALOGUES_REVISION_KEY, PENDING_QUERY_KEY } from '../../utils/messages';
import { openStoredTalkSearch } from '../../utils/stored-search';
import { type FilterChoices, hasActiveFilters, type TalkFilters } from '../../utils/talk-filters';
import type { TalkPage, TalkQuery, TalkRow, View } from '../../utils/talk-results';
import { watchStorageKey } from '../../utils/watch-storage';
import { FilterBar } from './FilterBar';
import { readFirstPage, saveFirstPage } from './first-page';
import { isToolbarPopup } from './popup-size';
import { ResultList } from './ResultList';

// Rows asked for at a time: a screenful and more, so each keystroke renders little; scrolling or arrowing near
// the end asks for the next ones. The count above the list is always the true total.
const ROWS_PER_PAGE = 20;
// How close to the last row (in rows, or in pixels when scrolling) the next rows are asked for.
const MORE_ROWS_AHEAD = 8;
const MORE_PIXELS_AHEAD = 400;

// Opened as a page in a tab (from the context menu, or a shared link) the address carries the query.
const queryInAddress = new URLSearchParams(location.search).get('q');
// Opened with nothing typed, the popup first shows what it showed last time (see first-page.ts).
const lastFirstPage = queryInAddress === null ? readFirstPage() : undefined;

// Decided once: the page does not move between the toolbar and a tab.
const inToolbarPopup = isToolbarPopup();

// Typed queries are answered here, from the stored indexes, not by the background: a service worker woken by a
// popup starts too late, and reads too much, to answer the first keystroke at once. The dictionaries are read
// now, while the popup renders. Filters, the Favourites view and the list with nothing typed go to the background.
const storedSearch = openStoredTalkSearch(eventFiles, openCatalogueStore(), takeEarlyDictionaries());
// The background (favourites, filter choices, the list with nothing typed) is asked once they are read: the
// first page and choices shown meanwhile are last time's (first-page.ts).
holdBackgroundUntil(storedSearch.prepare(), 400);

// The stars straight from the database, shown until the (held, perhaps still waking) background answers.
// Only the background writes them.
async function readStars() {
  const stars = openFavouritesStore();
  try {
    return await stars.list();
  } finally {
    stars.close();
  }
}

/** The page for a query, from the stored indexes when they can answer it, else from the background. */
async function findPage(request: TalkQuery): Promise<TalkPage> {
  const { query, filters, view, limit } = request;
  if (query.trim() && view === 'talks' && !hasActiveFilters(filters)) {
    const page = await storedSearch.find(query, limit).catch((error: unknown) => {
      console.warn('Talkmark: searching the stored indexes failed; asking the background', error);
      return undefined;
    });
    if (page) return page;
  }
  return askBackground({ type: 'talks/search', ...request });
}

/** Imports favourites on the options page, in a tab, where the file picker does not close the page. */
async function importOnOptionsPage() {
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#favourites') });
  window.close();
}

/** A query the background left for the popup it just opened (context-menu search); used once, if fresh. */
async function takePendingQuery(): Promise<string | undefined> {
  try {
    const pending = (await browser.storage.session.get(PENDING_QUERY_KEY))[PENDING_QUERY_KEY] as
      | { query?: unknown; at?: unknown }
      | undefined;
    if (!pending) return undefined;
    await browser.storage.session.remove(PENDING_QUERY_KEY);
    return typeof pending.query === 'string' && typeof pending.at === 'number' && Date.now() - pending.at < 30_000
      ? pending.query
      : undefined;
  } catch {
    return undefined;
  }
}

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
  const input = useRef<HTMLInputElement>(null);
  const [speakerName, setSpeakerName] = useState<string>();
  const [choices, setChoices] = useState<FilterChoices | undefined>(lastFirstPage?.choices);
  const [page, setPage] = useState<(TalkPage & { query: string }) | undefined>(
    lastFirstPage && { ...lastFirstPage.page, query: '' },
  );
  const [fresh, setFresh] = useState<{ page?: TalkPage; choices?: FilterChoices }>({});
  const [problem, setProblem] = useState<string>();
  const [cataloguesRevision, setCataloguesRevision] = useState(0);

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
  }, [query, filters, view, favouritesShown, cataloguesRevision, rowLimit]);

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

  const open = (row: TalkRow | undefined) => {
    if (row?.talk?.url) void openUrl(row.talk.url);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = Math.max(0, Math.min(rows.length - 1, Math.min(activeIndex, rows.length - 1) + step));
      setActiveIndex(next);
      if (next >= rows.length - MORE_ROWS_AHEAD) askForMore();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(active);
    } else if (event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey)) {
      // Ctrl+S / ⌘S stars the active talk: "save it for later".
      event.preventDefault();
      if (active) void favourites.setStarred(active.id, !favourites.starred.has(active.id));
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const listboxId = 'talk-results';
  const favouritesUnavailable = favourites.error !== undefined && favourites.favourites.length === 0;
  // The list is the costly part of a render: a keystroke changes the query long before it changes the rows, so the
  // same list element is reused (and not diffed) until something it shows changes.
  const list = useMemo(
    () => (
      <ResultList
        id={listboxId}
        label={t(view === 'talks' ? 'list_talks' : 'list_favourites')}
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
      />
    ),
    // Everything the element's props and handlers read; `open` and `setStarred` read nothing else.
    [rows, active?.id, favourites.starred, favouritesUnavailable, view, filters],
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
        <div class="tabs" role="tablist" aria-label={t('tabs_label')}>
          <ViewTab view="talks" current={view} onSelect={setView} label={t('tab_talks')} count={choices?.talkCount} />
          <ViewTab
            view="favourites"
            current={view}
            onSelect={setView}
            label={t('tab_favourites')}
            count={favourites.favourites.length}
          />
        </div>
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
          <FavouritesTools state={favourites} importElsewhere={inToolbarPopup ? importOnOptionsPage : undefined} />
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

      <footer class="keyboard-help" id="keyboard-help">
        <ul aria-label={t('keyboard_help')}>
          <li>
            <kbd>↑</kbd> <kbd>↓</kbd> {t('keyboard_move')}
          </li>
          <li>
            <kbd>{t('key_enter')}</kbd> {t('keyboard_open')}
          </li>
          <li>
            <kbd>{shortcutName('S')}</kbd> {t('keyboard_star')}
          </li>
          <li>
            <kbd>{t('key_escape')}</kbd> {t('keyboard_clear')}
          </li>
        </ul>
      </footer>
    </main>
  );
}

function ViewTab(props: {
  view: View;
  current: View;
  onSelect(view: View): void;
  label: string;
  count: number | undefined;
}) {
  const selected = props.view === props.current;
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${props.view}`}
      aria-selected={selected}
      aria-controls="view-panel"
      class="tab"
      onClick={() => props.onSelect(props.view)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          const other = props.view === 'talks' ? 'favourites' : 'talks';
          props.onSelect(other);
          document.getElementById(`tab-${other}`)?.focus();
        }
      }}
    >
      {props.label} {props.count === undefined ? null : <span class="tab-count">{formatNumber(props.count)}</span>}
    </button>
  );
}

function EmptyState(props: { query: string; view: View; filtered: boolean; onClearFilters(): void }) {
  if (props.view === 'favourites' && !props.query.trim() && !props.filtered) {
    return (
      <div class="empty">
        <p class="empty-title">{t('empty_favourites_title')}</p>
        <p>{t('empty_favourites_hint', shortcutName('S'))}</p>
      </div>
    );
  }
  return (
    <div class="empty">
      <p class="empty-title">{noMatchText(props.query, props.view, props.filtered)}</p>
      <p>{t('empty_hint')}</p>
      {props.filtered ? (
        <button type="button" class="link-button" onClick={props.onClearFilters}>
          {t('clear_filters')}
        </button>
      ) : null}
    </div>
  );
}

function noMatchText(query: string, view: View, filtered: boolean): string {
  const trimmed = query.trim();
  // An empty Favourites tab says the same to a screen reader as on screen.
  if (view === 'favourites' && !trimmed && !filtered) return t('empty_favourites_title');
  const keys: Record<View, [withQuery: MessageKey, withBoth: MessageKey, withFilters: MessageKey]> = {
    talks: ['no_talks_match', 'no_talks_match_filtered', 'no_talks_with_filters'],
    favourites: ['no_favourites_match', 'no_favourites_match_filtered', 'no_favourites_with_filters'],
  };
  const [withQuery, withBoth, withFilters] = keys[view];
  if (!trimmed) return t(withFilters);
  return t(filtered ? withBoth : withQuery, trimmed);
}

/** The count above the list, one whole sentence per case and plural form; a second one when only some are listed. */
function statusText(page: TalkPage, query: string, view: View, filtered: boolean): string {
  const count = page.total;
  if (count === 0) return noMatchText(query, view, filtered);
  const trimmed = query.trim();
  const base: PluralBase = `status_${view}${trimmed ? '_match' : ''}${filtered ? '_filtered' : ''}`;
  const counted = plural(base, count, trimmed);
  return page.rows.length < count ? `${counted} ${plural('status_more', page.rows.length)}` : counted;
}

function optionId(talkId: string): string {
  return `talk-option-${talkId}`;
}

async function openUrl(url: string) {
  await browser.tabs.create({ url });
  // Close only the toolbar popup, not the same page opened in a tab (where the user may want to go on).
  if (browser.extension.getViews?.({ type: 'popup' }).includes(window)) window.close();
}
