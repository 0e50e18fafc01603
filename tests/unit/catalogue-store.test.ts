import { bundledEventFiles as eventFiles } from '../../data/events';
import { storedSearchFor } from '../../utils/import';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { type IDBPDatabase, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { type ImportedCatalogue, parseScheduleFile } from '../../utils/import';
import { documentCount, joinIndex, readIndexDictionary, searchOver } from '../../utils/search';
import { createLiveCatalogue } from '../../utils/service';
import { openCatalogueStore, openFavouritesStore } from '../../utils/storage';

let counter = 0;
const freshName = () => `talkmark-catalogues-${++counter}`;
const closing: Array<{ close(): void }> = [];
afterEach(() => {
  for (const store of closing.splice(0)) store.close();
});
const catalogues = (name: string) => {
  const store = openCatalogueStore(name);
  closing.push(store);
  return store;
};

const indexOf = (catalogue: ImportedCatalogue) => storedSearchFor(catalogue.file).search;

function tinyConf(edit: (xml: string) => string = (xml) => xml): ImportedCatalogue {
  const xml = readFileSync(new URL('../fixtures/schedules/small-frab.xml', import.meta.url), 'utf8');
  const result = parseScheduleFile(edit(xml), 'schedule.xml');
  if (!result.ok) throw new Error(result.error.join(' '));
  return result.catalogue;
}

/** What every release since v3 stored of TinyConf: a star on one of its talks, its record and its talks. */
async function putStarredTinyConf(db: IDBPDatabase<unknown>, catalogue: ImportedCatalogue): Promise<void> {
  await db.put('favourites', { talkId: 'tinyconf2024/105', starredAt: 7 });
  await db.put('catalogues', {
    id: catalogue.id,
    name: 'TinyConf 2024',
    format: 'frab-xml',
    talkCount: 3,
    importedAt: 1,
    fileName: 'schedule.xml',
  });
  await db.put('catalogue-contents', { id: catalogue.id, file: catalogue.file });
}

describe('the catalogue store', () => {
  it('upgrades a real version 2 database (favourites with their index) without touching a star', async () => {
    const name = freshName();
    // Exactly what Talkmark 0.1 created: v1 made the store, v2 added the index.
    const v2 = await openDB(name, 2, {
      upgrade(db, oldVersion, _new, transaction) {
        if (oldVersion < 1) db.createObjectStore('favourites', { keyPath: 'talkId' });
        if (oldVersion < 2) transaction.objectStore('favourites').createIndex('by-starred-at', 'starredAt');
      },
    });
    await v2.put('favourites', { talkId: 'vitess-keynote', starredAt: 1000 });
    await v2.put('favourites', { talkId: 'geo-partitioning-with-vitess', starredAt: 3000 });
    v2.close();

    expect(await catalogues(name).list()).toEqual([]);
    const favourites = openFavouritesStore(name);
    closing.push(favourites);
    expect(await favourites.list()).toEqual([
      { talkId: 'geo-partitioning-with-vitess', starredAt: 3000 },
      { talkId: 'vitess-keynote', starredAt: 1000 },
    ]);
  });

  it('upgrades a real version 3 database: talks and stars kept, the old whole index dropped and rebuilt', async () => {
    const name = freshName();
    const catalogue = tinyConf();
    // What the previous release stored: the index whole (version 1 of its layout) beside the talks.
    const v3 = await openDB(name, 3, {
      upgrade(db) {
        db.createObjectStore('favourites', { keyPath: 'talkId' }).createIndex('by-starred-at', 'starredAt');
        for (const store of ['catalogues', 'catalogue-contents', 'search-indexes', 'catalogue-keys'])
          db.createObjectStore(store, { keyPath: 'id' });
      },
    });
    await putStarredTinyConf(v3, catalogue);
    await v3.put('search-indexes', { id: catalogue.id, index: { version: 1, terms: 'old' } });
    v3.close();

    const store = catalogues(name);
    expect((await store.list()).map((record) => record.id)).toEqual([catalogue.id]);
    expect(await store.indexes()).toEqual([]);
    const live = createLiveCatalogue(eventFiles, store);
    expect((await live.search()).search('shardng mysql')[0]?.id).toBe(
      'tinyconf2024/7c1c9a34-5b8e-4bd4-9a43-2f5c5a2d0c01',
    );
    await expect.poll(async () => (await store.indexes()).map((entry) => entry.chunks.length)).toEqual([1]);
    const favourites = openFavouritesStore(name);
    closing.push(favourites);
    expect(await favourites.list()).toEqual([{ talkId: 'tinyconf2024/105', starredAt: 7 }]);
  });

  it('upgrades a real version 4 database: talks and stars kept, the search rebuilt with its related index', async () => {
    const name = freshName();
    const catalogue = tinyConf();
    const { dictionary, postings, cards, keys } = indexOf(catalogue);
    // What the previous release stored: the search without related indexes.
    const v4 = await openDB(name, 4, {
      upgrade(db) {
        db.createObjectStore('favourites', { keyPath: 'talkId' }).createIndex('by-starred-at', 'starredAt');
        for (const store of ['catalogues', 'catalogue-contents', 'search-indexes', 'catalogue-keys'])
          db.createObjectStore(store, { keyPath: 'id' });
        for (const store of ['search-postings', 'talk-cards'])
          db.createObjectStore(store, { keyPath: ['catalogueId', 'chunk'] });
      },
    });
    await putStarredTinyConf(v4, catalogue);
    await v4.put('search-indexes', { id: catalogue.id, index: dictionary });
    await v4.put('catalogue-keys', { id: catalogue.id, keys });
    await v4.put('search-postings', { catalogueId: catalogue.id, chunk: 0, ...postings[0] });
    await v4.put('talk-cards', { catalogueId: catalogue.id, chunk: 0, build: dictionary.build, cards: cards[0] });
    v4.close();

    const store = catalogues(name);
    expect((await store.list()).map((record) => record.id)).toEqual([catalogue.id]);
    expect(await store.indexes()).toEqual([]);
    expect(await store.relatedIndexes()).toEqual([]);
    const live = createLiveCatalogue(eventFiles, store);
    expect((await live.search()).search('shardng mysql')[0]?.id).toBe(
      'tinyconf2024/7c1c9a34-5b8e-4bd4-9a43-2f5c5a2d0c01',
    );
    // Rebuilt in the background: a new dictionary, and a related index of the same build.
    await expect.poll(async () => (await store.relatedIndexes()).length).toBe(1);
    const rebuiltBuild = ((await store.indexes())[0]?.dictionary as { build?: string } | undefined)?.build;
    const relatedBuild = ((await store.relatedIndexes())[0]?.related as { build?: string } | undefined)?.build;
    expect(relatedBuild).toBe(rebuiltBuild);
    expect(rebuiltBuild).not.toBe(dictionary.build);
    const favourites = openFavouritesStore(name);
    closing.push(favourites);
    expect(await favourites.list()).toEqual([{ talkId: 'tinyconf2024/105', starredAt: 7 }]);
  });

  it('saves a catalogue with its record, and replaces the same conference in place', async () => {
    const store = catalogues(freshName());
    expect(await store.save(tinyConf(), 'schedule.xml', indexOf(tinyConf()), 10)).toEqual({ replaced: false });
    expect(await store.list()).toEqual([
      {
        id: 'tinyconf2024',
        name: 'TinyConf 2024',
        format: 'frab-xml',
        talkCount: 3,
        importedAt: 10,
        fileName: 'schedule.xml',
        stamp: expect.any(String),
      },
    ]);
    const renamed = tinyConf((xml) => xml.replace('A talk without a guid', 'Renamed'));
    expect(await store.save(renamed, 'v2.xml', indexOf(renamed), 20)).toEqual({ replaced: true });
    expect((await store.list()).map((record) => [record.id, record.fileName])).toEqual([['tinyconf2024', 'v2.xml']]);
    expect((await store.files())[0]?.talks.map((talk) => talk.title)).toContain('Renamed');
    // Talk ids are the same across the two imports, so stars on them stay on them.
    expect((await store.file('tinyconf2024'))?.talks.map((talk) => talk.id)).toEqual(
      tinyConf().file.talks.map((talk) => talk.id),
    );
  });

  it('never stores an index rebuilt from an earlier import over a newer import of the same catalogue', async () => {
    const store = catalogues(freshName());
    const first = tinyConf();
    await store.save(first, 'schedule.xml', indexOf(first));
    const [read] = await store.contents();
    // Imported again (a title changed) while the background was rebuilding the first import's index…
    const renamed = tinyConf((xml) => xml.replace('A talk without a guid', 'Renamed'));
    await store.save(renamed, 'v2.xml', indexOf(renamed));
    // …which it then stores, stamped with what it read: refused inside the writing transaction.
    await store.saveIndex(first.id, indexOf(first), read?.stamp);
    const cards = (await store.allCardChunks(first.id)).flatMap(
      (record) => JSON.parse(record.cards) as Array<{ title: string }>,
    );
    expect(cards.map((card) => card.title)).toContain('Renamed');
    const [contents] = await store.contents();
    const [index] = await store.indexes();
    expect(index?.stamp).toBe(contents?.stamp);
    expect(contents?.stamp).not.toBe(read?.stamp);
    // Rebuilt from the contents now stored, it is stored.
    await store.saveIndex(first.id, indexOf(renamed), contents?.stamp);
    expect((await store.indexes())[0]?.stamp).toBe(contents?.stamp);
  });

  it('removes a catalogue and its talks, and nothing else', async () => {
    const name = freshName();
    const store = catalogues(name);
    const favourites = openFavouritesStore(name);
    closing.push(favourites);
    await store.save(tinyConf(), 'schedule.xml', indexOf(tinyConf()));
    const other = tinyConf((xml) => xml.replace('<acronym>tinyconf2024</acronym>', '<acronym>other</acronym>'));
    await store.save(other, 'other.xml', indexOf(other));
    await favourites.set('tinyconf2024/105', true, 5);
    await store.remove('tinyconf2024');
    expect((await store.list()).map((record) => record.id)).toEqual(['other']);
    expect((await store.files()).map((file) => file.event.id)).toEqual(['other']);
    expect((await store.indexes()).map((entry) => [entry.id, entry.chunks.length])).toEqual([['other', 1]]);
    expect(await store.cardChunks('tinyconf2024', [0])).toEqual([undefined]);
    expect(await store.postingChunks('tinyconf2024', [0])).toEqual([undefined]);
    expect(JSON.parse((await store.cardChunks('other', [0]))[0]?.cards ?? '[]')).toHaveLength(3);
    expect((await store.keys()).map((entry) => entry.id)).toEqual(['other']);
    expect((await store.relatedIndexes()).map((entry) => entry.id)).toEqual(['other']);
    expect(await favourites.list()).toEqual([{ talkId: 'tinyconf2024/105', starredAt: 5 }]);
  });

  it('leaves nothing half-saved when the write fails', async () => {
    const store = catalogues(freshName());
    await store.save(tinyConf(), 'schedule.xml', indexOf(tinyConf()), 1);
    // A value IndexedDB cannot store (a function) makes the second write of the transaction throw.
    const broken = tinyConf((xml) => xml.replace('TinyConf 2024', 'TinyConf 2024 (new)'));
    (broken.file.event as unknown as Record<string, unknown>).subjects = [() => 0];
    await expect(store.save(broken, 'broken.xml', indexOf(tinyConf()), 2)).rejects.toThrow();
    expect(await store.list()).toMatchObject([{ name: 'TinyConf 2024', fileName: 'schedule.xml', importedAt: 1 }]);
    expect((await store.files())[0]?.event.name).toBe('TinyConf 2024');
  });

  it('stores the search index with the talks, and it searches the same after the round trip', async () => {
    const store = catalogues(freshName());
    await store.save(tinyConf(), 'schedule.xml', indexOf(tinyConf()));
    const [stored] = await store.indexes();
    const dictionary = readIndexDictionary(stored?.dictionary);
    const index = joinIndex(
      dictionary!,
      stored!.chunks,
      tinyConf().file.talks.map((talk) => talk.id),
    );
    expect(documentCount(index)).toBe(3);
    expect(searchOver([index]).search('shardng')[0]?.id).toBe('tinyconf2024/7c1c9a34-5b8e-4bd4-9a43-2f5c5a2d0c01');
    expect(readIndexDictionary({ ...(stored?.dictionary as object), version: 1 })).toBeUndefined();
    // Chunks of another build are never joined to this dictionary.
    expect(() =>
      joinIndex(
        { ...dictionary!, build: 'another' },
        stored!.chunks,
        tinyConf().file.talks.map((talk) => talk.id),
      ),
    ).toThrow(/changed/);
  });
});
