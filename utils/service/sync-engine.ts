import type { TalkSnapshot } from '../../data';
import {
  compareStamps,
  createClock,
  decodeMarks,
  decodeStamp,
  encodeStamp,
  type Mark,
  META_KEY,
  markKey,
  mergeMarks,
  planSync,
  QUOTA_BYTES,
  readMeta,
  SHARD_COUNT,
  STAR,
  type Stamp,
  SYNC_PREFIX,
  shardKey,
  WATCH,
} from '../marks';
import type { FavouritesStore } from '../storage';
import { type SyncArea, type SyncStatus, syncProblemOf } from './sync-status';

// A burst of changes becomes one write: Chrome allows 120 writes a minute and 1,800 an hour.
const DEBOUNCE_MS = 2_000;
// How soon a merge that found the area behind this device writes back.
const REPLY_MS = 200;
// After the browser refused a write (rate or quota), the next try waits this long.
const BACKOFF_MS = 60_000;
// Room kept free in sync storage for the settings and whatever else the extension keeps there.
const MARGIN_BYTES = 1_024;

export interface SyncEngine {
  /** Merges what sync storage has, then writes what this device has that it lacks. */
  start(): Promise<void>;
  /** A stamp for a change made on this device now (later than every change seen from any device). */
  stamp(): Promise<Stamp>;
  /** A local change was saved: written to sync storage after a short pause (changes in a burst are one write). */
  changed(): void;
  /** Sync storage changed (another device, or this one): merged if the marks' items changed. */
  areaChanged(keys: readonly string[]): void;
  /** Sync switched on or off in the options. */
  setEnabled(enabled: boolean): Promise<void>;
  /** Waits for pending work (tests, and a worker about to stop). */
  idle(): Promise<void>;
}

export interface SyncEngineOptions {
  area: SyncArea;
  store: FavouritesStore;
  /** Bytes sync storage holds besides the marks (the settings). */
  otherBytes(): Promise<number>;
  onStatus(status: SyncStatus): void;
  enabled: boolean;
  now?: () => number;
  debounceMs?: number;
}

