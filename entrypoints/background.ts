import type { Browser } from 'wxt/browser';
import { browser, defineBackground } from '#imports';
import type { Catalogue } from '../data/catalogue';
import { eventFiles } from '../data/catalogue';
import { openCatalogueStore } from '../utils/catalogue-store';
import { messageOf } from '../utils/error-message';
import { answerRequest, describeStorageError } from '../utils/favourites-service';
import { type Favourite, openFavouritesStore } from '../utils/favourites-store';
import { type Message, t } from '../utils/i18n';
import { createLiveCatalogue } from '../utils/live-catalogue';
import {
  CATALOGUES_REVISION_KEY,
  FAVOURITES_REVISION_KEY,
  type FavouriteEntry,
  mayAsk,
  PENDING_QUERY_KEY,
  parseRequest,
  type Request,
  senderKind,
  WRITE_IN_PROGRESS_KEY,
} from '../utils/messages';
import { omniboxDestination, omniboxSuggestions } from '../utils/omnibox';
import { type PanelContent, panelFor } from '../utils/panel-content';
import { filterChoices } from '../utils/talk-filters';
import { findTalks } from '../utils/talk-results';
import { watchStorageKey } from '../utils/watch-storage';

const CONTEXT_MENU_ID = 'search-talks';

/** For work nobody waits on (a browser event's handler): a failure is logged, never swallowed. */
const logFailure = (what: string) => (error: unknown) => console.error(`Talkmark: ${what} failed`, error);

