import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { bundledEventFiles } from '../data/events';
import { asFrabScheduleJson, type RealTalk } from '../tests/real-talks';
import { startScheduleServer } from '../tests/schedule-server';
import { decodeSchedule, parseScheduleFile, storedSearchFor } from '../utils/import';
import { createSubscriptionService, type SubscriptionArea } from '../utils/service';
import { openCatalogueStore } from '../utils/storage';
import type { Subscription } from '../utils/subscriptions';

// Subscriptions in the bench, in Node over a real local HTTP server (the same service the background runs, with
// IndexedDB from fake-indexeddb): a FOSDEM-size schedule refreshed unchanged and changed, and 50,000 talks
// fetched against the same bytes read from disk.

type Row = Record<string, string | number>;
const FOSDEM = new URL('../../shared/talk-data/samples/fosdem-2020-schedule.xml', import.meta.url);
const round = (value: number) => Number(value.toFixed(1));
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
let databases = 0;

function serviceOver() {
  const store = openCatalogueStore(`talkmark-bench-subscriptions-${++databases}`);
  let saved: Subscription[] = [];
  const area: SubscriptionArea = {
    read: async () => saved,
    write: async (all) => {
      saved = all;
    },
  };
  const service = createSubscriptionService({
    area,
    store,
    permissions: { contains: async () => true, remove: async () => {} },
    bundled: bundledEventFiles,
    starred: async () => new Set(),
    catalogueChanged: async () => {},
    online: () => true,
  });
  return { service, store };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export async function subscriptionFigures(talks: readonly RealTalk[] | undefined): Promise<Record<string, Row[]>> {
  const server = await startScheduleServer();
  try {
    const fosdem = readFileSync(FOSDEM, 'utf8');
    // The same schedule with recordings published for its first 100 talks: each refresh alternates the two.
    let added = 0;
    const withRecordings = fosdem.replace(/<links>/g, (links) =>
      ++added <= 100
        ? `${links}<link href="https://www.youtube.com/watch?v=Rec${String(added).padStart(8, '0')}">Video recording</link>`
        : links,
    );
    server.serve('/fosdem.xml', fosdem);
    const { service, store } = serviceOver();
    const subscribed = await service.subscribe(server.url('/fosdem.xml'));
    if (!subscribed.ok) throw new Error(`the bench could not subscribe: ${subscribed.error.join(' ')}`);
    const unchanged: number[] = [];
    for (let run = 0; run < 12; run++) unchanged.push(await timed(() => service.refresh(subscribed.catalogueId)));
    const changed: number[] = [];
    for (let run = 0; run < 6; run++) {
      server.serve('/fosdem.xml', run % 2 ? fosdem : withRecordings);
      changed.push(await timed(() => service.refresh(subscribed.catalogueId)));
    }
    store.close();
    const rows: Record<string, Row[]> = {
      [`Subscriptions: refreshing FOSDEM 2020 (${subscribed.talkCount} talks) over local HTTP (goals: 304 ≤ 50 ms, changed ≤ 2 s)`]:
        [
          {
            refresh: 'unchanged (304, no parsing)',
            runs: unchanged.length,
            'median ms': round(median(unchanged)),
            'max ms': round(Math.max(...unchanged)),
          },
          {
            refresh: 'changed (100 new recordings)',
            runs: changed.length,
            'median ms': round(median(changed)),
            'max ms': round(Math.max(...changed)),
          },
        ],
    };

    if (talks) {
      const big = asFrabScheduleJson(talks.slice(0, 50_000), 'real-talks');
      server.serve('/big.json', big, 'application/json');
      const overHttp = serviceOver();
      const httpMs = await timed(() => overHttp.service.subscribe(server.url('/big.json')));
      overHttp.store.close();
      // From disk: what the options page's import worker does with a picked file's bytes.
      const bytes = new TextEncoder().encode(big);
      const fromDisk = openCatalogueStore(`talkmark-bench-subscriptions-${++databases}`);
      const diskMs = await timed(async () => {
        const parsed = parseScheduleFile(decodeSchedule(bytes), 'schedule.json');
        if (!parsed.ok) throw new Error(parsed.error.join(' '));
        await fromDisk.save(parsed.catalogue, 'schedule.json', storedSearchFor(parsed.catalogue.file).search);
      });
      fromDisk.close();
      rows['Subscriptions: 50,000 talks by address against the same file from disk'] = [
        { how: 'subscribed over local HTTP', MB: round(bytes.length / 1e6), ms: Math.round(httpMs) },
        { how: 'picked from disk (same bytes)', MB: round(bytes.length / 1e6), ms: Math.round(diskMs) },
      ];
    }
    return rows;
  } finally {
    await server.close();
  }
}
