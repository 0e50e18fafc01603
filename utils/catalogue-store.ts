import type { EventFile } from '../data/schema';
import { catalogueKeys } from './catalogue-keys';
import { type CatalogueRecord, connectDatabase, DATABASE_NAME } from './database';
import type { ImportedCatalogue } from './schedule-import';
import type { SearchIndexData } from './search-index/layout';

export type { CatalogueRecord } from './database';

/** Imported catalogues in the extension's database; callers get verbs, never the database. */
export interface CatalogueStore {
  /** What is imported, oldest first, without reading any talks. */
  list(): Promise<CatalogueRecord[]>;
  /** Every imported catalogue's event, speakers and talks. */
  files(): Promise<EventFile[]>;
  file(id: string): Promise<EventFile | undefined>;
  /** Every imported catalogue's videos and names, as stored (the reader checks their shape). */
  keys(): Promise<Array<{ id: string; keys: unknown }>>;
  /** Every imported catalogue's stored search index, as stored (the reader checks its version). */
  indexes(): Promise<Array<{ id: string; index: unknown }>>;
  /** Stores a rebuilt index for a catalogue that is (still) there. */
  saveIndex(id: string, index: SearchIndexData): Promise<void>;
  /**
   * Stores a catalogue, replacing one of the same id in place (its talks' ids are stable, so their stars stay
   * on them). One transaction: a failure at any point leaves the previous state whole.
   */
  save(
    catalogue: ImportedCatalogue,
    fileName: string,
    index: SearchIndexData,
    now?: number,
  ): Promise<{ replaced: boolean }>;
  /** Removes a catalogue; stars on its talks are kept (shown as no longer in the catalogue). */
  remove(id: string): Promise<void>;
  close(): void;
}

export function openCatalogueStore(name = DATABASE_NAME): CatalogueStore {
  const { run, close } = connectDatabase(name);
  return {
    list: () => run(async (db) => (await db.getAll('catalogues')).sort((a, b) => a.importedAt - b.importedAt)),
    files: () => run(async (db) => (await db.getAll('catalogue-contents')).map((content) => content.file)),
    file: (id) => run(async (db) => (await db.get('catalogue-contents', id))?.file),
    keys: () => run((db) => db.getAll('catalogue-keys')),
    indexes: () => run((db) => db.getAll('search-indexes')),
    saveIndex: (id, index) =>
      run(async (db) => {
        const tx = db.transaction(['catalogues', 'search-indexes'], 'readwrite');
        if (await tx.objectStore('catalogues').getKey(id)) await tx.objectStore('search-indexes').put({ id, index });
        await tx.done;
      }),
    save: (catalogue, fileName, index, now = Date.now()) =>
      run(async (db) => {
        const tx = db.transaction(
          ['catalogues', 'catalogue-contents', 'search-indexes', 'catalogue-keys'],
          'readwrite',
        );
        const replaced = (await tx.objectStore('catalogues').getKey(catalogue.id)) !== undefined;
        const record: CatalogueRecord = {
          id: catalogue.id,
          name: catalogue.file.event.name,
          format: catalogue.format,
          talkCount: catalogue.file.talks.length,
          importedAt: now,
          fileName,
        };
        const writes: Promise<unknown>[] = [];
        try {
          writes.push(tx.objectStore('catalogues').put(record));
          writes.push(tx.objectStore('catalogue-contents').put({ id: catalogue.id, file: catalogue.file }));
          writes.push(tx.objectStore('search-indexes').put({ id: catalogue.id, index }));
          writes.push(tx.objectStore('catalogue-keys').put({ id: catalogue.id, keys: catalogueKeys(catalogue.file) }));
          await Promise.all(writes);
        } catch (error) {
          // A write that throws (a value that cannot be stored) does not abort the transaction by itself: the
          // record written before it would commit alone. Abort, so the previous state stays whole.
          for (const write of writes) write.catch(() => {});
          tx.abort();
          await tx.done.catch(() => {});
          throw error;
        }
        await tx.done;
        return { replaced };
      }),
    remove: (id) =>
      run(async (db) => {
        const tx = db.transaction(
          ['catalogues', 'catalogue-contents', 'search-indexes', 'catalogue-keys'],
          'readwrite',
        );
        await Promise.all([
          tx.objectStore('catalogues').delete(id),
          tx.objectStore('catalogue-contents').delete(id),
          tx.objectStore('search-indexes').delete(id),
          tx.objectStore('catalogue-keys').delete(id),
          tx.done,
        ]);
      }),
    close,
  };
}
