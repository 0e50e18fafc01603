import { bundledEventFiles as eventFiles } from '../../data/events';
import { storedSearchFor } from '../../utils/import';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
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
      indexes: () => Promise.reject(new DOMException('gone', 'UnknownError')),
    };
    stores.push(broken);
    const live = createLiveCatalogue(eventFiles, broken);
    expect((await live.search()).search('geo partitoning')[0]?.id).toBe('geo-partitioning-with-vitess');
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
