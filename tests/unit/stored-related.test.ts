import { bundledEventFiles as eventFiles } from '../../data/events';
import { storedSearchFor } from '../../utils/import';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/synthetic-catalogue';
import type { EventFile, Talk } from '../../data';
import type { ImportedCatalogue } from '../../utils/import';
import { panelFor } from '../../utils/panel';
import { createLiveCatalogue } from '../../utils/service';
import type { CatalogueStore } from '../../utils/storage';
import { freshCatalogueStores } from './fresh-stores';

const freshStore = freshCatalogueStores('stored-related');

const WORDS = `vitess kubernetes mysql migration sharding database service cloud native storage scaling operator cluster
replication failover backup schema query planner index cache proxy gateway mesh tracing metrics security policy`.split(
  /\s+/,
);
// Topics from common (more than MAX_TALKS_PER_TOPIC talks: only the first ones are candidates) to rare.
const TOPICS = ['kubernetes', 'databases', 'vitess', 'observability', 'security', 'storage', 'mysql', 'chaos'];

/**
 * A conference with what related talks weigh: speakers who give several talks (some of them also in the other
 * conference, one also in the bundled one), topics common and rare, recordings on YouTube and elsewhere.
 */
function conference(count: number, id: string, seed: number, subjects: string[] = []): ImportedCatalogue {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const speakerIds = [
    ...Array.from({ length: 150 }, (_, n) => `${id}-person-${n}`),
    'shared-ada',
    'shared-grace',
    'sugu-sougoumarane',
  ];
  const talks: Talk[] = Array.from({ length: count }, (_, n) => {
    const topics = [...new Set([TOPICS[Math.floor(random() ** 2 * TOPICS.length)], pick(TOPICS)])] as string[];
    return {
      id: `${id}/${n}`,
      eventId: id,
      kind: n % 50 === 0 ? 'keynote' : n % 17 === 0 ? 'interview' : 'talk',
      title: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}${n % 9 === 0 ? ' at scale' : ''}`,
      speakerIds: n === 5 ? [`${id}-solo`] : random() < 0.1 ? [pick(speakerIds), pick(speakerIds)] : [pick(speakerIds)],
      topics: n % 11 === 0 ? [] : topics,
      summary: `${pick(WORDS)} and ${pick(WORDS)} in production`,
      ...(n % 2 === 0
        ? { videoId: `${id.slice(0, 3)}${String(n).padStart(8, '0')}` }
        : n % 3 === 0
          ? { watchUrl: `https://video.example.org/${id}/${n}.mp4` }
          : {}),
    };
  });
  const file: EventFile = {
    event: { id, name: `${id} conference`, subjects },
    speakers: [...speakerIds, `${id}-solo`].map((speaker) => ({ id: speaker, name: `Name of ${speaker}` })),
    talks,
  };
  return { id, format: 'talkmark-json', file, skipped: { untitled: 0, repeated: 0 } };
}

async function storeWith(...imported: ImportedCatalogue[]): Promise<CatalogueStore> {
  const store = freshStore();
  for (const catalogue of imported)
    await store.save(catalogue, 'catalogue.json', storedSearchFor(catalogue.file).search);
  return store;
}

/** The store as a woken worker must use it for a panel: reading any catalogue's talks fails the test. */
const withoutTalks = (store: CatalogueStore): CatalogueStore => ({
  ...store,
  files: () => Promise.reject(new Error('no talks may be read')),
  file: () => Promise.reject(new Error('no talks may be read')),
});

const VIDEOS = [
  'bbb00000000',
  'bbb00000002',
  'bbb00000050',
  'bbb00001234',
  'bbb00002998',
  'ccc00000004',
  'ccc00000398',
];

