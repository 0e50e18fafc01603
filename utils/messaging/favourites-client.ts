import { browser } from 'wxt/browser';
import type { MergeReport } from '../../data';
import { askBackground as ask } from './ask-background';
import type { FavouriteEntry } from './messages';
import { FAVOURITES_REVISION_KEY, PROGRESS_REVISION_KEY } from './messages';
import { watchStorageKey } from './watch-storage';

// This page's writes, numbered: the background applies none older than one it applied from here.
const VIEW = crypto.randomUUID();
let writes = 0;
const stamp = () => ({ view: VIEW, seq: ++writes });

/**
 * A write that got no answer may still have committed (the worker stopped after the write, before its change
 * notice): every other view is told to read the stars again, so none keeps showing what the database no longer says.
 */
async function writing<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    await browser.storage.local.set({ [FAVOURITES_REVISION_KEY]: crypto.randomUUID() }).catch(() => {});
    throw error;
  }
}

/**
 * How views (popup, options, YouTube panel) read and change favourites through the background, the one writer.
 * (The popup also reads its stars straight from the database while the background wakes: useFavourites.)
 */
export const favouritesClient = {
  list: (): Promise<FavouriteEntry[]> => ask({ type: 'favourites/list' }),
  has: (talkId: string): Promise<boolean> => ask({ type: 'favourites/has', talkId }),
  set: (talkId: string, starred: boolean): Promise<FavouriteEntry[]> =>
    writing(ask({ type: 'favourites/set', talkId, starred, write: stamp() })),
  /** The YouTube panel's star: only its own talk's, answered with that star's state alone. */
  setPanelStar: (talkId: string, starred: boolean): Promise<boolean> =>
    writing(ask({ type: 'panel/star', talkId, starred, write: stamp() })),
  importFile: (text: string): Promise<MergeReport> => ask({ type: 'favourites/import', text }),
  /** Calls `listener` whenever any view changes a favourite; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    return watchStorageKey('local', FAVOURITES_REVISION_KEY, () => listener());
  },
  /** Calls `listener` when the stars or the watch progress change (views that show both). */
  onChangeOrProgress(listener: () => void): () => void {
    const stop = [
      watchStorageKey('local', FAVOURITES_REVISION_KEY, () => listener()),
      watchStorageKey('local', PROGRESS_REVISION_KEY, () => listener()),
    ];
    return () => {
      for (const each of stop) each();
    };
  },
};
