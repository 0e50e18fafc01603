import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { EventFile, Favourite } from '../../data';
import type { CatalogueFormat } from '../import';
import type { Mark } from '../marks';
import type { StoredCatalogueKeys } from '../panel';
import type { RelatedIndex } from '../related';
import type { IndexDictionary, PostingChunk } from '../search';
import { DATABASE_NAME, DATABASE_VERSION } from './database-version';

/** What the options page lists about an imported catalogue, without reading its talks. */
export interface CatalogueRecord {
  /** The conference's id, also the event id of its talks: importing it again replaces it. */
  id: string;
  name: string;
  format: CatalogueFormat;
  talkCount: number;
  /** Milliseconds since the epoch. */
  importedAt: number;
  fileName: string;
  /**
   * Made anew by each import, and kept with the search index built from that import: an index rebuilt from what was
   * read before a newer import is not stored over the newer one's. Absent on catalogues imported before it existed.
   */
  stamp?: string;
}

/**
 * The extension's one database, in its own origin. Every change of layout is a new version with a step in
 * `upgrade` below; never edit a shipped step.
 */
export interface TalkmarkDB extends DBSchema {
  favourites: {
    key: string;
    value: Favourite;
    indexes: { 'by-starred-at': number };
  };
  catalogues: {
    key: string;
    value: CatalogueRecord;
  };
  /** Each imported catalogue's event, speakers and talks, kept apart so listing catalogues reads none of them. */
  'catalogue-contents': {
    key: string;
    value: { id: string; file: EventFile };
  };
  /** Each imported catalogue's videos and names: enough to tell a video has no panel without reading its talks. */
  'catalogue-keys': {
    key: string;
    value: { id: string; keys: StoredCatalogueKeys };
  };
  /**
   * Each imported catalogue's search dictionary, built when it is imported, so no view waits for one to be built.
   * Its postings are in `search-postings`, in chunks read as queries reach them.
   */
  'search-indexes': {
    key: string;
    /** `stamp`: the catalogue record's stamp when this index was stored (see `CatalogueRecord`). */
    value: { id: string; index: IndexDictionary; stamp?: string };
  };
  'search-postings': {
    key: [catalogueId: string, chunk: number];
    value: { catalogueId: string; chunk: number } & PostingChunk;
  };
  /**
   * Each imported catalogue's talks as lists show them, `CARDS_PER_CHUNK` to a record in document order: the
   * popup shows a page of results by reading a few of these, without the catalogue.
   */
  'talk-cards': {
    key: [catalogueId: string, chunk: number];
    /** `cards` is the JSON of the record's `TalkCard`s: one string clones far faster than as many objects. */
    value: { catalogueId: string; chunk: number; build: string; cards: string };
  };
  /**
   * Every mark the person made on a talk, as sync carries it: each star, and each removal (a tombstone), with its
   * stamp. Written with `favourites` in one transaction; `favourites` stays what every view lists.
   */
  marks: {
    key: string;
    value: { key: string; mark: Mark };
  };
  /** The sync engine's own state on this device: its id, its clock, the marks it last saw synced. */
  'sync-state': {
    key: string;
    value: { key: string; value: unknown };
  };
  /** Each imported catalogue's talks' speakers, topics and event as numbers: related talks without the talks. */
  'related-indexes': {
    key: string;
    value: { id: string; related: RelatedIndex };
  };
}

/** Every key of one catalogue in a store keyed by [catalogue id, chunk]. */
export const chunksOf = (catalogueId: string) => IDBKeyRange.bound([catalogueId, -1], [catalogueId, Infinity]);

// Name and version live apart, so that the popup's early script can open the database without idb.
export { DATABASE_NAME, DATABASE_VERSION };

/**
 * Whether `error` says the connection was closed under the caller, in the words browsers use ("The database
 * connection is closing", "Can't start a transaction on a closed database").
 */
