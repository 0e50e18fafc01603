import { compareStamps, decodeStamp, encodeStamp, type Stamp } from './clock';
import { encodeMarks } from './codec';
import { type Mark, markKey } from './mark';
import { readWatchState, WATCH } from './watch';

/**
 * Where marks live in the browser's sync storage: `tm1:m00`…`tm1:m31`, each holding the marks whose key hashes to
 * it (one change rewrites one small item), and `tm1:meta`. Chrome and Firefox give an extension 102,400 bytes in
 * all, 8,192 per item and 512 items; a value's size is its key's length and its JSON's.
 */
export const SYNC_PREFIX = 'tm1:';
export const SHARD_COUNT = 32;
export const META_KEY = `${SYNC_PREFIX}meta`;
export const QUOTA_BYTES = 102_400;
export const ITEM_BYTES = 8_192;

export const shardKey = (shard: number) => `${SYNC_PREFIX}m${String(shard).padStart(2, '0')}`;

/** The shard a mark lives in (FNV-1a of its key). */
export function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARD_COUNT;
}

/** What sync storage counts for an item: its key and its value as JSON. */
export const itemBytes = (key: string, value: unknown) =>
  new TextEncoder().encode(key).length + new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * The area's own record. `horizon`: the newest removal whose tombstone was dropped for lack of room; a mark older
 * than it that a device saw in the area before, and no longer finds there, was removed. `overflow`: some set
 * marks do not fit; while it is said, nothing is taken as removed by its absence.
 */
export interface SyncMeta {
  format: 1;
  horizon?: string;
  overflow?: boolean;
}

export function readMeta(value: unknown): { horizon?: Stamp; overflow: boolean } {
  if (typeof value !== 'object' || value === null) return { overflow: false };
  const { horizon, overflow } = value as Record<string, unknown>;
  const stamp = decodeStamp(horizon);
  return { ...(stamp ? { horizon: stamp } : {}), overflow: overflow === true };
}

export interface SyncPlan {
  /** Every item's new value, by key (a shard with no marks has none: it is removed). */
  items: Map<string, string>;
  meta: SyncMeta;
  /** Marks in the area, and which of them without their snapshot (no room for it). */
  synced: Set<string>;
  withoutSnapshot: Set<string>;
  /** Set marks (stars, watch progress) that do not fit: they stay on this device only. */
  notSynced: Mark[];
  bytes: number;
}

/** A watch mark that only says how far a talk played: the first set mark to stay local when room runs out. */
export const isPositionOnly = (mark: Mark) =>
  mark.kind === WATCH && mark.on && readWatchState(mark.value)?.watched !== true;

/**
 * Which marks go where, within `budget` bytes and the per-item limit. First to give way are the oldest
 * removals' tombstones (raising the horizon), then the oldest stars' snapshots, then the positions of talks not
 * yet watched (they stay on this device), then the oldest stars and watched marks.
 */
export async function planSync(all: readonly Mark[], budget: number, oldHorizon?: Stamp): Promise<SyncPlan> {
  const newestFirst = (a: Mark, b: Mark) => compareStamps(b.stamp, a.stamp);
  const set = all.filter((mark) => mark.on).sort(newestFirst);
  const cleared = all.filter((mark) => !mark.on).sort(newestFirst);
  // What each mark gets: 2 its snapshot too, 1 its key and stamp, 0 nothing.
  const initial = new Map<string, number>();
  for (const mark of set) initial.set(markKey(mark), mark.snapshot ? 2 : 1);
  for (const mark of cleared) initial.set(markKey(mark), 1);
  // Demotions in order, a mark at a time: tombstones oldest first, then snapshots, then stars, oldest first.
  const demotions: Array<{ key: string; to: number }> = [
    ...[...cleared].reverse().map((mark) => ({ key: markKey(mark), to: 0 })),
    ...[...set].reverse().flatMap((mark) => (mark.snapshot ? [{ key: markKey(mark), to: 1 }] : [])),
    ...[...set].reverse().flatMap((mark) => (isPositionOnly(mark) ? [{ key: markKey(mark), to: 0 }] : [])),
    ...[...set].reverse().flatMap((mark) => (isPositionOnly(mark) ? [] : [{ key: markKey(mark), to: 0 }])),
  ];
  const byShard = new Map<number, Mark[]>();
  for (const mark of all) {
    const shard = shardOf(markKey(mark));
    byShard.set(shard, [...(byShard.get(shard) ?? []), mark]);
  }

  /** The plan after the first `count` demotions. */
  const planAfter = async (count: number) => {
    const level = new Map(initial);
    for (const { key, to } of demotions.slice(0, count)) level.set(key, Math.min(level.get(key) ?? 0, to));
    const items = new Map<string, string>();
    for (const [shard, marks] of byShard) {
      const kept = marks.filter((mark) => (level.get(markKey(mark)) ?? 0) > 0);
      if (kept.length === 0) continue;
      items.set(shardKey(shard), await encodeMarks(kept, (mark) => level.get(markKey(mark)) === 2));
    }
    const droppedTombstones = cleared.filter((mark) => level.get(markKey(mark)) === 0);
    const horizon = [oldHorizon, ...droppedTombstones.map((mark) => mark.stamp)]
      .filter((stamp): stamp is Stamp => stamp !== undefined)
      .sort(compareStamps)
      .at(-1);
    const notSynced = set.filter((mark) => level.get(markKey(mark)) === 0);
    const meta: SyncMeta = {
      format: 1,
      ...(horizon ? { horizon: encodeStamp(horizon) } : {}),
      ...(notSynced.length ? { overflow: true } : {}),
    };
    const sizes = [...items].map(([key, value]) => itemBytes(key, value));
    const bytes = sizes.reduce((sum, size) => sum + size, 0) + itemBytes(META_KEY, meta);
    const synced = new Set([...level].filter(([, at]) => at > 0).map(([key]) => key));
    const withoutSnapshot = new Set(set.filter((mark) => mark.snapshot && level.get(markKey(mark)) === 1).map(markKey));
    const plan: SyncPlan = { items, meta, synced, withoutSnapshot, notSynced, bytes };
    return { plan, fits: bytes <= budget && sizes.every((size) => size <= ITEM_BYTES) };
  };

  // The fewest demotions that fit, by bisection (each try encodes every shard).
  const none = await planAfter(0);
  if (none.fits) return none.plan;
  let low = 0; // does not fit
  let high = demotions.length; // fits, or nothing more can give way
  let best = await planAfter(high);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const tried = await planAfter(middle);
    if (tried.fits) {
      high = middle;
      best = tried;
    } else low = middle;
  }
  return best.plan;
}
