import { browser, defineBackground } from '#imports';
import { bundledEventFiles } from '../../data/events';
import { type Message, messageOf } from '../../utils/i18n';
import { CATALOGUES_REVISION_KEY, mayAsk, parseRequest, senderKind, watchStorageKey } from '../../utils/messaging';
import { createLiveCatalogue, describeStorageError } from '../../utils/service';
import { openCatalogueStore, openFavouritesStore } from '../../utils/storage';
import { listenToAddressBar } from './address-bar';
import { type Asker, createAnswer } from './answer';
import { listenToContextMenu } from './context-menu';
import { refreshSnapshots, writeMarks } from './favourites';
import { startSubscriptions } from './subscriptions';
import { startSync } from './sync';

export default defineBackground(() => {
  // The database lives in the extension's origin. Every change goes through here; content scripts (in YouTube's
  // origin) also read through here, while the popup reads its search indexes and, until this answers, its stars
  // straight from the database.
  const store = openFavouritesStore();
  const catalogues = openCatalogueStore();
  const live = createLiveCatalogue(bundledEventFiles, catalogues);
  const subscriptions = startSubscriptions(catalogues, store);
  // The options page imports and removes catalogues, then bumps this key.
  watchStorageKey('local', CATALOGUES_REVISION_KEY, () => {
    live.invalidate();
    // A subscribed catalogue removed on the page takes its subscription, and its site's permission, with it.
    void subscriptions
      .forgetRemovedCatalogues()
      .catch((error: unknown) => console.warn('Talkmark: subscriptions could not be checked', error));
    // Stars describe their talks as the catalogues now do (a removed conference's stars keep what they were).
    void live
      .catalogue()
      .then((from) => refreshSnapshots(store, from))
      .catch((error: unknown) => console.warn('Talkmark: the stars’ snapshots could not be refreshed', error));
  });
  // A worker stopped between a committed write and its change notice left a mark: give the notice now, so every
  // open view re-reads and agrees with the database again.
  writeMarks.announceLeftovers().catch((error: unknown) => {
    console.warn('Talkmark: could not check for an unannounced change', error);
  });
  const sync = startSync(store);
  const answer = createAnswer(store, live, browser.storage.session, sync, subscriptions);

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
    const asker: Asker =
      kind === 'extension-page' ? { kind } : { kind, tabId: (sender.tab as { id?: number } | undefined)?.id };
    return answer(request, asker).catch((error: unknown) => {
      console.error('Talkmark: a request failed', request.type, error);
      // Favourites get the storage sentence (what failed and what to do); other requests did not touch them.
      const sentence: Message = request.type.startsWith('favourites/')
        ? describeStorageError(error)
        : ['request_failed', messageOf(error)];
      return { ok: false, error: sentence };
    });
  });

  const addressBar = listenToAddressBar(live);
  const contextMenu = listenToContextMenu();
  // The end-to-end tests call the same handlers the browser calls: no test can type in an address bar or
  // right-click in headless Chromium.
  Object.assign(globalThis, { talkmark: { ...addressBar, ...contextMenu } });
});