/**
 * Keeps the marks in IndexedDB (the truth on this device) and in sync storage (the browser's account carries them
 * to the person's other browsers) merged both ways: at start, whenever sync storage changes, and after each local
 * change. Absence is never removal: an empty device, a fresh install or a wiped area adds nothing and removes
 * nothing; only a removal's own tombstone removes.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { area, store } = options;
  const now = options.now ?? Date.now;
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  let enabled = options.enabled;
  let clock: Promise<ReturnType<typeof createClock>> | undefined;
  let work: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let status: SyncStatus = {
    enabled,
    starsSynced: 0,
    starsTotal: 0,
    notSyncedTitles: [],
    withoutTitles: 0,
    bytesUsed: 0,
    quotaBytes: QUOTA_BYTES,
    damaged: 0,
  };
  const report = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch, enabled };
    options.onStatus(status);
  };
  /** One piece of work at a time: a merge never interleaves with a write. */
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = work.then(task, task);
    work = next.catch(() => {});
    return next;
  };

  // Made once, however many callers ask at the same moment (a star and the start-up merge): one device id.
  const clockReady = () => {
    clock ??= (async () => {
      let node = await store.syncState('node');
      if (typeof node !== 'string') {
        node = Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => (byte % 36).toString(36)).join('');
        await store.saveSyncState('node', node);
      }
      return createClock(node as string, now, decodeStamp(await store.syncState('clock')));
    })().catch((error: unknown) => {
      clock = undefined; // read again next time
      throw error;
    });
    return clock;
  };

  /** Every star that has no mark yet (starred before sync existed) gets one, dated when it was starred. */
  const localMarks = async (): Promise<Map<string, Mark>> => {
    const known = new Map((await store.marks()).map((mark) => [markKey(mark), mark]));
    const { latest } = await clockReady();
    const missing: Mark[] = [];
    for (const favourite of await store.list()) {
      const key = markKey({ kind: STAR, talkId: favourite.talkId });
      if (known.has(key)) continue;
      const mark: Mark = {
        kind: STAR,
        talkId: favourite.talkId,
        on: true,
        stamp: { wall: favourite.starredAt, count: 0, node: latest().node },
        ...(favourite.snapshot ? { snapshot: favourite.snapshot } : {}),
      };
      missing.push(mark);
      known.set(key, mark);
    }
    if (missing.length) await store.applyMarks(missing);
    return known;
  };

  /** The marks in sync storage; items of a newer format are named (and never written over). */
  const readArea = async () => {
    const stored = await area.get(null);
    const marks: Mark[] = [];
    const newer = new Set<string>();
    let damaged = 0;
    for (let shard = 0; shard < SHARD_COUNT; shard++) {
      const key = shardKey(shard);
      if (!(key in stored)) continue;
      const decoded = await decodeMarks(stored[key]);
      if (decoded.ok) {
        marks.push(...decoded.marks);
        damaged += decoded.damaged;
      } else if (decoded.reason === 'newer') newer.add(key);
      else {
        damaged++;
        console.warn('Talkmark: a synced item could not be read; it is ignored', key);
      }
    }
    // Items of a later layout (another prefix) are a newer Talkmark's.
    const laterLayout = Object.keys(stored).some((key) => /^tm\d+:/.test(key) && !key.startsWith(SYNC_PREFIX));
    return { stored, marks, newer, damaged, laterLayout, meta: readMeta(stored[META_KEY]) };
  };

  const merge = async () => {
    const { marks: remote, newer, damaged, laterLayout, meta, stored } = await readArea();
    const local = await localMarks();
    const tick = await clockReady();
    for (const mark of remote) tick.observe(mark.stamp);
    const changed = mergeMarks(local, remote);
    // A removal whose tombstone was dropped for room (older than the horizon): a star this device saw synced
    // before and no longer finds was removed elsewhere. Never while some stars do not fit, or an item is unread.
    const inArea = new Set(remote.map(markKey));
    if (meta.horizon && !meta.overflow && newer.size === 0 && damaged === 0) {
      const seen = new Set((await store.syncState('seen')) as string[] | undefined);
      for (const [key, mark] of local) {
        if (!mark.on || inArea.has(key) || !seen.has(key) || compareStamps(mark.stamp, meta.horizon) > 0) continue;
        const removed: Mark = { kind: mark.kind, talkId: mark.talkId, on: false, stamp: meta.horizon };
        local.set(key, removed);
        changed.push(removed);
      }
    }
    if (changed.length) await store.applyMarks(changed);
    await store.saveSyncState('seen', [...inArea]);
    await store.saveSyncState('clock', encodeStamp(tick.latest()));
    report({
      lastMerged: now(),
      damaged,
      ...(newer.size || laterLayout ? { problem: ['sync_newer'] as SyncStatus['problem'] } : {}),
    });
    return { local, remote, newer, stored, meta, changed };
  };

  /** Merges, then writes to sync storage what differs from what this device holds, in one write. */
  const push = async () => {
    const { local, newer, stored, meta } = await merge();
    const otherBytes = await options.otherBytes();
    // Marks in items of a newer format stay where they are, and so do those items.
    const mine = [...local.values()];
    const plan = await planSync(mine, QUOTA_BYTES - otherBytes - MARGIN_BYTES, meta.horizon);
    const writes: Record<string, unknown> = {};
    const removals: string[] = [];
    for (let shard = 0; shard < SHARD_COUNT; shard++) {
      const key = shardKey(shard);
      if (newer.has(key)) continue;
      const value = plan.items.get(key);
      if (value === undefined) {
        if (key in stored) removals.push(key);
      } else if (value !== stored[key]) writes[key] = value;
    }
    if (JSON.stringify(plan.meta) !== JSON.stringify(stored[META_KEY])) writes[META_KEY] = plan.meta;
    const stars = mine.filter((mark) => mark.kind === STAR && mark.on);
    const synced = stars.filter((mark) => plan.synced.has(markKey(mark)));
    const summary: Partial<SyncStatus> = {
      starsTotal: stars.length,
      starsSynced: synced.length,
      notSyncedTitles: plan.notSynced
        .filter((mark) => mark.kind === STAR)
        .map((mark) => titleOf(mark.snapshot, mark.talkId)),
      progressNotSynced: plan.notSynced.filter((mark) => mark.kind === WATCH).length,
      withoutTitles: plan.withoutSnapshot.size,
      bytesUsed: plan.bytes + otherBytes,
    };
    try {
      // One write operation for every changed item: the write-rate limits count calls, not items.
      if (Object.keys(writes).length) await area.set(writes);
      if (removals.length) await area.remove(removals);
      report({ ...summary, problem: status.problem?.[0] === 'sync_newer' ? status.problem : undefined });
    } catch (error) {
      const problem = syncProblemOf(error);
      console.warn('Talkmark: sync storage refused a write; the stars are safe here and sync later', error);
      report({ ...summary, problem });
      // Everything is still in IndexedDB: try again later (sooner if something changes meanwhile).
      if (retry) clearTimeout(retry);
      retry = setTimeout(() => {
        retry = undefined;
        if (enabled) void serially(push).catch((failure: unknown) => console.error('Talkmark: sync failed', failure));
      }, BACKOFF_MS);
    }
  };

  // Settles when the scheduled write has been made (for `idle`).
  let scheduled: { done: Promise<void>; settle(): void } | undefined;
  const schedule = (delay: number) => {
    if (!enabled) return;
    if (timer) clearTimeout(timer);
    if (!scheduled) {
      let settle = () => {};
      const done = new Promise<void>((resolve) => (settle = resolve));
      scheduled = { done, settle };
    }
    const waiting = scheduled;
    timer = setTimeout(() => {
      timer = undefined;
      if (scheduled === waiting) scheduled = undefined;
      void serially(push)
        .catch((error: unknown) => console.error('Talkmark: sync failed', error))
        .finally(waiting.settle);
    }, delay);
  };

  return {
    start: () => (enabled ? serially(push).then(() => {}) : Promise.resolve(report({}))),
    async stamp() {
      return (await clockReady()).tick();
    },
    changed: () => schedule(debounceMs),
    areaChanged(keys) {
      if (!enabled || !keys.some((key) => key.startsWith(SYNC_PREFIX))) return;
      // Merged at once; anything this device holds that the area lacks is written after the pause.
      void serially(async () => {
        const { local, remote } = await merge();
        const inArea = new Map(remote.map((mark) => [markKey(mark), mark]));
        const behind = [...local].some(([key, mark]) => {
          const there = inArea.get(key);
          return !there || compareStamps(there.stamp, mark.stamp) < 0;
        });
        // Another device's change arrives seldom, so this is no burst: written back almost at once.
        if (behind) schedule(Math.min(debounceMs, REPLY_MS));
      }).catch((error: unknown) => console.error('Talkmark: merging synced marks failed', error));
    },
    async setEnabled(on) {
      enabled = on;
      report({});
      if (on) await serially(push);
      else if (timer) clearTimeout(timer);
    },
    async idle() {
      // Until nothing is running and no write is waiting for its pause (a write may schedule another).
      for (;;) {
        const current = work;
        await current;
        if (scheduled && timer) await scheduled.done;
        else if (work === current) return;
      }
    },
  };
}

function titleOf(snapshot: TalkSnapshot | undefined, talkId: string): string {
  return snapshot?.title ?? talkId;
}
