import type { Browser } from 'wxt/browser';
import { browser, defineBackground } from '#imports';
import { catalogue } from '../data/catalogue';
import { answerRequest } from '../utils/favourites-service';
import { openFavouritesStore } from '../utils/favourites-store';
import { t } from '../utils/i18n';
import { FAVOURITES_REVISION_KEY, PENDING_QUERY_KEY, parseRequest } from '../utils/messages';
import { omniboxDestination, omniboxSuggestions } from '../utils/omnibox';
import { panelFor } from '../utils/panel-content';
import { createCatalogueSearch, type TalkSearch } from '../utils/search';

const CONTEXT_MENU_ID = 'search-talks';

export default defineBackground(() => {
  // The favourites database lives here, in the extension's origin; every view reaches it by message.
  const store = openFavouritesStore();
  const isKnownTalk = (talkId: string) => catalogue.talksById.has(talkId);
  const announceChange = () => browser.storage.local.set({ [FAVOURITES_REVISION_KEY]: crypto.randomUUID() });

  browser.runtime.onMessage.addListener((message, sender) => {
    // Only this extension's own pages and content scripts may ask anything of it.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseRequest(message);
    if (!request) return undefined;
    if (request.type === 'panel/for-video') {
      return Promise.resolve({ ok: true, value: panelFor(request.videoId, request.title, catalogue) ?? null });
    }
    return answerRequest(request, store, isKnownTalk, announceChange);
  });

  // Built on first use: most service-worker wake-ups are favourites messages, which do not need it.
  let search: TalkSearch | undefined;
  const talkSearch = () => (search ??= createCatalogueSearch(catalogue));
  const searchPage = (query: string) => browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(query)}`);

  const omniboxInputChanged = (text: string, suggest: (suggestions: Browser.omnibox.SuggestResult[]) => void) =>
    suggest(omniboxSuggestions(text, talkSearch(), catalogue, import.meta.env.BROWSER !== 'firefox'));
  const omniboxInputEntered = async (text: string, disposition: `${Browser.omnibox.OnInputEnteredDisposition}`) => {
    const url = omniboxDestination(text, talkSearch(), catalogue, searchPage);
    if (disposition === 'currentTab') await browser.tabs.update({ url });
    else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
  };
  browser.omnibox.setDefaultSuggestion({ description: t('omnibox_default') });
  browser.omnibox.onInputChanged.addListener(omniboxInputChanged);
  browser.omnibox.onInputEntered.addListener((text, disposition) => void omniboxInputEntered(text, disposition));

  // Selected text → the search, in the popup where the browser lets an extension open it, else in a tab whose
  // address carries the query (so it can be kept or shared).
  const searchFor = async (query: string) => {
    try {
      await browser.storage.session.set({ [PENDING_QUERY_KEY]: { query, at: Date.now() } });
      await browser.action.openPopup();
    } catch {
      await browser.storage.session.remove(PENDING_QUERY_KEY).catch(() => {});
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
  browser.contextMenus.onClicked.addListener((info) => void contextMenuClicked(info));

  // The end-to-end tests call the same handlers the browser calls: no test can type in an address bar or
  // right-click in headless Chromium.
  Object.assign(globalThis, { talkmark: { omniboxInputChanged, omniboxInputEntered, contextMenuClicked } });
});
