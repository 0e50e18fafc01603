import { browser, defineBackground } from '#imports';
import { catalogue } from '../data/catalogue';
import { answerRequest } from '../utils/favourites-service';
import { openFavouritesStore } from '../utils/favourites-store';
import { FAVOURITES_REVISION_KEY, parseRequest } from '../utils/messages';

export default defineBackground(() => {
  // The favourites database lives here, in the extension's origin; every view reaches it by message.
  const store = openFavouritesStore();
  const isKnownTalk = (talkId: string) => catalogue.talksById.has(talkId);
  const announceChange = () => browser.storage.local.set({ [FAVOURITES_REVISION_KEY]: crypto.randomUUID() });

  browser.runtime.onMessage.addListener((message, sender) => {
    // Only this extension's own pages and content scripts may touch favourites.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseRequest(message);
    if (!request) return undefined;
    return answerRequest(request, store, isKnownTalk, announceChange);
  });
});
