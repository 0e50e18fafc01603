import type { IDBPTransaction } from 'idb';
import type { EventFile } from '../../data';
import type { ImportedCatalogue, StoredSearch } from '../import';
import type { RelatedIndexReader } from '../related';
import type { PostingChunk, StoredSearchReader } from '../search';
import { type CatalogueRecord, chunksOf, connectDatabase, DATABASE_NAME, type TalkmarkDB } from './database';

/** Imported catalogues in the extension's database; callers get verbs, never the database. */
export interface CatalogueStore extends StoredSearchReader, RelatedIndexReader {
  /** What is imported, oldest first, without reading any talks. */
  list(): Promise<CatalogueRecord[]>;
  /** Every imported catalogue's event, speakers and talks. */
  files(): Promise<EventFile[]>;
  /** Every imported catalogue's event, speakers and talks, with the stamp of the import they came from. */
  contents(): Promise<Array<{ file: EventFile; stamp: string | undefined }>>;
  file(id: string): Promise<EventFile | undefined>;
  /** Every imported catalogue's videos and names, as stored (the reader checks their shape). */
  keys(): Promise<Array<{ id: string; keys: unknown }>>;
  /** Every imported catalogue's stored search dictionary and all its posting chunks, as stored (unchecked). */
  indexes(): Promise<Array<{ id: string; dictionary: unknown; chunks: PostingChunk[]; stamp: string | undefined }>>;
  /** What is imported and each catalogue's search dictionary (unchecked), read together. */
  dictionaries(): Promise<{ records: CatalogueRecord[]; dictionaries: Array<{ id: string; index: unknown }> }>;
  /** Some posting chunks of a catalogue's index, in the order asked (undefined where one is missing). */
  postingChunks(id: string, chunks: readonly number[]): Promise<Array<PostingChunk | undefined>>;
  /** Some records of a catalogue's talk cards, in the order asked (undefined where one is missing). */
  cardChunks(id: string, chunks: readonly number[]): Promise<Array<{ build: string; cards: string } | undefined>>;
  /** Every imported catalogue's related index, as stored (the reader checks its shape and build). */
  relatedIndexes(): Promise<Array<{ id: string; related: unknown }>>;
  /** Every record of a catalogue's talk cards, in chunk order. */
  allCardChunks(id: string): Promise<Array<{ chunk: number; build: string; cards: string }>>;
  /**
   * Stores an index (and cards) rebuilt from the contents of the import stamped `stamp`, if that import is still
   * the one stored: checked inside the writing transaction, so a newer import is never overwritten.
   */
  saveIndex(id: string, search: StoredSearch, stamp: string | undefined): Promise<void>;
  /**
   * Stores a catalogue, replacing one of the same id in place (its talks' ids are stable, so their stars stay
   * on them). One transaction: a failure at any point leaves the previous state whole.
   */
  save(
    catalogue: ImportedCatalogue,
    fileName: string,
    search: StoredSearch,
    now?: number,
  ): Promise<{ replaced: boolean }>;
  /** Removes a catalogue; stars on its talks are kept (shown as no longer in the catalogue). */
  remove(id: string): Promise<void>;
  close(): void;
}

const SEARCH_STORES = ['search-indexes', 'search-postings', 'talk-cards', 'related-indexes'] as const;
const CATALOGUE_STORES = ['catalogues', 'catalogue-contents', 'catalogue-keys', ...SEARCH_STORES] as const;

type WriteTransaction = IDBPTransaction<TalkmarkDB, Array<(typeof CATALOGUE_STORES)[number]>, 'readwrite'>;

/** Puts a catalogue's search (dictionary, postings, cards, related index) in place of what it had, into `writes`. */
function writeSearch(
  tx: WriteTransaction,
  id: string,
  search: StoredSearch,
  stamp: string | undefined,
  writes: Array<Promise<unknown>>,
): void {
  const { build } = search.dictionary;
  writes.push(tx.objectStore('search-postings').delete(chunksOf(id)));
  writes.push(tx.objectStore('talk-cards').delete(chunksOf(id)));
  writes.push(tx.objectStore('search-indexes').put({ id, index: search.dictionary, ...(stamp ? { stamp } : {}) }));
  writes.push(tx.objectStore('catalogue-keys').put({ id, keys: search.keys }));
  writes.push(tx.objectStore('related-indexes').put({ id, related: search.related }));
  search.postings.forEach((chunk, n) => {
    writes.push(tx.objectStore('search-postings').put({ catalogueId: id, chunk: n, ...chunk }));
  });
  search.cards.forEach((cards, n) => {
    writes.push(tx.objectStore('talk-cards').put({ catalogueId: id, chunk: n, build, cards }));
  });
}

/**
 * Makes a transaction's writes and awaits them; if one throws (a value that cannot be stored throws at once,
 * while the writes are being made), aborts: a failed write does not abort the transaction by itself, and the
 * ones before it would commit alone. The previous state stays whole.
 */
