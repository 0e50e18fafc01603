import { bundledEventFiles as eventFiles } from '../../data/events';
import { storedSearchFor } from '../../utils/import';
import { findTalks } from '../../utils/search';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/synthetic-catalogue';
import { type ImportedCatalogue, parseScheduleFile } from '../../utils/import';
import { panelFor } from '../../utils/panel';
import { openStoredTalkSearch } from '../../utils/search';
import { createLiveCatalogue } from '../../utils/service';
import type { CatalogueStore } from '../../utils/storage';
import { asFrabScheduleJson, type RealTalk } from '../real-talks';
import { freshCatalogueStores } from './fresh-stores';

const freshStore = freshCatalogueStores('stored-search');

const WORDS = `vitess kubernetes mysql migration sharding database service cloud native storage scaling operator cluster
replication failover backup schema query planner index cache proxy gateway mesh tracing metrics security policy
scheduler serverless network volume snapshot consensus raft etcd postgres kafka streaming pipeline rollout canary
helm tenant isolation privacy region partition resharding tablet keyspace topology production incident chaos`.split(
  /\s+/,
);
const NAMES = 'Ada Grace Linus Sugu Deepthi Morgan Jiten Anthony Sarah Liz Priya Chen Olga Tomás Zoë'.split(' ');
const SURNAMES = 'Lovelace Hopper Torvalds Sougoumarane Sigireddi Tocker Vaidya Yeh Novotny Müller Ångström'.split(' ');

