import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TalkRow } from '../../data';
import { messageOf, t } from '../../utils/i18n';
import { askBackground, favouritesClient } from '../../utils/messaging';

/** How far a talk was watched, as the popup shows it (a bar, and where Enter resumes). */
export interface RowProgress {
  position: number;
  duration: number;
  watched: boolean;
}

/**
 * Every talk's watch progress, from the background, read again whenever a view changes a mark (a saved position
 * announces itself as a star does). Empty until read: the list shows no bars rather than wrong ones.
 */
export function useProgress(): ReadonlyMap<string, RowProgress> {
  const [progress, setProgress] = useState<ReadonlyMap<string, RowProgress>>(new Map());
  useEffect(() => {
    const read = () =>
      askBackground({ type: 'progress/list' }).then(
        (states) => setProgress(new Map(Object.entries(states))),
        (error: unknown) => console.warn('Talkmark: watch progress could not be read', error),
      );
    void read();
    return favouritesClient.onChangeOrProgress(() => void read());
  }, []);
  return progress;
}

/** The talks watched to the end, or marked so by hand. */
export function useWatchedTalks(progress: ReadonlyMap<string, RowProgress>): ReadonlySet<string> {
  return useMemo(
    () => new Set([...progress].filter(([, state]) => state.watched).map(([talkId]) => talkId)),
    [progress],
  );
}

/**
 * How many talks the Continue watching tab lists: the background's count, which knows the catalogue (a talk whose
 * catalogue was removed is not listed, so not counted). Read again whenever the progress changes.
 */
export function useUnfinishedCount(progress: ReadonlyMap<string, RowProgress>): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    askBackground({ type: 'talks/search', query: '', filters: {}, view: 'continue', limit: 0 }).then(
      (page) => setCount(page.total),
      (error: unknown) => console.warn('Talkmark: the talks to continue could not be counted', error),
    );
  }, [progress]);
  return count;
}

/** Where opening a talk goes: where it was left, when it was started and not finished. */
export function resumeUrl(url: string, startSeconds: number | undefined, progress: RowProgress | undefined): string {
  if (!progress || progress.watched || progress.position < 1 || !/youtube\.com\/watch/.test(url)) return url;
  const at = (startSeconds ?? 0) + Math.floor(progress.position);
  const address = new URL(url);
  address.searchParams.set('t', String(at));
  return address.toString();
}

/** Marking the highlighted talk watched or not by hand (Ctrl+D), said to screen readers in a sentence. */
export function useWatchedMarks(onProblem: (text: string) => void) {
  const [announcement, setAnnouncement] = useState('');
  const markWatched = async (row: TalkRow, watched: boolean) => {
    const title = row.talk?.title ?? row.id;
    try {
      await askBackground({ type: 'progress/mark', talkId: row.id, watched });
      setAnnouncement(t(watched ? 'marked_watched' : 'marked_unwatched', title));
    } catch (error) {
      onProblem(messageOf(error));
    }
  };
  return { announcement, markWatched };
}
