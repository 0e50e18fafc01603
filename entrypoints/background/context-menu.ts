import { browser } from '#imports';
import { t } from '../../utils/i18n';
import { PENDING_QUERY_KEY } from '../../utils/messaging';
import { searchPage } from './address-bar';
import { logFailure } from './log-failure';

const CONTEXT_MENU_ID = 'search-talks';

/**
 * Selected text → the search, in the popup where the browser lets an extension open it, else in a tab whose
 * address carries the query (so it can be kept or shared).
 */
export function listenToContextMenu() {
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
  return { contextMenuClicked };
}
