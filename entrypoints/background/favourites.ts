import { browser } from '#imports';
import { type Catalogue, type Favourite, talkSnapshot } from '../../data';
import { FAVOURITES_REVISION_KEY, type FavouriteEntry } from '../../utils/messaging';
import { createWriteMarks, createWriteOrder } from '../../utils/service';
import type { FavouritesStore } from '../../utils/storage';

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
    // A star whose talk no catalogue has still says what it was, and still plays; one whose talk is known says
    // what the catalogue says now (an export carries it).
    const snapshot = talk ? talkSnapshot(talk, from) : favourite.snapshot;
    if (!snapshot) return favourite;
    return {
      ...favourite,
      snapshot,
      title: snapshot.title,
      ...(snapshot.videoId ? { videoId: snapshot.videoId } : {}),
    };
  });
}

/**
 * Brings every star's snapshot up to what the catalogues now say of its talk (a star of a talk no catalogue has
 * keeps the one it has): after an import or a removal, and for stars starred before snapshots existed.
 */
export async function refreshSnapshots(store: FavouritesStore, from: Catalogue): Promise<void> {
  const refreshed = await store.refreshSnapshots((talkId) => {
    const talk = from.talksById.get(talkId);
    return talk && talkSnapshot(talk, from);
  });
  if (refreshed > 0) await announceFavouritesChange();
}
