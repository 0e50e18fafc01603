import { browser } from '#imports';
import { askBackground as ask } from './ask-background';
import type { Favourite, MergeReport } from './favourites-store';
import { FAVOURITES_REVISION_KEY } from './messages';

/** How views (popup, YouTube panel) read and change favourites: always through the background. */
export const favouritesClient = {
  list: (): Promise<Favourite[]> => ask({ type: 'favourites/list' }),
  set: (talkId: string, starred: boolean): Promise<Favourite[]> => ask({ type: 'favourites/set', talkId, starred }),
  importFile: (text: string, size: number): Promise<MergeReport> => ask({ type: 'favourites/import', text, size }),
  /** Calls `listener` whenever any view changes a favourite; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && FAVOURITES_REVISION_KEY in changes) listener();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};
