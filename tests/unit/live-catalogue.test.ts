import { bundledEventFiles as eventFiles } from '../../data/events';
import { storedSearchFor } from '../../utils/import';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScheduleFile } from '../../utils/import';
import { readIndexDictionary } from '../../utils/search';
import { createLiveCatalogue } from '../../utils/service';
import { openCatalogueStore } from '../../utils/storage';

let counter = 0;
const stores: Array<{ close(): void }> = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});
function tinyConf() {
  const xml = readFileSync(new URL('../fixtures/schedules/small-frab.xml', import.meta.url), 'utf8');
  const result = parseScheduleFile(xml, 'schedule.xml');
  if (!result.ok) throw new Error(result.error.join(' '));
  return result.catalogue;
}
const SHARDING = 'tinyconf2024/7c1c9a34-5b8e-4bd4-9a43-2f5c5a2d0c01';

describe('the live catalogue', () => {
  it('searches bundled and imported talks together, and sees an import once invalidated', async () => {
    const store = openCatalogueStore(`live-${++counter}`);
    stores.push(store);
    const live = createLiveCatalogue(eventFiles, store);
    expect((await live.search()).search('muller')).toEqual([]);
    expect((await live.catalogue()).talks).toHaveLength(10);

    const catalogue = tinyConf();
    await store.save(catalogue, 'schedule.xml', storedSearchFor(catalogue.file).search);
    live.invalidate();
    const ids = (await live.search()).search('vitess', 100).map((hit) => hit.id);
    expect(ids).toContain(SHARDING);
    expect(ids).toContain('geo-partitioning-with-vitess');
    expect((await live.catalogue()).talksById.get(SHARDING)?.title).toBe('Sharding MySQL with Vitess');

    await store.remove(catalogue.id);
    live.invalidate();
    expect((await live.search()).search('muller')).toEqual([]);
  });

  it('rebuilds and stores again an index of an older layout, never misreading it', async () => {
    const store = openCatalogueStore(`live-${++counter}`);
    stores.push(store);
    const catalogue = tinyConf();
    const { search } = storedSearchFor(catalogue.file);
    await store.save(catalogue, 'schedule.xml', { ...search, dictionary: { ...search.dictionary, version: 2 as 3 } });
    const live = createLiveCatalogue(eventFiles, store);
    expect((await live.search()).search('shardng mysql')[0]?.id).toBe(SHARDING);
    await expect
      .poll(async () => readIndexDictionary((await store.indexes())[0]?.dictionary)?.docWeights.length)
      .toBe(3);
  });

  it('still searches the bundled talks when the database cannot be read', async () => {
    const broken = {
      ...openCatalogueStore(`live-${++counter}`),
      files: () => Promise.reject(new DOMException('gone', 'UnknownError')),
      contents: () => Promise.reject(new DOMException('gone', 'UnknownError')),
      indexes: () => Promise.reject(new DOMException('gone', 'UnknownError')),
    };
    stores.push(broken);
    const live = createLiveCatalogue(eventFiles, broken);
    expect((await live.search()).search('geo partitoning')[0]?.id).toBe('geo-partitioning-with-vitess');
  });

  it('never keeps an answer made while the imports could not be read: the next request reads them again', async () => {
    const store = openCatalogueStore(`live-${++counter}`);
    stores.push(store);
    const catalogue = tinyConf();
    await store.save(catalogue, 'schedule.xml', storedSearchFor(catalogue.file).search);
    let failures = 2; // one failed read and its retry
    const flaky = {
      ...store,
      contents: () => (failures-- > 0 ? Promise.reject(new DOMException('busy', 'UnknownError')) : store.contents()),
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const live = createLiveCatalogue(eventFiles, flaky);
    // The bundled talks answer meanwhile…
    expect((await live.search()).search('sharding mysql vitess', 5).map((hit) => hit.id)).not.toContain(SHARDING);
    // …and the next request finds the imported ones, with no import or restart in between.
    expect((await live.search()).search('sharding mysql vitess', 5).map((hit) => hit.id)).toContain(SHARDING);
    expect((await live.catalogue()).talksById.has(SHARDING)).toBe(true);
    vi.restoreAllMocks();
  });

  it('retries a failed read of the stored indexes, and never rebuilds them for it', async () => {
    const store = openCatalogueStore(`live-${++counter}`);
    stores.push(store);
    const catalogue = tinyConf();
    await store.save(catalogue, 'schedule.xml', storedSearchFor(catalogue.file).search);
    const [before] = await store.indexes();
    let failures = 1;
    let saved = 0;
    const flaky = {
      ...store,
      indexes: () => (failures-- > 0 ? Promise.reject(new DOMException('busy', 'UnknownError')) : store.indexes()),
      saveIndex: (...args: Parameters<typeof store.saveIndex>) => {
        saved += 1;
        return store.saveIndex(...args);
      },
    };
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const live = createLiveCatalogue(eventFiles, flaky);
    expect((await live.search()).search('sharding mysql', 1)[0]?.id).toBe(SHARDING);
    // Read again, not rebuilt: the stored index keeps its build, so open popups keep theirs.
    expect(saved).toBe(0);
    const [after] = await store.indexes();
    expect(readIndexDictionary(after?.dictionary)?.build).toBe(readIndexDictionary(before?.dictionary)?.build);
    vi.restoreAllMocks();
  });

  it('never stores an index rebuilt from what it read over an import that came in meanwhile', async () => {
    const store = openCatalogueStore(`live-${++counter}`);
    stores.push(store);
    const first = tinyConf();
    // Stored with an index of an older layout: the live catalogue will rebuild it from the talks it reads.
    const { search } = storedSearchFor(first.file);
    await store.save(first, 'schedule.xml', { ...search, dictionary: { ...search.dictionary, version: 2 as 3 } });
    const renamed = parseScheduleFile(
      readFileSync(new URL('../fixtures/schedules/small-frab.xml', import.meta.url), 'utf8').replace(
        'A talk without a guid',
        'Renamed since',
      ),
      'v2.xml',
    );
    if (!renamed.ok) throw new Error('fixture');
    // The new version is imported while the live catalogue reads the old one's indexes.
    const racing = {
      ...store,
      indexes: async () => {
        const stored = await store.indexes();
        await store.save(renamed.catalogue, 'v2.xml', storedSearchFor(renamed.catalogue.file).search);
        return stored;
      },
    };
    const live = createLiveCatalogue(eventFiles, racing);
    await live.search();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the rebuilt index's write, not awaited by search
    const cards = (await store.allCardChunks(first.id)).flatMap(
      (record) => JSON.parse(record.cards) as Array<{ title: string }>,
    );
    expect(cards.map((card) => card.title)).toContain('Renamed since');
    expect(readIndexDictionary((await store.indexes())[0]?.dictionary)?.version).toBe(3);
  });

  it('says a video has no panel from the stored keys alone, without reading any talk', async () => {
    const store = openCatalogueStore(`live-${++counter}`);
    stores.push(store);
    const catalogue = tinyConf();
    await store.save(catalogue, 'schedule.xml', storedSearchFor(catalogue.file).search);
    let talksRead = 0;
    const counting = {
      ...store,
      files: () => {
        talksRead += 1;
        return store.files();
      },
      contents: () => {
        talksRead += 1;
        return store.contents();
      },
    };
    const live = createLiveCatalogue(eventFiles, counting);
    expect(await live.mayHavePanel('other123456', 'How to tune a guitar')).toBe(false);
    expect(await live.mayHavePanel('ZYXWVUTSRQP')).toBe(true);
    expect(await live.mayHavePanel('other123456', 'Ana Müller explains')).toBe(true);
    expect(talksRead).toBe(0);

    // A catalogue stored without keys (an interrupted older write): no shortcut, every video is looked up.
    const withoutKeys = { ...counting, keys: async () => [] };
    expect(await createLiveCatalogue(eventFiles, withoutKeys).mayHavePanel('other123456', 'Guitar')).toBe(true);
  });
});
