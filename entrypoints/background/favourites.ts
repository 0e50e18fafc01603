import { browser } from '#imports';
import type { Catalogue, Favourite } from '../../data';
import { FAVOURITES_REVISION_KEY, type FavouriteEntry, WRITE_IN_PROGRESS_KEY } from '../../utils/messaging';
import { logFailure } from './log-failure';

/** Tells every open view that the favourites changed: each reads them again. */
export const announceFavouritesChange = () =>
  browser.storage.local.set({ [FAVOURITES_REVISION_KEY]: crypto.randomUUID() });

/**
 * A worker stopped between a committed write and its change notice leaves a mark: the next worker gives the
 * notice, so every open view re-reads and agrees with the database again.
 */
export async function announceUnannouncedWrite(): Promise<void> {
  try {
    const stored = await browser.storage.session.get(WRITE_IN_PROGRESS_KEY);
    if (stored[WRITE_IN_PROGRESS_KEY] === undefined) return;
    await announceFavouritesChange();
    await browser.storage.session.remove(WRITE_IN_PROGRESS_KEY);
  } catch (error) {
    console.warn('Talkmark: could not check for an unannounced change', error);
  }
}

/** Runs a favourites write inside the mark. The mark is a safety net: if it cannot be written, the star is still saved. */
export async function writeFavourites<T>(write: () => Promise<T>): Promise<T> {
  await browser.storage.session
    .set({ [WRITE_IN_PROGRESS_KEY]: Date.now() })
    .catch(logFailure('marking a favourites write'));
  try {
    return await write();
  } finally {
    await browser.storage.session.remove(WRITE_IN_PROGRESS_KEY).catch(logFailure('clearing the write mark'));
  }
}

/** Favourites with what views need to export or play them, looked up in the catalogue as it is now. */
export function withTalkDetails(favourites: Favourite[], from: Catalogue): FavouriteEntry[] {
  return favourites.map((favourite) => {
    const talk = from.talksById.get(favourite.talkId);
    return talk ? { ...favourite, title: talk.title, ...(talk.videoId ? { videoId: talk.videoId } : {}) } : favourite;
  });
}
