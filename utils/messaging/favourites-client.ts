import type { MergeReport } from '../../data';
import { askBackground as ask } from './ask-background';
import type { FavouriteEntry } from './messages';
import { FAVOURITES_REVISION_KEY } from './messages';
import { watchStorageKey } from './watch-storage';

/**
 * How views (popup, options, YouTube panel) read and change favourites through the background, the one writer.
 * (The popup also reads its stars straight from the database while the background wakes: useFavourites.)
 */
export const favouritesClient = {
  list: (): Promise<FavouriteEntry[]> => ask({ type: 'favourites/list' }),
  has: (talkId: string): Promise<boolean> => ask({ type: 'favourites/has', talkId }),
  set: (talkId: string, starred: boolean): Promise<FavouriteEntry[]> =>
    ask({ type: 'favourites/set', talkId, starred }),
  importFile: (text: string): Promise<MergeReport> => ask({ type: 'favourites/import', text }),
  /** Calls `listener` whenever any view changes a favourite; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    return watchStorageKey('local', FAVOURITES_REVISION_KEY, () => listener());
  },
};
