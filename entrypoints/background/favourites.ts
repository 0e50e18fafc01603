import { browser } from '#imports';
import type { Catalogue, Favourite } from '../../data';
import { FAVOURITES_REVISION_KEY, type FavouriteEntry } from '../../utils/messaging';
import { createWriteMarks, createWriteOrder } from '../../utils/service';

/** Tells every open view that the favourites changed: each reads them again. */
export const announceFavouritesChange = () =>
  browser.storage.local.set({ [FAVOURITES_REVISION_KEY]: crypto.randomUUID() });

/** Each write in progress is marked: a worker stopped before its change notice leaves the mark for the next one. */
export const writeMarks = createWriteMarks(browser.storage.session, announceFavouritesChange);

/** Which numbered writes of each view have been applied: an older one never undoes a newer one. */
export const writeOrder = createWriteOrder(browser.storage.session);

/** Favourites with what views need to export or play them, looked up in the catalogue as it is now. */
export function withTalkDetails(favourites: Favourite[], from: Catalogue): FavouriteEntry[] {
  return favourites.map((favourite) => {
    const talk = from.talksById.get(favourite.talkId);
    return talk ? { ...favourite, title: talk.title, ...(talk.videoId ? { videoId: talk.videoId } : {}) } : favourite;
  });
}
