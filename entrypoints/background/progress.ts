import { browser } from '#imports';
import {
  compareStamps,
  isUnfinished,
  markedByHand,
  playedTo,
  readWatchState,
  WATCH,
  type WatchState,
  watchValue,
} from '../../utils/marks';
import { PROGRESS_REVISION_KEY, type Request } from '../../utils/messaging';
import { describeStorageError, type SyncEngine } from '../../utils/service';
import type { FavouritesStore } from '../../utils/storage';

type ProgressRequest = Extract<Request, { type: `progress/${string}` }>;

/**
 * How far each talk was watched: kept as marks of kind `watch` beside the stars (and synced with them), only
 * for catalogue talks, whose panel the tab was given. Nothing else about a person's viewing is kept.
 */
export function createProgress(store: FavouritesStore, sync: SyncEngine) {
  const stateOf = async (talkId: string) => {
    const mark = await store.mark(WATCH, talkId);
    return mark?.on ? readWatchState(mark.value) : undefined;
  };
  const keep = async (talkId: string, state: WatchState) => {
    await store.putMark({ kind: WATCH, talkId, on: true, stamp: await sync.stamp(), value: watchValue(state) });
    sync.changed();
    // Views that show progress bars and "Watched" read again (YouTube tabs are not woken: see the key).
    await announceProgressChange();
    return state;
  };
  /** Every talk's readable watch state, with its mark's stamp. */
  const states = async () =>
    (await store.marks()).flatMap((mark) => {
      const state = mark.kind === WATCH && mark.on ? readWatchState(mark.value) : undefined;
      return state ? [{ talkId: mark.talkId, state, stamp: mark.stamp }] : [];
    });
  return {
    stateOf,
    /** The talks watched to the end (or marked so by hand). */
    async watchedTalks(): Promise<Set<string>> {
      return new Set((await states()).filter(({ state }) => state.watched).map(({ talkId }) => talkId));
    },
    /** The talks started and not finished, the most recently watched first (on any of the person's browsers). */
    async unfinishedTalks(): Promise<string[]> {
      return (await states())
        .filter(({ state }) => isUnfinished(state))
        .sort((a, b) => compareStamps(b.stamp, a.stamp))
        .map(({ talkId }) => talkId);
    },
    async answer(request: ProgressRequest) {
      try {
        switch (request.type) {
          case 'progress/save':
            return {
              ok: true,
              value: await keep(
                request.talkId,
                playedTo(await stateOf(request.talkId), request.position, request.duration),
              ),
            };
          case 'progress/mark':
            return {
              ok: true,
              value: await keep(request.talkId, markedByHand(await stateOf(request.talkId), request.watched)),
            };
          case 'progress/list': {
            const listed: Record<string, WatchState & { at: number }> = {};
            for (const { talkId, state, stamp } of await states()) listed[talkId] = { ...state, at: stamp.wall };
            return { ok: true, value: listed };
          }
          case 'progress/clear': {
            // Each talk's progress is cleared by a mark of its own (a tombstone): sync carries the clearing to the
            // person's other browsers, where absence alone would change nothing.
            let cleared = 0;
            for (const mark of await store.marks()) {
              if (mark.kind !== WATCH || !mark.on) continue;
              await store.putMark({ kind: WATCH, talkId: mark.talkId, on: false, stamp: await sync.stamp() });
              cleared++;
            }
            sync.changed();
            await announceProgressChange();
            return { ok: true, value: cleared };
          }
        }
      } catch (error) {
        const described = describeStorageError(error);
        // A full disk: said of progress, not of favourites (the sentence the panel shows once).
        return { ok: false, error: described[0] === 'storage_full' ? ['progress_storage_full'] : described };
      }
    },
  };
}

/** Tells every open view that shows progress (the popup, the options page) that it changed. */
const announceProgressChange = () => browser.storage.local.set({ [PROGRESS_REVISION_KEY]: crypto.randomUUID() });