/** Talks enough for the index to have many posting chunks and card records, as an import would make them. */
function conference(count: number, acronym: string, seed = 7): ImportedCatalogue {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const talks: RealTalk[] = Array.from({ length: count }, (_, n) => ({
    id: `${acronym}-${n}`,
    title: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${n % 7 === 0 ? 'at scale' : ''}`.trim(),
    speakers: [`${pick(NAMES)} ${pick(SURNAMES)}`],
    event: 'Conf',
    year: 2024,
    ...(n % 3 === 0 ? { youtubeId: `${acronym.slice(0, 3)}${String(n).padStart(8, '0')}` } : {}),
    summary: `${pick(WORDS)} and ${pick(WORDS)} in production, talk ${n}`,
  }));
  const parsed = parseScheduleFile(asFrabScheduleJson(talks, acronym), 'schedule.json');
  if (!parsed.ok) throw new Error(parsed.error.join(' '));
  return parsed.catalogue;
}

const QUERIES = [
  'vitess',
  'kuber',
  'shardng',
  'raft etcd',
  'sougoumarane',
  'deepthi sigiredy',
  'muller',
  'at scale',
  'talk 1234',
  'zz nothing like it',
  'v',
];

describe('the popup’s search over the stored indexes', () => {
  it('answers exactly as the background does: same talks, order, highlights and totals', async () => {
    const store = freshStore();
    for (const catalogue of [conference(3000, 'big'), conference(400, 'small', 11)]) {
      await store.save(catalogue, 'schedule.json', storedSearchFor(catalogue.file).search);
    }
    const live = createLiveCatalogue(eventFiles, store);
    const [from, search] = [await live.catalogue(), await live.search()];
    const popup = openStoredTalkSearch(eventFiles, store);
    for (const query of QUERIES) {
      for (const limit of [30, 60]) {
        const request = { query, filters: {}, view: 'talks' as const, limit };
        expect(await popup.find(query, limit), query).toEqual(findTalks(request, from, search, []));
      }
    }
  });

  it('reads the dictionary and only the chunks and cards a query reaches', async () => {
    const store = freshStore();
    const catalogue = conference(3000, 'big');
    // Small chunks, so that a query could read many of them.
    const { search } = storedSearchFor(catalogue.file, 1024);
    await store.save(catalogue, 'schedule.json', search);
    const read = { postings: 0, cards: 0 };
    const counting: CatalogueStore = {
      ...store,
      files: () => Promise.reject(new Error('the popup must not read the talks')),
      postingChunks: (id, chunks) => {
        read.postings += chunks.length;
        return store.postingChunks(id, chunks);
      },
      cardChunks: (id, chunks) => {
        read.cards += chunks.length;
        return store.cardChunks(id, chunks);
      },
    };
    const page = await openStoredTalkSearch(eventFiles, counting).find('sougoumarane', 30);
    expect(page?.rows).toHaveLength(30);
    expect(page?.rows.every((row) => row.talk?.speakers[0]?.name.endsWith('Sougoumarane'))).toBe(true);
    expect(search.postings.length).toBeGreaterThan(20);
    expect(read.postings).toBeLessThanOrEqual(2);
    expect(read.cards).toBeLessThanOrEqual(30);
  });

  it('once prepared, answers every keystroke from memory', async () => {
    const store = freshStore();
    const catalogue = conference(3000, 'big');
    await store.save(catalogue, 'schedule.json', storedSearchFor(catalogue.file, 1024).search);
    let reads = 0;
    const counting: CatalogueStore = {
      ...store,
      postingChunks: (id, chunks) => {
        reads += 1;
        return store.postingChunks(id, chunks);
      },
      cardChunks: (id, chunks) => {
        reads += 1;
        return store.cardChunks(id, chunks);
      },
    };
    const popup = openStoredTalkSearch(eventFiles, counting);
    await popup.prepare();
    expect(reads).toBeGreaterThan(0);
    reads = 0;
    for (const query of ['k', 'ku', 'kub', 'kubernetse', 'raft etcd', 'zz nothing']) await popup.find(query, 30);
    expect(reads).toBe(0);
    expect((await popup.find('kubernetes', 30))?.rows[0]?.talk?.title).toMatch(/kubernetes/);
  });

  it('leaves a catalogue it has no current index for to the background, and answers once it is rebuilt', async () => {
    const store = freshStore();
    const catalogue = conference(300, 'conf');
    const { search } = storedSearchFor(catalogue.file);
    // As a database upgraded from version 3 is: the talks are there, their index is not yet.
    await store.save(catalogue, 'schedule.json', { ...search, dictionary: { ...search.dictionary, version: 2 as 3 } });
    const popup = openStoredTalkSearch(eventFiles, store);
    expect(await popup.find('vitess', 30)).toBeUndefined();
    // The background rebuilds it on its first search.
    await (await createLiveCatalogue(eventFiles, store).search()).findLoading('vitess', { limit: 1 });
    await expect.poll(async () => (await popup.find('vitess', 30))?.total).toBeGreaterThan(0);
  });

  it('never mixes a replaced catalogue’s chunks into what it read before, and reads afresh after', async () => {
    const store = freshStore();
    await store.save(conference(2000, 'conf'), 'schedule.json', storedSearchFor(conference(2000, 'conf').file).search);
    const popup = openStoredTalkSearch(eventFiles, store);
    expect((await popup.find('kafka', 30))?.total).toBeGreaterThan(0);
    // Imported again (other talks, same conference) while the popup is open, before the revision notice arrives.
    const replaced = conference(2000, 'conf', 99);
    await store.save(replaced, 'schedule.json', storedSearchFor(replaced.file).search);
    await expect(popup.find('helm tracing', 30)).rejects.toThrow(/changed/);
    const live = createLiveCatalogue(eventFiles, store);
    const request = { query: 'helm tracing', filters: {}, view: 'talks' as const, limit: 30 };
    expect(await popup.find('helm tracing', 30)).toEqual(
      findTalks(request, await live.catalogue(), await live.search(), []),
    );
  });

  it('ranks the bundled talks as the background does, ties included', async () => {
    const store = freshStore();
    // Talks in an order the catalogue's (keynotes first) is not: document numbers, which break ties, follow the file.
    const bundled = eventFiles.map((file) => ({ ...file, talks: [...file.talks].reverse() }));
    const live = createLiveCatalogue(bundled, store);
    const popup = openStoredTalkSearch(bundled, store);
    for (const query of ['kubecon', 'planetscale', 'vitess', 'k', 'interview', 'talk', 'mysql kubernetes']) {
      const request = { query, filters: {}, view: 'talks' as const, limit: 30 };
      expect(await popup.find(query, 30), query).toEqual(
        findTalks(request, await live.catalogue(), await live.search(), []),
      );
    }
  });

  it('searches the bundled talks alone when nothing is imported', async () => {
    const page = await openStoredTalkSearch(eventFiles, freshStore()).find('geo partitoning', 30);
    expect(page?.rows[0]?.id).toBe('geo-partitioning-with-vitess');
    expect(page?.rows[0]?.talk?.title).toBe('Geo-partitioning with Vitess');
  });
});

describe('the YouTube panel of a large imported catalogue, from the stored indexes', () => {
  it('shows the talk from its stored card exactly as the whole catalogue would, reading no talks', async () => {
    const store = freshStore();
    const big = conference(3000, 'big');
    await store.save(big, 'schedule.json', storedSearchFor(big.file).search);
    const noTalks: CatalogueStore = { ...store, files: () => Promise.reject(new Error('no talks may be read')) };
    const cold = createLiveCatalogue(eventFiles, noTalks);
    const whole = createLiveCatalogue(eventFiles, store);
    for (const video of ['big00000300', 'big00002997', 'big00000000']) {
      const expected = await panelFor(video, undefined, await whole.catalogue(), await whole.search());
      expect(expected?.kind).toBe('talk');
      // Woken cold: the talk at once, its related talks pending (asked for next).
      const first = createLiveCatalogue(eventFiles, noTalks);
      const shown = await first.storedPanel(video);
      expect(shown).toEqual(expected?.kind === 'talk' ? { ...expected, related: [], relatedPending: true } : undefined);
      expect(await first.storedPanelRelated(video)).toEqual(expected);
    }
    // A bundled talk's video: the bundled catalogue says it, as it does in the whole.
    const bundled = await cold.storedPanel('OCS45iy5v1M');
    expect(bundled?.kind === 'talk' && bundled.talk.title).toBe('How to Migrate a MySQL Database to Vitess');
    expect((await cold.storedPanelRelated('OCS45iy5v1M'))?.related.length).toBeGreaterThan(0);
    expect(await cold.storedPanel('not-a-video')).toBeUndefined();
    // Once what ranking reads is in memory, the whole panel comes at once, in one answer.
    const warm = await cold.storedPanel('big00000300');
    expect(warm).toEqual(await panelFor('big00000300', undefined, await whole.catalogue(), await whole.search()));
  });

  it('takes no shortcut for a small catalogue, whose whole panel is quick anyway', async () => {
    const store = freshStore();
    const small = conference(300, 'sml');
    await store.save(small, 'schedule.json', storedSearchFor(small.file).search);
    expect(await createLiveCatalogue(eventFiles, store).storedPanel('sml00000003')).toBeUndefined();
  });
});
