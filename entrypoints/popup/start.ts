import { browser } from '#imports';
import { hasActiveFilters, type TalkPage, type TalkQuery } from '../../data';
import { bundledEventFiles } from '../../data/events';
import { askBackground, holdBackgroundUntil, PENDING_QUERY_KEY } from '../../utils/messaging';
import { openStoredTalkSearch } from '../../utils/search';
import { openCatalogueStore, openFavouritesStore } from '../../utils/storage';
import { takeEarlyDictionaries } from './early-dictionaries';
import { readFirstPage } from './first-page';
import { isToolbarPopup } from './popup-size';

// The popup's start-up, done once as its module loads, and the requests it makes outside the component.

// Rows asked for at a time: a screenful and more, so each keystroke renders little; scrolling or arrowing near
// the end asks for the next ones. The count above the list is always the true total.
export const ROWS_PER_PAGE = 20;
// How close to the last row (in rows, or in pixels when scrolling) the next rows are asked for.
export const MORE_ROWS_AHEAD = 8;
export const MORE_PIXELS_AHEAD = 400;

// Opened as a page in a tab (from the context menu, or a shared link) the address carries the query.
export const queryInAddress = new URLSearchParams(location.search).get('q');
// Opened with nothing typed, the popup first shows what it showed last time (see first-page.ts).
export const lastFirstPage = queryInAddress === null ? readFirstPage() : undefined;

// Decided once: the page does not move between the toolbar and a tab.
export const inToolbarPopup = isToolbarPopup();

// Typed queries are answered here, from the stored indexes, not by the background: a service worker woken by a
// popup starts too late, and reads too much, to answer the first keystroke at once. The dictionaries are read
// now, while the popup renders. Filters, the Favourites view and the list with nothing typed go to the background.
export const storedSearch = openStoredTalkSearch(bundledEventFiles, openCatalogueStore(), takeEarlyDictionaries());
// The background (favourites, filter choices, the list with nothing typed) is asked once they are read: the
// first page and choices shown meanwhile are last time's (first-page.ts).
holdBackgroundUntil(storedSearch.prepare(), 400);

// The stars straight from the database, shown until the (held, perhaps still waking) background answers.
// Only the background writes them.
export async function readStars() {
  const stars = openFavouritesStore();
  try {
    return await stars.list();
  } finally {
    stars.close();
  }
}

/** The page for a query, from the stored indexes when they can answer it, else from the background. */
export async function findPage(request: TalkQuery): Promise<TalkPage> {
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
export async function importOnOptionsPage() {
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#favourites') });
  window.close();
}

/** A query the background left for the popup it just opened (context-menu search); used once, if fresh. */
export async function takePendingQuery(): Promise<string | undefined> {
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

export async function openUrl(url: string) {
  await browser.tabs.create({ url });
  // Close only the toolbar popup, not the same page opened in a tab (where the user may want to go on).
  if (browser.extension.getViews?.({ type: 'popup' }).includes(window)) window.close();
}
