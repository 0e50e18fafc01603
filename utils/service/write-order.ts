import type { WriteStamp } from '../messaging';
import type { SessionArea } from './session-area';

const KEY = 'favourites-write-order';

/**
 * Which star writes to apply, by each view's own numbering. A view re-sends a request whose answer is late (the
 * worker may have stopped after the write committed); a re-sent older write that arrives after a newer one from
 * the same view, for the same talk, must not undo it. The numbers last applied are kept in session storage, so a
 * worker started after a stop still knows them.
 */
export function createWriteOrder(area: SessionArea, capacity = 500) {
  let applied: Promise<Map<string, number>> | undefined;
  const read = async () => {
    const stored = (await area.get(KEY))[KEY];
    const entries =
      typeof stored === 'object' && stored !== null
        ? Object.entries(stored).filter((entry): entry is [string, number] => typeof entry[1] === 'number')
        : [];
    return new Map(entries);
  };
  const known = () => {
    applied ??= read().catch((error: unknown) => {
      console.warn('Talkmark: the order of earlier writes could not be read', error);
      return new Map<string, number>();
    });
    return applied;
  };
  const keyOf = (stamp: WriteStamp, talkId: string) => `${stamp.view} ${talkId}`;
  return {
    /** Whether `stamp`'s write to `talkId` is newer than every one applied from its view to that talk. */
    async isNewer(stamp: WriteStamp, talkId: string): Promise<boolean> {
      return ((await known()).get(keyOf(stamp, talkId)) ?? Number.NEGATIVE_INFINITY) < stamp.seq;
    },
    /**
     * Remembers `stamp`'s write as applied, once it has committed: a write interrupted before that is applied when
     * its view sends it again. The caller runs one write at a time, so no other write comes between the two calls.
     */
    async record(stamp: WriteStamp, talkId: string): Promise<void> {
      const applied = await known();
      const key = keyOf(stamp, talkId);
      applied.delete(key); // re-inserted last: the oldest entries are forgotten first
      applied.set(key, Math.max(stamp.seq, applied.get(key) ?? Number.NEGATIVE_INFINITY));
      for (const oldest of applied.keys()) {
        if (applied.size <= capacity) break;
        applied.delete(oldest);
      }
      // A safety net: if it cannot be kept, the write has still happened.
      await area.set({ [KEY]: Object.fromEntries(applied) }).catch((error: unknown) => {
        console.warn('Talkmark: the order of writes could not be kept', error);
      });
    },
  };
}
