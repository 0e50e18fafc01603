import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** One starred talk. Kept even when its talk leaves the catalogue: a star is never dropped silently. */
export interface Favourite {
  talkId: string;
  /** Milliseconds since the epoch. */
  starredAt: number;
}

interface TalkmarkDB extends DBSchema {
  favourites: {
    key: string;
    value: Favourite;
    indexes: { 'by-starred-at': number };
  };
}

const DATABASE_NAME = 'talkmark';
const DATABASE_VERSION = 2;

export interface MergeReport {
  added: number;
  alreadyStarred: number;
}

/** The only module that touches IndexedDB; callers get verbs, never the database. */
export interface FavouritesStore {
  /** Newest first. */
  list(): Promise<Favourite[]>;
  /** Stars or unstars; idempotent, so a repeated or late click cannot flip a star the wrong way. */
  set(talkId: string, starred: boolean, now?: number): Promise<void>;
  /** Adds what is not yet starred, in one transaction: all or nothing. Existing stars keep their date. */
  merge(favourites: readonly Favourite[]): Promise<MergeReport>;
  close(): void;
}

export function openFavouritesStore(name = DATABASE_NAME): FavouritesStore {
  let opening: Promise<IDBPDatabase<TalkmarkDB>> | undefined;
  const database = () => {
    opening ??= openDB<TalkmarkDB>(name, DATABASE_VERSION, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        // v1: favourites keyed by talk id.
        if (oldVersion < 1) db.createObjectStore('favourites', { keyPath: 'talkId' });
        // v2: an index to list them newest first without sorting in memory.
        if (oldVersion < 2) transaction.objectStore('favourites').createIndex('by-starred-at', 'starredAt');
      },
      blocking() {
        // A newer Talkmark (another view after an update) wants to upgrade: step aside so it can.
        void database().then((db) => db.close());
        opening = undefined;
      },
    }).catch((error: unknown) => {
      opening = undefined; // let the next call try again (e.g. after a blocked upgrade clears)
      throw error;
    });
    return opening;
  };

  return {
    async list() {
      const db = await database();
      return (await db.getAllFromIndex('favourites', 'by-starred-at')).reverse();
    },
    async set(talkId, starred, now = Date.now()) {
      const db = await database();
      const tx = db.transaction('favourites', 'readwrite');
      if (!starred) await tx.store.delete(talkId);
      else if (!(await tx.store.getKey(talkId))) await tx.store.put({ talkId, starredAt: now });
      await tx.done;
    },
    async merge(favourites) {
      const db = await database();
      const tx = db.transaction('favourites', 'readwrite');
      const report: MergeReport = { added: 0, alreadyStarred: 0 };
      for (const favourite of favourites) {
        if (await tx.store.getKey(favourite.talkId)) report.alreadyStarred++;
        else {
          await tx.store.put({ talkId: favourite.talkId, starredAt: favourite.starredAt });
          report.added++;
        }
      }
      await tx.done;
      return report;
    },
    close() {
      void opening?.then((db) => db.close());
      opening = undefined;
    },
  };
}
