import type { SessionArea } from './session-area';

/** Each favourites write in progress has a mark of its own in session storage: `favourites-write:<id>`. */
const PREFIX = 'favourites-write:';

/**
 * Marks each favourites write while it is in progress, so that a worker stopped between a committed write and
 * its change notice leaves a mark, and the next worker gives the notice. Each write has its own mark: when writes
 * overlap, the first to finish must not clear the mark of one still running.
 */
export function createWriteMarks(area: SessionArea, announce: () => Promise<void>) {
  return {
    /** Runs `write` inside its own mark. If the mark cannot be written, the write still happens (and is logged). */
    async around<T>(write: () => Promise<T>): Promise<T> {
      const key = `${PREFIX}${crypto.randomUUID()}`;
      await area.set({ [key]: Date.now() }).catch((error: unknown) => {
        console.error('Talkmark: marking a favourites write failed', error);
      });
      try {
        return await write();
      } finally {
        await area.remove(key).catch((error: unknown) => {
          console.error('Talkmark: clearing a write mark failed', error);
        });
      }
    },
    /** On a worker's start: gives the notice of writes an earlier worker left marked, then clears their marks. */
    async announceLeftovers(): Promise<boolean> {
      const stored = await area.get(null);
      const left = Object.keys(stored).filter((key) => key.startsWith(PREFIX));
      if (left.length === 0) return false;
      await announce();
      await area.remove(left);
      return true;
    },
  };
}