async function commitAll(tx: WriteTransaction, write: (writes: Array<Promise<unknown>>) => void): Promise<void> {
  const writes: Array<Promise<unknown>> = [];
  try {
    write(writes);
    await Promise.all(writes);
  } catch (error) {
    for (const write of writes) write.catch(() => {});
    tx.abort();
    await tx.done.catch(() => {});
    throw error;
  }
  await tx.done;
}

export function openCatalogueStore(name = DATABASE_NAME): CatalogueStore {
  const { run, close } = connectDatabase(name);
  const readChunks = <S extends 'search-postings' | 'talk-cards'>(store: S, id: string, chunks: readonly number[]) =>
    run(async (db) => {
      const tx = db.transaction(store);
      const found = await Promise.all(chunks.map((chunk) => tx.store.get([id, chunk])));
      await tx.done;
      return found;
    });
  return {
    list: () => run(async (db) => (await db.getAll('catalogues')).sort((a, b) => a.importedAt - b.importedAt)),
    files: () => run(async (db) => (await db.getAll('catalogue-contents')).map((content) => content.file)),
    contents: () =>
      run(async (db) => {
        // One transaction: the stamps are those of the very contents read.
        const tx = db.transaction(['catalogues', 'catalogue-contents']);
        const [records, contents] = await Promise.all([
          tx.objectStore('catalogues').getAll(),
          tx.objectStore('catalogue-contents').getAll(),
          tx.done,
        ]);
        const stamps = new Map(records.map((record) => [record.id, record.stamp]));
        return contents.map(({ id, file }) => ({ file, stamp: stamps.get(id) }));
      }),
    file: (id) => run(async (db) => (await db.get('catalogue-contents', id))?.file),
    keys: () => run((db) => db.getAll('catalogue-keys')),
    indexes: () =>
      run(async (db) => {
        const tx = db.transaction(['search-indexes', 'search-postings']);
        const [dictionaries, chunks] = await Promise.all([
          tx.objectStore('search-indexes').getAll(),
          tx.objectStore('search-postings').getAll(),
          tx.done,
        ]);
        // Keys sort by catalogue, then chunk number: each catalogue's chunks come in order.
        return dictionaries.map(({ id, index, stamp }) => ({
          id,
          dictionary: index,
          chunks: chunks.filter((chunk) => chunk.catalogueId === id),
          stamp,
        }));
      }),
    dictionaries: () =>
      run(async (db) => {
        const tx = db.transaction(['catalogues', 'search-indexes']);
        const [records, dictionaries] = await Promise.all([
          tx.objectStore('catalogues').getAll(),
          tx.objectStore('search-indexes').getAll(),
          tx.done,
        ]);
        return { records, dictionaries };
      }),
    postingChunks: (id, chunks) => readChunks('search-postings', id, chunks),
    cardChunks: (id, chunks) => readChunks('talk-cards', id, chunks),
    relatedIndexes: () => run((db) => db.getAll('related-indexes')),
    allCardChunks: (id) => run((db) => db.getAll('talk-cards', chunksOf(id))),
    saveIndex: (id, search, stamp) =>
      run(async (db) => {
        const tx = db.transaction([...CATALOGUE_STORES], 'readwrite');
        const record = await tx.objectStore('catalogues').get(id);
        // Removed, or imported again since the contents the index was rebuilt from were read: not this index's.
        if (!record || record.stamp !== stamp) return tx.done;
        await commitAll(tx, (writes) => writeSearch(tx, id, search, stamp, writes));
      }),
    save: (catalogue, fileName, search, now = Date.now()) =>
      run(async (db) => {
        const tx = db.transaction([...CATALOGUE_STORES], 'readwrite');
        const replaced = (await tx.objectStore('catalogues').getKey(catalogue.id)) !== undefined;
        const record: CatalogueRecord = {
          id: catalogue.id,
          name: catalogue.file.event.name,
          format: catalogue.format,
          talkCount: catalogue.file.talks.length,
          importedAt: now,
          fileName,
          stamp: crypto.randomUUID(),
        };
        await commitAll(tx, (writes) => {
          writes.push(tx.objectStore('catalogues').put(record));
          writes.push(tx.objectStore('catalogue-contents').put({ id: catalogue.id, file: catalogue.file }));
          writeSearch(tx, catalogue.id, search, record.stamp, writes);
        });
        return { replaced };
      }),
    remove: (id) =>
      run(async (db) => {
        const tx = db.transaction([...CATALOGUE_STORES], 'readwrite');
        await Promise.all([
          tx.objectStore('catalogues').delete(id),
          tx.objectStore('catalogue-contents').delete(id),
          tx.objectStore('catalogue-keys').delete(id),
          tx.objectStore('search-indexes').delete(id),
          tx.objectStore('related-indexes').delete(id),
          tx.objectStore('search-postings').delete(chunksOf(id)),
          tx.objectStore('talk-cards').delete(chunksOf(id)),
          tx.done,
        ]);
      }),
    close,
  };
}
