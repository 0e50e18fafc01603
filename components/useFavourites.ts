import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { favouritesClient } from '../utils/favourites-client';
import type { FavouriteEntry } from '../utils/messages';

export interface FavouritesState {
  /** Newest first. */
  favourites: FavouriteEntry[];
  starred: ReadonlySet<string>;
  /** Still asking the background for the first time. */
  loading: boolean;
  /** What went wrong, in words for the user; cleared by the next success. */
  error: string | undefined;
  setStarred(talkId: string, starred: boolean): Promise<void>;
}

/**
 * Favourites as every view shows them, kept current when any other view (another tab, the popup, a YouTube
 * panel) changes one.
 */
export function useFavourites(): FavouritesState {
  const [favourites, setFavourites] = useState<FavouriteEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();

  const reload = useCallback(async () => {
    try {
      setFavourites(await favouritesClient.list());
      setError(undefined);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
    return favouritesClient.onChange(() => void reload());
  }, [reload]);

  const setStarred = useCallback(async (talkId: string, starred: boolean) => {
    // Show the change at once; the background's answer (or a reload on failure) settles it.
    setFavourites((current) =>
      starred
        ? [{ talkId, starredAt: Date.now() }, ...current.filter((f) => f.talkId !== talkId)]
        : current.filter((f) => f.talkId !== talkId),
    );
    try {
      setFavourites(await favouritesClient.set(talkId, starred));
      setError(undefined);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      // Show what is really stored; if even that cannot be read, the error above already says so.
      await favouritesClient.list().then(setFavourites, () => undefined);
    }
  }, []);

  // Kept between renders so views can memoise on it.
  const starred = useMemo(() => new Set(favourites.map((favourite) => favourite.talkId)), [favourites]);

  return {
    favourites,
    starred,
    loading,
    error,
    setStarred,
  };
}
