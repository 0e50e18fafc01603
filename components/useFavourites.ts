import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Favourite } from '../data';
import { messageOf } from '../utils/i18n';
import type { FavouriteEntry } from '../utils/messaging';
import { favouritesClient } from '../utils/messaging';

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
 * panel) changes one. `readStored` reads them straight from the database (the extension's own pages share its
 * origin): the stars are shown from it until the background, which a cold popup must wait for, answers.
 */
export function useFavourites(readStored?: () => Promise<Favourite[]>): FavouritesState {
  const [favourites, setFavourites] = useState<FavouriteEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();

  // Every read and write is numbered: an answer to an older one (a slow reload, a star clicked before) never
  // overwrites a newer one's. Change notices reload, so the view still ends up as the database is.
  const latest = useRef(0);
  // Set once the background has answered or a star has been changed here: from then on, what is shown is newer.
  const settled = useRef(false);
  const reload = useCallback(async () => {
    const number = ++latest.current;
    try {
      const list = await favouritesClient.list();
      if (number !== latest.current) return;
      settled.current = true;
      setFavourites(list);
      setError(undefined);
    } catch (caught) {
      if (number === latest.current) setError(messageOf(caught));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    // Only while nothing else has been shown: the background's answers come with the talks' details.
    readStored?.().then(
      (stored) => !settled.current && setFavourites(stored),
      (caught: unknown) =>
        console.warn('Talkmark: the stars could not be read directly; the background will say', caught),
    );
    void reload();
    return favouritesClient.onChange(() => void reload());
  }, [reload, readStored]);

  const setStarred = useCallback(async (talkId: string, starred: boolean) => {
    // Show the change at once; the background's answer (or a reload on failure) settles it.
    settled.current = true;
    setFavourites((current) =>
      starred
        ? [{ talkId, starredAt: Date.now() }, ...current.filter((f) => f.talkId !== talkId)]
        : current.filter((f) => f.talkId !== talkId),
    );
    const number = ++latest.current;
    try {
      const list = await favouritesClient.set(talkId, starred);
      if (number !== latest.current) return;
      setFavourites(list);
      setError(undefined);
    } catch (caught) {
      // No answer is not a refusal: the write may have committed before the worker stopped. Show what is
      // stored, and the error only when the star really is not as asked.
      try {
        const list = await favouritesClient.list();
        if (number !== latest.current) return;
        setFavourites(list);
        setError(list.some((favourite) => favourite.talkId === talkId) === starred ? undefined : messageOf(caught));
      } catch {
        if (number === latest.current) setError(messageOf(caught));
      }
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