describe('related talks from the stored indexes, before the catalogue is read', () => {
  it('are exactly the whole catalogue’s: same talks, order, reasons and links', async () => {
    const store = await storeWith(conference(3000, 'bbb', 3), conference(400, 'ccc', 5));
    const cold = createLiveCatalogue(eventFiles, withoutTalks(store));
    const whole = createLiveCatalogue(eventFiles, store);
    const [from, search] = [await whole.catalogue(), await whole.search()];
    let related = 0;
    for (const video of [...VIDEOS, 'OCS45iy5v1M']) {
      const expected = await panelFor(video, undefined, from, search);
      expect(expected?.kind, video).toBe('talk');
      expect(await cold.storedPanelRelated(video), video).toEqual(expected);
      related += expected?.related.length ?? 0;
    }
    expect(related).toBeGreaterThan(30);
  });

  it('name shared speakers and topics, reach the other conference, and open non-YouTube recordings apart', async () => {
    const store = await storeWith(conference(3000, 'bbb', 3), conference(400, 'ccc', 5));
    const cold = createLiveCatalogue(eventFiles, withoutTalks(store));
    const panels = await Promise.all(VIDEOS.map((video) => cold.storedPanelRelated(video)));
    const related = panels.flatMap((panel) => panel?.related ?? []);
    const reasons = related.flatMap((talk) => talk.reasons.map(([key]) => key));
    expect(reasons).toContain('reason_also_by');
    expect(reasons).toContain('reason_also_about');
    expect(related.some((talk) => talk.id.startsWith('ccc/'))).toBe(true);
    expect(related.some((talk) => talk.id.startsWith('bbb/'))).toBe(true);
    for (const talk of related) {
      expect(talk.external).toBe(!talk.url?.startsWith('https://www.youtube.com/watch?v='));
      expect(talk.speakerNames.every((name) => name.startsWith('Name of '))).toBe(true);
    }
    // The bundled talk's panel reaches the imported talks of its speaker.
    const bundled = await cold.storedPanelRelated('OCS45iy5v1M');
    expect(bundled?.related.some((talk) => talk.reasons.some(([key]) => key === 'reason_also_by'))).toBe(true);
  });

  it('read a few posting chunks and card records, not the whole index', async () => {
    const store = await storeWith(conference(3000, 'bbb', 3));
    const reads = { postings: 0, cards: 0 };
    const counted: CatalogueStore = {
      ...withoutTalks(store),
      postingChunks(id, chunks) {
        reads.postings += chunks.length;
        return store.postingChunks(id, chunks);
      },
      cardChunks(id, chunks) {
        reads.cards += chunks.length;
        return store.cardChunks(id, chunks);
      },
      indexes: () => Promise.reject(new Error('the whole index may not be read')),
    };
    const cold = createLiveCatalogue(eventFiles, counted);
    expect((await cold.storedPanelRelated('bbb00001234'))?.related).toHaveLength(5);
    const dictionary = (await store.dictionaries()).dictionaries[0]?.index as { chunkTermStarts: Uint32Array };
    expect(reads.postings).toBeGreaterThan(0);
    expect(reads.postings).toBeLessThan(dictionary.chunkTermStarts.length - 1);
    // The talk's own record, and at most one per related talk.
    expect(reads.cards).toBeLessThanOrEqual(6);
  });

  it('leave the panel to the whole catalogue when a related index is missing or of another build', async () => {
    const store = await storeWith(conference(3000, 'bbb', 3));
    const missing: CatalogueStore = { ...store, relatedIndexes: async () => [] };
    expect(await createLiveCatalogue(eventFiles, missing).storedPanelRelated('bbb00000002')).toBeUndefined();
    const stale: CatalogueStore = {
      ...store,
      relatedIndexes: async () =>
        (await store.relatedIndexes()).map(({ id, related }) => ({
          id,
          related: { ...(related as object), build: 'x' },
        })),
    };
    expect(await createLiveCatalogue(eventFiles, stale).storedPanelRelated('bbb00000002')).toBeUndefined();
    // Small catalogues are quick whole: no shortcut.
    const small = await storeWith(conference(300, 'sml', 3));
    expect(await createLiveCatalogue(eventFiles, small).storedPanelRelated('sml00000002')).toBeUndefined();
  });

  it('never rank a replaced catalogue with what was read of the old one', async () => {
    const store = await storeWith(conference(3000, 'bbb', 3));
    const cold = createLiveCatalogue(eventFiles, withoutTalks(store));
    expect((await cold.storedPanelRelated('bbb00000002'))?.related.length).toBeGreaterThan(0);
    // Imported again (other talks, same conference) without the worker hearing of it yet.
    const replacement = conference(3000, 'bbb', 99);
    await store.save(replacement, 'catalogue.json', storedSearchFor(replacement.file).search);
    const panel = await cold.storedPanelRelated('bbb00000002').catch(() => undefined);
    if (panel) {
      // Whatever it answers is the new catalogue's, as the whole of it says.
      const whole = createLiveCatalogue(eventFiles, store);
      expect(panel).toEqual(await panelFor('bbb00000002', undefined, await whole.catalogue(), await whole.search()));
    }
    // Told of the change, it reads afresh and answers as the new catalogue does.
    cold.invalidate();
    const whole = createLiveCatalogue(eventFiles, store);
    expect(await cold.storedPanelRelated('bbb00000004')).toEqual(
      await panelFor('bbb00000004', undefined, await whole.catalogue(), await whole.search()),
    );
  });
});

describe('the talks a video title is about, from the stored indexes, before the catalogue is read', () => {
  const TITLES = [
    'Name of shared-ada explains sharding',
    'Name of bbb-person-7: replication at scale',
    'name of ccc person 3 and Name of shared-grace on tracing',
    'Vitess in production',
    'Quokka gateways, a deep dive',
    'Sugu Sougoumarane on Vitess',
    // One talk by this speaker; the others found through the search, sharing the title's words.
    'Name of bbb-solo: mysql sharding database',
  ];

  it('are exactly the whole catalogue’s: same talks, order, reasons; none for a title that names nobody', async () => {
    const store = await storeWith(conference(3000, 'bbb', 3), conference(400, 'ccc', 5, ['Quokka']));
    const cold = createLiveCatalogue(eventFiles, withoutTalks(store));
    const whole = createLiveCatalogue(eventFiles, store);
    const [from, search] = [await whole.catalogue(), await whole.search()];
    let found = 0;
    for (const title of TITLES) {
      const expected = await panelFor('NotInCatalog', title, from, search);
      expect(expected?.kind, title).toBe('about');
      expect(await cold.storedPanel('NotInCatalog', title), title).toEqual(expected);
      found += expected?.related.length ?? 0;
    }
    expect(found).toBeGreaterThan(20);
    // A subject of an imported conference brings its talks.
    const quokka = await cold.storedPanel('NotInCatalog', 'Quokka gateways, a deep dive');
    expect(quokka?.related.some((talk) => talk.id.startsWith('ccc/'))).toBe(true);
    // Naming nobody: no panel, as the whole catalogue says.
    expect(await panelFor('NotInCatalog', 'A cooking video', from, search)).toBeUndefined();
    expect(await cold.storedPanel('NotInCatalog', 'A cooking video')).toBeNull();
    // A catalogue video is its talk's, whatever its title.
    const talk = await cold.storedPanel('bbb00000002', 'Name of shared-ada explains sharding');
    expect(talk?.kind === 'talk' && talk.talk.id).toBe('bbb/2');
  });
});
