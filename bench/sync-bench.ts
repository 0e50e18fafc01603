import 'fake-indexeddb/auto';
import type { RealTalk } from '../tests/real-talks';
import { decodeMarks, type Mark, markKey, mergeMarks, planSync, QUOTA_BYTES, STAR } from '../utils/marks';
import { createSyncEngine, type SyncArea } from '../utils/service';
import { openFavouritesStore } from '../utils/storage';

type Row = Record<string, string | number>;

/** Stars of real talks (their ids and titles) or made-up ones, stamped a minute apart on one device. */
function starsOf(
  talks: readonly RealTalk[] | undefined,
  count: number,
  withTitles: boolean,
  node = 'laptop01',
): Mark[] {
  return Array.from({ length: count }, (_, n) => {
    const talk = talks?.[n * 7];
    return {
      kind: STAR,
      talkId: talk ? `real-talks/${talk.id}` : `conf-2026/talk-${n}`,
      on: true,
      stamp: { wall: 1_765_000_000_000 + n * 60_000, count: 0, node },
      ...(withTitles
        ? { snapshot: { title: talk?.title ?? `A talk about things, part ${n}`, eventName: talk?.event ?? 'Conf' } }
        : {}),
    };
  });
}

/** Merging, bytes per star in sync storage, and how often a burst of stars writes. */
export async function syncFigures(talks: readonly RealTalk[] | undefined): Promise<Record<string, Row[]>> {
  // 5,000 stars here against 5,000 synced from another device (half the same talks, half newer versions).
  const local = starsOf(talks, 5_000, true);
  const remote = starsOf(talks, 5_000, true, 'desktop1').map((mark, n) => ({
    ...mark,
    on: n % 3 !== 0,
    stamp: { ...mark.stamp, wall: mark.stamp.wall + (n % 2 ? 1 : -1) },
  }));
  const mergeTimes: number[] = [];
  for (let run = 0; run < 7; run++) {
    const known = new Map(local.map((mark) => [markKey(mark), mark]));
    const started = performance.now();
    mergeMarks(known, remote);
    mergeTimes.push(performance.now() - started);
  }
  // As the engine does it: the synced items decoded (inflated, parsed), then merged.
  const plan = await planSync(remote, QUOTA_BYTES * 4);
  const decodeTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const marks = (await Promise.all([...plan.items.values()].map((value) => decodeMarks(value)))).flatMap((item) =>
      item.ok ? item.marks : [],
    );
    mergeMarks(new Map(local.map((mark) => [markKey(mark), mark])), marks);
    decodeTimes.push(performance.now() - started);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

  // Bytes per star, as sync storage counts them (keys and JSON), with and without titles.
  const perStar: Row[] = [];
  for (const [count, titles] of [
    [1_000, true],
    [1_000, false],
    [5_000, false],
  ] as const) {
    const stars = starsOf(talks, count, titles);
    const fitted = await planSync(stars, QUOTA_BYTES - 1_024);
    perStar.push({
      stars: count,
      titles: titles ? 'yes' : 'no',
      'bytes per star': Number((fitted.bytes / count).toFixed(1)),
      'bytes in all': fitted.bytes,
      'all synced':
        fitted.notSynced.length === 0 && fitted.withoutSnapshot.size === 0
          ? 'yes'
          : `no: ${fitted.notSynced.length} left out`,
    });
  }

  // A burst of 300 stars, clicked as fast as a person can (10 a second) and slower than the pause (one per
  // 2.5 s, the worst case: each is its own write), counted as sync storage writes.
  const bursts: Row[] = [];
  for (const [label, gapMs, count] of [
    ['300 stars, 10 a second', 100, 300],
    ['24 stars, one per 2.5 s', 2_500, 24],
  ] as const) {
    let writes = 0;
    const items = new Map<string, unknown>();
    const area: SyncArea = {
      get: async () => Object.fromEntries(items),
      set: async (values) => {
        writes++;
        for (const [key, value] of Object.entries(values)) items.set(key, value);
      },
      remove: async () => {},
    };
    const store = openFavouritesStore(`bench-sync-${gapMs}`);
    const engine = createSyncEngine({ area, store, otherBytes: async () => 0, onStatus: () => {}, enabled: true });
    await engine.start();
    writes = 0;
    const started = performance.now();
    for (let n = 0; n < count; n++) {
      const mark: Mark = { kind: STAR, talkId: `burst/${n}`, on: true, stamp: await engine.stamp() };
      await store.set(mark.talkId, true, Date.now(), mark);
      engine.changed();
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    await engine.idle();
    const minutes = (performance.now() - started) / 60_000;
    bursts.push({
      burst: label,
      writes,
      'writes a minute': Number((writes / minutes).toFixed(1)),
      'Chrome allows': 120,
    });
    store.close();
  }

  return {
    'Sync: merging 5,000 stars with 5,000 synced ones (ms, median)': [
      {
        'merge alone': Number(median(mergeTimes).toFixed(2)),
        'items decoded, then merged': Number(median(decodeTimes).toFixed(1)),
        goal: 50,
      },
    ],
    'Sync: bytes per star in storage.sync (of 102,400)': perStar,
    'Sync: writes during a burst of stars': bursts,
  };
}