export default defineBackground(() => {
  // The database lives in the extension's origin. Every change goes through here; content scripts (in YouTube's
  // origin) also read through here, while the popup reads its search indexes and, until this answers, its stars
  // straight from the database.
  const store = openFavouritesStore();
  const live = createLiveCatalogue(eventFiles, openCatalogueStore());
  // The options page imports and removes catalogues, then bumps this key.
  watchStorageKey('local', CATALOGUES_REVISION_KEY, () => live.invalidate());
  const announceChange = () => browser.storage.local.set({ [FAVOURITES_REVISION_KEY]: crypto.randomUUID() });
  // A worker stopped between a committed write and its change notice leaves this mark: the next worker gives
  // the notice, so every open view re-reads and agrees with the database again.
  void browser.storage.session.get(WRITE_IN_PROGRESS_KEY).then(
    async (stored) => {
      if (stored[WRITE_IN_PROGRESS_KEY] === undefined) return;
      await announceChange();
      await browser.storage.session.remove(WRITE_IN_PROGRESS_KEY);
    },
    (error: unknown) => console.warn('Talkmark: could not check for an unannounced change', error),
  );
  // The mark is a safety net: if it cannot be written, the star is still saved (and the failure logged).
  const writeFavourites = async <T>(write: () => Promise<T>): Promise<T> => {
    await browser.storage.session
      .set({ [WRITE_IN_PROGRESS_KEY]: Date.now() })
      .catch(logFailure('marking a favourites write'));
    try {
      return await write();
    } finally {
      await browser.storage.session.remove(WRITE_IN_PROGRESS_KEY).catch(logFailure('clearing the write mark'));
    }
  };

  const withTalkDetails = (favourites: Favourite[], from: Catalogue): FavouriteEntry[] =>
    favourites.map((favourite) => {
      const talk = from.talksById.get(favourite.talkId);
      return talk ? { ...favourite, title: talk.title, ...(talk.videoId ? { videoId: talk.videoId } : {}) } : favourite;
    });

  /** A talk's panel with its star, so that showing it waits for one message, not two; without, if unreadable. */
  const withStar = async (panel: PanelContent): Promise<PanelContent> => {
    if (panel.kind !== 'talk') return panel;
    const starred = await store.has(panel.talk.id).catch(
      () => undefined, // the panel asks for it (favourites/has), and shows why it cannot be read
    );
    return starred === undefined ? panel : { ...panel, starred };
  };

  const answer = async (request: Request) => {
    if (request.type === 'panel/for-video') {
      // Most videos are in no catalogue and name nobody in it: say so before reading any talk.
      if (!(await live.mayHavePanel(request.videoId, request.title))) return { ok: true, value: null };
      // A large catalogue's panel comes from its stored indexes; a catalogue talk's own details first when its
      // related talks need reading (the panel asks again for them), and a video outside it judged by its title.
      const quick = request.waitForRelated
        ? live.storedPanelRelated(request.videoId)
        : live.storedPanel(request.videoId, request.title);
      const panel = await quick.catch((error: unknown) => {
        console.warn('Talkmark: the stored indexes could not give this panel; working out the whole panel', error);
        return undefined;
      });
      if (panel !== undefined) return { ok: true, value: panel && (await withStar(panel)) };
    }
    // The panel's star: the favourites alone say it, without waiting for the catalogue.
    if (request.type === 'favourites/has') return answerRequest(request, store, () => true, announceChange);
    // The popup and the panel will search: a woken worker reads the index alongside the talks, not after them.
    // Favourites requests never search, so they do not read it.
    // (A failure here surfaces in the request that awaits the search.)
    if (!request.type.startsWith('favourites/')) void live.search().catch(() => {});
    let from = await live.catalogue();
    switch (request.type) {
      case 'panel/for-video': {
        const panel = panelFor(request.videoId, request.title, from, await live.search());
        return { ok: true, value: panel ? await withStar(panel) : null };
      }
      case 'talks/choices':
        return { ok: true, value: filterChoices(from) };
      case 'talks/search': {
        // Only the Favourites view and the favourites-only filter look at stars: other keystrokes read no database.
        const needsStars = request.view === 'favourites' || request.filters.favouritesOnly === true;
        const [favourites, search] = await Promise.all([
          needsStars ? store.list().catch(() => []) : [],
          // Listing with nothing typed needs no index: the first page does not wait for one to load.
          request.query.trim() ? live.search() : undefined,
        ]);
        return { ok: true, value: findTalks(request, from, search, favourites) };
      }
      default: {
        // A talk imported a moment ago may not be read yet (the change notice is still on its way).
        if (request.type === 'favourites/set' && request.starred && !from.talksById.has(request.talkId)) {
          live.invalidate();
          from = await live.catalogue();
        }
        const known = (id: string) => from.talksById.has(id);
        const response =
          request.type === 'favourites/list'
            ? await answerRequest(request, store, known, announceChange)
            : await writeFavourites(() => answerRequest(request, store, known, announceChange));
        return response.ok && Array.isArray(response.value)
          ? { ok: true, value: withTalkDetails(response.value, from) }
          : response;
      }
    }
  };

  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender) => {
    // Only this extension's own pages and content scripts may ask, and a content script (which lives in a page
    // the page's own scripts can reach into) only what the panel needs.
    const kind = senderKind(sender, browser.runtime.id, extensionOrigin);
    const request = kind ? parseRequest(message) : undefined;
    if (!kind || !request) return undefined;
    if (!mayAsk(kind, request)) {
      console.warn('Talkmark: refused a request a content script may not make', request.type);
      return Promise.resolve({ ok: false, error: ['bad_request'] });
    }
    return answer(request).catch((error: unknown) => {
      console.error('Talkmark: a request failed', request.type, error);
      // Favourites get the storage sentence (what failed and what to do); other requests did not touch them.
      const sentence: Message = request.type.startsWith('favourites/')
        ? describeStorageError(error)
        : ['request_failed', messageOf(error)];
      return { ok: false, error: sentence };
    });
  });

  const searchPage = (query: string) => browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(query)}`);

  const omniboxInputChanged = async (text: string, suggest: (suggestions: Browser.omnibox.SuggestResult[]) => void) =>
    suggest(
      omniboxSuggestions(text, await live.search(), await live.catalogue(), import.meta.env.BROWSER !== 'firefox'),
    );
  const omniboxInputEntered = async (text: string, disposition: `${Browser.omnibox.OnInputEnteredDisposition}`) => {
    const url = omniboxDestination(text, await live.search(), await live.catalogue(), searchPage);
    if (disposition === 'currentTab') await browser.tabs.update({ url });
    else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
  };
  browser.omnibox.setDefaultSuggestion({ description: t('omnibox_default') });
  browser.omnibox.onInputChanged.addListener(
    (text, suggest) => void omniboxInputChanged(text, suggest).catch(logFailure('address-bar suggestions')),
  );
  browser.omnibox.onInputEntered.addListener(
    (text, disposition) => void omniboxInputEntered(text, disposition).catch(logFailure('address-bar search')),
  );

  // Selected text → the search, in the popup where the browser lets an extension open it, else in a tab whose
  // address carries the query (so it can be kept or shared).
  const searchFor = async (query: string) => {
    try {
      await browser.storage.session.set({ [PENDING_QUERY_KEY]: { query, at: Date.now() } });
      await browser.action.openPopup();
    } catch (error) {
      // Expected where the browser will not open the popup from here (no focused window, older Firefox).
      console.info('Talkmark: searching in a tab, the popup could not be opened', error);
      await browser.storage.session.remove(PENDING_QUERY_KEY).catch(logFailure('clearing the pending search'));
      await browser.tabs.create({ url: searchPage(query) });
    }
  };
  const contextMenuClicked = (info: { menuItemId: string | number; selectionText?: string }) => {
    if (info.menuItemId === CONTEXT_MENU_ID && info.selectionText?.trim()) return searchFor(info.selectionText.trim());
    return Promise.resolve();
  };
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: CONTEXT_MENU_ID, title: t('context_menu_search'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener(
    (info) => void contextMenuClicked(info).catch(logFailure('the context-menu search')),
  );

  // The end-to-end tests call the same handlers the browser calls: no test can type in an address bar or
  // right-click in headless Chromium.
  Object.assign(globalThis, { talkmark: { omniboxInputChanged, omniboxInputEntered, contextMenuClicked } });
});
