import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  encodeMarks,
  encodeStamp,
  isPositionOnly,
  itemBytes,
  type Mark,
  markKey,
  planSync,
  QUOTA_BYTES,
  STAR,
  shardKey,
  shardOf,
  WATCH,
} from '../../utils/marks';
import { createSyncEngine, type SyncArea, type SyncStatus } from '../../utils/service';
import { type FavouritesStore, openFavouritesStore } from '../../utils/storage';

let counter = 0;
const opened: FavouritesStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  vi.useRealTimers();
});

/** Sync storage in memory, enforcing Chrome's quotas as Chrome does locally: a write over them throws. */
function memoryArea(): SyncArea & { items: Map<string, unknown>; writes: number } {
  const items = new Map<string, unknown>();
  const area = {
    items,
    writes: 0,
    async get(keys: string | string[] | null) {
      const wanted = keys === null ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(
        wanted.filter((key) => items.has(key)).map((key) => [key, structuredClone(items.get(key))]),
      );
    },
    async set(values: Record<string, unknown>) {
      const next = new Map(items);
      for (const [key, value] of Object.entries(values)) {
        if (itemBytes(key, value) > 8_192) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        next.set(key, structuredClone(value));
      }
      const total = [...next].reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
      if (total > QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
      area.writes++;
      for (const [key, value] of next) items.set(key, value);
    },
    async remove(keys: string | string[]) {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
  };
  return area;
}

/** One profile: its own database and its own view of sync storage, which the test relays to others. */
function profile(area = memoryArea()) {
  const store = openFavouritesStore(`sync-${++counter}`);
  opened.push(store);
  const statuses: SyncStatus[] = [];
  const engine = createSyncEngine({
    area,
    store,
    otherBytes: async () => 0,
    onStatus: (status) => statuses.push(status),
    enabled: true,
    debounceMs: 0,
  });
  /** Stars or unstars here, as the background does. */
  const star = async (talkId: string, on: boolean, title = `Talk ${talkId}`) => {
    const mark: Mark = { kind: STAR, talkId, on, stamp: await engine.stamp(), ...(on ? { snapshot: { title } } : {}) };
    await store.set(talkId, on, Date.now(), mark);
    engine.changed();
    await settle();
  };
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await engine.idle();
  };
  const stars = async () => (await store.list()).map((favourite) => favourite.talkId).sort();
  return { area, store, engine, star, settle, stars, status: () => statuses.at(-1) };
}

/** What Chrome Sync does: another device's items arrive in this one's area, and `onChanged` fires. */
async function relay(from: ReturnType<typeof profile>, to: ReturnType<typeof profile>, keepOnly?: string[]) {
  const changed: string[] = [];
  for (const [key, value] of from.area.items) {
    if (keepOnly && !keepOnly.includes(key)) continue;
    if (JSON.stringify(to.area.items.get(key)) === JSON.stringify(value)) continue;
    to.area.items.set(key, structuredClone(value));
    changed.push(key);
  }
  // An item removed there is removed here too (unless the relay delivers only some items).
  if (!keepOnly)
    for (const key of [...to.area.items.keys()])
      if (!from.area.items.has(key)) {
        to.area.items.delete(key);
        changed.push(key);
      }
  to.engine.areaChanged(changed);
  await to.settle();
}

describe('syncing stars through the browser’s sync storage', () => {
  it('carries a star, with what it was, from one browser to another, and a removal back', async () => {
    const laptop = profile();
    const desktop = profile();
    await laptop.engine.start();
    await desktop.engine.start();
    await laptop.star('vitess-keynote', true, 'Vitess keynote');
    await relay(laptop, desktop);
    expect(await desktop.stars()).toEqual(['vitess-keynote']);
    expect((await desktop.store.list())[0]?.snapshot?.title).toBe('Vitess keynote');
    await desktop.star('vitess-keynote', false);
    await relay(desktop, laptop);
    expect(await laptop.stars()).toEqual([]);
  });

  it('converges when one removes while the other, not yet synced, stars another', async () => {
    const a = profile();
    const b = profile();
    await a.engine.start();
    await b.engine.start();
    await a.star('one', true);
    await relay(a, b);
    await b.star('one', false);
    await a.star('two', true);
    await relay(b, a);
    await relay(a, b);
    await relay(b, a);
    expect(await a.stars()).toEqual(['two']);
    expect(await b.stars()).toEqual(['two']);
  });

  it('never lets a fresh profile, or a wiped sync area, blank anyone’s stars', async () => {
    const a = profile();
    await a.engine.start();
    await a.star('one', true);
    await a.star('two', true);
    // A fresh install joins: its empty store removes nothing, and it receives the stars.
    const fresh = profile();
    for (const [key, value] of a.area.items) fresh.area.items.set(key, structuredClone(value));
    await fresh.engine.start();
    expect(await fresh.stars()).toEqual(['one', 'two']);
    await relay(fresh, a);
    expect(await a.stars()).toEqual(['one', 'two']);
    // Another device wiped the area: nothing is removed here, and the stars are written back.
    const keys = [...a.area.items.keys()];
    a.area.items.clear();
    a.engine.areaChanged(keys);
    await a.settle();
    await a.settle();
    expect(await a.stars()).toEqual(['one', 'two']);
    expect(a.area.items.size).toBeGreaterThan(0);
  });

  it('resolves the conflict where the relay keeps only one side’s version of an item', async () => {
    const a = profile();
    const b = profile();
    await a.engine.start();
    await b.engine.start();
    // Both write the same shard at once (these two ids hash to one item); the relay delivers only a's version to
    // b and overwrites b's.
    expect(shardOf('star:same-shard-a')).toBe(shardOf('star:same-shard-b1'));
    await a.star('same-shard-a', true);
    await b.star('same-shard-b1', true);
    await relay(a, b); // b's area now holds a's items; b merges, finds its own star missing, writes it back
    await relay(b, a);
    expect(await a.stars()).toEqual(['same-shard-a', 'same-shard-b1']);
    expect(await b.stars()).toEqual(['same-shard-a', 'same-shard-b1']);
  });

  it('keeps every star in the database when sync storage is full, and says so', async () => {
    const area = memoryArea();
    // Another extension's worth of data, or a newer Talkmark's, leaves almost no room.
    area.items.set('settings', { filler: 'x'.repeat(QUOTA_BYTES - 60) });
    const a = profile(area);
    await a.engine.start();
    await a.star('one', true);
    expect(await a.stars()).toEqual(['one']);
    expect(a.status()?.problem?.[0]).toBe('sync_quota');
  });

  it('leaves items of a newer Talkmark untouched and says to update', async () => {
    const area = memoryArea();
    const stream = new Blob([JSON.stringify({ v: 9, m: [] })])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw'));
    const newer = btoa(String.fromCharCode(...new Uint8Array(await new Response(stream).arrayBuffer())));
    for (let shard = 0; shard < 32; shard++) area.items.set(shardKey(shard), newer);
    const a = profile(area);
    await a.engine.start();
    await a.star('one', true);
    for (let shard = 0; shard < 32; shard++) expect(area.items.get(shardKey(shard))).toBe(newer);
    expect(a.status()?.problem?.[0]).toBe('sync_newer');
    expect(await a.stars()).toEqual(['one']);
  });

  it('gives stars starred before sync existed their marks, dated when they were starred', async () => {
    const area = memoryArea();
    const a = profile(area);
    await a.store.set('old-star', true, 1_600_000_000_000);
    await a.engine.start();
    const b = profile();
    await b.engine.start();
    await relay(a, b);
    expect(await b.stars()).toEqual(['old-star']);
    expect((await b.store.list())[0]?.starredAt).toBe(1_600_000_000_000);
  });

  it('writes a burst of changes in few writes', async () => {
    const a = profile();
    await a.engine.start();
    const before = a.area.writes;
    // 300 stars as fast as a person can click: the engine writes once the burst pauses.
    const engine = createSyncEngine({
      area: a.area,
      store: a.store,
      otherBytes: async () => 0,
      onStatus: () => {},
      enabled: true,
      debounceMs: 50,
    });
    await engine.setEnabled(true);
    for (let n = 0; n < 300; n++) {
      const mark: Mark = { kind: STAR, talkId: `t${n}`, on: true, stamp: await engine.stamp() };
      await a.store.set(`t${n}`, true, Date.now(), mark);
      engine.changed();
    }
    await new Promise((resolve) => setTimeout(resolve, 120));
    await engine.idle();
    expect(a.area.writes - before).toBeLessThanOrEqual(3);
    expect((await a.store.list()).length).toBe(300);
  });
});

describe('tombstones that give way', () => {
  it('a star removed elsewhere whose tombstone was dropped for room is removed here too, past the horizon', async () => {
    const a = profile();
    const b = profile();
    await a.engine.start();
    await b.engine.start();
    await a.star('gone', true);
    await relay(a, b);
    expect(await b.stars()).toEqual(['gone']);
    // a removes it, and its tombstone is then dropped for room: only the horizon says a removal happened.
    await a.star('gone', false);
    const [tombstone] = (await a.store.marks()).filter((mark) => mark.talkId === 'gone');
    for (const key of [...a.area.items.keys()]) if (key !== 'tm1:meta') a.area.items.delete(key);
    a.area.items.set('tm1:meta', { format: 1, horizon: encodeStamp(tombstone!.stamp) });
    await relay(a, b);
    // b saw the star in sync storage before, no longer finds it, and it is older than the horizon: removed.
    expect(await b.stars()).toEqual([]);
  });

  it('takes nothing as removed while some stars do not fit (the area says it overflows)', async () => {
    const a = profile();
    const b = profile();
    await a.engine.start();
    await b.engine.start();
    await a.star('kept', true);
    await relay(a, b);
    const [star] = (await a.store.marks()).filter((mark) => mark.talkId === 'kept');
    for (const key of [...a.area.items.keys()]) if (key !== 'tm1:meta') a.area.items.delete(key);
    a.area.items.set('tm1:meta', {
      format: 1,
      horizon: encodeStamp({ ...star!.stamp, wall: star!.stamp.wall + 1 }),
      overflow: true,
    });
    await relay(a, b);
    expect(await b.stars()).toEqual(['kept']);
  });
});

describe('room in sync storage', () => {
  it('holds 1,000 stars with their titles, and 5,000 by id alone, within 100 KB', async () => {
    const stamp = (n: number) => ({ wall: 1_760_000_000_000 + n * 60_000, count: 0, node: 'laptop01' });
    const titled: Mark[] = Array.from({ length: 1_000 }, (_, n) => ({
      kind: STAR,
      talkId: `kubecon-na-2025/talk-${n}`,
      on: true,
      stamp: stamp(n),
      snapshot: {
        title: `Scaling stateful workloads on Kubernetes, part ${n}: what we learned`,
        eventName: 'KubeCon NA 2025',
      },
    }));
    const withTitles = await planSync(titled, QUOTA_BYTES - 1_024);
    expect(withTitles.notSynced).toEqual([]);
    expect(withTitles.withoutSnapshot.size).toBe(0);
    const bare: Mark[] = Array.from({ length: 5_000 }, (_, n) => ({
      kind: STAR,
      talkId: `fosdem-2026/talk-${n}`,
      on: true,
      stamp: stamp(n),
    }));
    const byId = await planSync(bare, QUOTA_BYTES - 1_024);
    expect(byId.notSynced).toEqual([]);
    expect(byId.bytes).toBeLessThanOrEqual(QUOTA_BYTES);
  });

  it('past the room, keeps the newest stars and names the ones that stay on this device', async () => {
    const marks: Mark[] = Array.from({ length: 3_000 }, (_, n) => ({
      kind: STAR,
      talkId: `conf/${crypto.randomUUID()}`,
      on: true,
      stamp: { wall: 1_760_000_000_000 + n, count: 0, node: 'a' },
      snapshot: { title: `A talk with a long title that does not compress well ${crypto.randomUUID()}` },
    }));
    const plan = await planSync(marks, QUOTA_BYTES - 1_024);
    expect(plan.bytes).toBeLessThanOrEqual(QUOTA_BYTES - 1_024);
    expect(plan.notSynced.length + plan.synced.size).toBe(3_000);
    // The ones left out are the oldest.
    const oldestSynced = Math.min(
      ...marks.filter((mark) => plan.synced.has(`star:${mark.talkId}`)).map((m) => m.stamp.wall),
    );
    for (const left of plan.notSynced) expect(left.stamp.wall).toBeLessThan(oldestSynced);
    expect(plan.meta.overflow).toBe(true);
    // Each item stays under the per-item limit.
    for (const [key, value] of plan.items) expect(itemBytes(key, value)).toBeLessThanOrEqual(8_192);
    expect(await encodeMarks([], () => false)).toEqual(expect.any(String));
  });

  it('past the room, keeps positions on this device before any star or watched mark', async () => {
    const id = () => `conf/${crypto.randomUUID()}`;
    const stamp = (n: number) => ({ wall: 1_760_000_000_000 + n, count: 0, node: 'a' });
    // The positions are the newest marks, and still the first to stay local.
    const stars: Mark[] = Array.from({ length: 1_200 }, (_, n) => ({
      kind: STAR,
      talkId: id(),
      on: true,
      stamp: stamp(n),
    }));
    const watched: Mark[] = Array.from({ length: 600 }, (_, n) => ({
      kind: WATCH,
      talkId: id(),
      on: true,
      stamp: stamp(2_000 + n),
      value: { p: 3_000 + n, d: 3_300 + n, w: 1 },
    }));
    const positions: Mark[] = Array.from({ length: 1_500 }, (_, n) => ({
      kind: WATCH,
      talkId: id(),
      on: true,
      stamp: stamp(5_000 + n),
      value: { p: 1_000 + n, d: 3_000 + n },
    }));
    const plan = await planSync([...stars, ...watched, ...positions], QUOTA_BYTES - 1_024);
    expect(plan.notSynced.length).toBeGreaterThan(0);
    expect(plan.notSynced.every(isPositionOnly)).toBe(true);
    for (const mark of [...stars, ...watched]) expect(plan.synced.has(markKey(mark))).toBe(true);
    // Of the positions, the newest are the ones that sync.
    const oldestSynced = Math.min(...positions.filter((m) => plan.synced.has(markKey(m))).map((m) => m.stamp.wall));
    for (const left of plan.notSynced) expect(left.stamp.wall).toBeLessThan(oldestSynced);
    expect(plan.meta.overflow).toBe(true);
  });
});
