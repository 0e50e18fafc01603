import { connectDatabase, DATABASE_NAME, type Favourite } from './database';

export type { Favourite } from './database';

export interface MergeReport {
  added: number;
  alreadyStarred: number;
}

/** Favourites in the extension's database; callers get verbs, never the database. */
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
  const { database, close } = connectDatabase(name);

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
      // The same talk twice in one file is one star, not "already starred".
      const once = new Map(favourites.map((favourite) => [favourite.talkId, favourite]));
      for (const favourite of once.values()) {
        if (await tx.store.getKey(favourite.talkId)) report.alreadyStarred++;
        else {
          await tx.store.put({ talkId: favourite.talkId, starredAt: favourite.starredAt });
          report.added++;
        }
      }
      await tx.done;
      return report;
    },
    close,
  };
}