export function isClosedConnection(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const text = error instanceof Error || error instanceof DOMException ? error.message : '';
  return (name === 'InvalidStateError' || name === 'AbortError') && /clos/i.test(text);
}

/** Whether a new connection may succeed where `error` failed: the old one was closed, or is in a state it cannot leave. */
function worthReopening(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return isClosedConnection(error) || name === 'InvalidStateError';
}

export interface DatabaseConnection {
  database(): Promise<IDBPDatabase<TalkmarkDB>>;
  /**
   * Runs `work` on the database; if the browser closed the connection under it ("Clear site data", storage
   * pressure, an I/O error), opens a new one and runs it once more. `work` must be a whole transaction, so
   * running it again after a failure cannot apply it twice.
   */
  run<T>(work: (db: IDBPDatabase<TalkmarkDB>) => Promise<T>): Promise<T>;
  close(): void;
}

/** Opens the database on first use and again after the browser closes it. */
export function connectDatabase(name = DATABASE_NAME): DatabaseConnection {
  let opening: Promise<IDBPDatabase<TalkmarkDB>> | undefined;
  const database = () => {
    opening ??= openDB<TalkmarkDB>(name, DATABASE_VERSION, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        // v1: favourites keyed by talk id.
        if (oldVersion < 1) db.createObjectStore('favourites', { keyPath: 'talkId' });
        // v2: an index to list them newest first without sorting in memory.
        if (oldVersion < 2) transaction.objectStore('favourites').createIndex('by-starred-at', 'starredAt');
        // v3: imported catalogues, their search indexes and panel keys. Favourites are untouched.
        if (oldVersion < 3) {
          db.createObjectStore('catalogues', { keyPath: 'id' });
          db.createObjectStore('catalogue-contents', { keyPath: 'id' });
          db.createObjectStore('search-indexes', { keyPath: 'id' });
          db.createObjectStore('catalogue-keys', { keyPath: 'id' });
        }
        // v4: search indexes as a dictionary and posting chunks, and talk cards; the v3 indexes (whole) are
        // dropped, and the background rebuilds them from the stored talks. Talks and favourites are untouched.
        if (oldVersion < 4) {
          db.createObjectStore('search-postings', { keyPath: ['catalogueId', 'chunk'] });
          db.createObjectStore('talk-cards', { keyPath: ['catalogueId', 'chunk'] });
          if (oldVersion >= 3) transaction.objectStore('search-indexes').clear();
        }
        // v5: related indexes. The search dictionaries are dropped so that the background rebuilds each
        // catalogue's stored search with its related index, as in v4. Talks and favourites are untouched.
        if (oldVersion < 5) {
          db.createObjectStore('related-indexes', { keyPath: 'id' });
          if (oldVersion === 4) transaction.objectStore('search-indexes').clear();
        }
        // v6: marks (stars and removals, with stamps) and the sync engine's state. Favourites are untouched; the
        // background gives each existing star its mark when it first syncs.
        if (oldVersion < 6) {
          db.createObjectStore('marks', { keyPath: 'key' });
          db.createObjectStore('sync-state', { keyPath: 'key' });
        }
      },
      blocking() {
        // A newer Talkmark (another view after an update) wants to upgrade: step aside so it can.
        void database().then((db) => db.close());
        opening = undefined;
      },
      terminated() {
        // The browser closed the connection (site data cleared, storage pressure): open afresh next time.
        opening = undefined;
      },
    }).catch((error: unknown) => {
      opening = undefined; // let the next call try again (e.g. after a blocked upgrade clears)
      throw error;
    });
    return opening;
  };
  const close = () => {
    void opening?.then((db) => db.close()).catch(() => {});
    opening = undefined;
  };
  return {
    database,
    async run(work) {
      try {
        return await work(await database());
      } catch (error) {
        if (!worthReopening(error)) throw error;
        console.warn('Talkmark: the database connection was closed under a request; opening it again', error);
        close();
        return work(await database());
      }
    },
    close,
  };
}
