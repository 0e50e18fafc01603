import type { Favourite, MergeReport } from '../../data';
import { connectDatabase, DATABASE_NAME } from './database';

/** Favourites in the extension's database; callers get verbs, never the database. */
export interface FavouritesStore {
  /** Newest first. */
  list(): Promise<Favourite[]>;
  /** Whether this talk is starred: one key read, for the panel's star. */
  has(talkId: string): Promise<boolean>;
  /** Stars or unstars; idempotent, so a repeated or late click cannot flip a star the wrong way. */
  set(talkId: string, starred: boolean, now?: number): Promise<void>;
  /** Adds what is not yet starred, in one transaction: all or nothing. Existing stars keep their date. */
  merge(favourites: readonly Favourite[]): Promise<MergeReport>;
  close(): void;
}

export function openFavouritesStore(name = DATABASE_NAME): FavouritesStore {
  const { run, close } = connectDatabase(name);

  return {
    list: () => run(async (db) => (await db.getAllFromIndex('favourites', 'by-starred-at')).reverse()),
    has: (talkId) => run(async (db) => (await db.getKey('favourites', talkId)) !== undefined),
    set: (talkId, starred, now = Date.now()) =>
      run(async (db) => {
        const tx = db.transaction('favourites', 'readwrite');
        if (!starred) await tx.store.delete(talkId);
        else if (!(await tx.store.getKey(talkId))) await tx.store.put({ talkId, starredAt: now });
        await tx.done;
      }),
    merge: (favourites) =>
      run(async (db) => {
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
      }),
    close,
  };
}
