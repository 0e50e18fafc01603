import type { Favourite, MergeReport, TalkSnapshot } from '../../data';
import { type Mark, markKey, STAR } from '../marks';
import { connectDatabase, DATABASE_NAME } from './database';

/** Favourites in the extension's database; callers get verbs, never the database. */
export interface FavouritesStore {
  /** Newest first. */
  list(): Promise<Favourite[]>;
  /** Whether this talk is starred: one key read, for the panel's star. */
  has(talkId: string): Promise<boolean>;
  /**
   * Stars or unstars; idempotent, so a repeated or late click cannot flip a star the wrong way. With `mark` (the
   * change as sync carries it), the mark is kept in the same transaction.
   */
  set(talkId: string, starred: boolean, now?: number, mark?: Mark): Promise<void>;
  /**
   * Adds what is not yet starred, in one transaction: all or nothing. Existing stars keep their date. `markOf`
   * gives each added star its mark, kept in the same transaction.
   */
  merge(favourites: readonly Favourite[], markOf?: (favourite: Favourite) => Mark): Promise<MergeReport>;
  /** Every mark kept (stars and removals, with their stamps). */
  marks(): Promise<Mark[]>;
  /** One mark: a talk's star, or how far it was watched (kind `watch`). */
  mark(kind: string, talkId: string): Promise<Mark | undefined>;
  /** Keeps a mark of a kind that is not a star (watch progress), replacing the one before. */
  putMark(mark: Mark): Promise<void>;
  /**
   * Takes marks that won a merge with other devices: a star is added (dated by its stamp, described by its
   * snapshot) or removed, and the mark kept, in one transaction.
   */
  applyMarks(marks: readonly Mark[]): Promise<void>;
  /** Refreshes the snapshots of stars whose talk a catalogue describes (undefined: no catalogue has it). */
  refreshSnapshots(snapshotOf: (talkId: string) => TalkSnapshot | undefined): Promise<number>;
  /** The sync engine's state on this device. */
  syncState(key: string): Promise<unknown>;
  saveSyncState(key: string, value: unknown): Promise<void>;
  close(): void;
}

export function openFavouritesStore(name = DATABASE_NAME): FavouritesStore {
  const { run, close } = connectDatabase(name);

  return {
    list: () => run(async (db) => (await db.getAllFromIndex('favourites', 'by-starred-at')).reverse()),
    has: (talkId) => run(async (db) => (await db.getKey('favourites', talkId)) !== undefined),
    set: (talkId, starred, now = Date.now(), mark) =>
      run(async (db) => {
        const tx = db.transaction(['favourites', 'marks'], 'readwrite');
        const favourites = tx.objectStore('favourites');
        if (!starred) await favourites.delete(talkId);
        else if (!(await favourites.getKey(talkId)))
          await favourites.put({ talkId, starredAt: now, ...(mark?.snapshot ? { snapshot: mark.snapshot } : {}) });
        if (mark) await tx.objectStore('marks').put({ key: markKey(mark), mark });
        await tx.done;
      }),
    merge: (favourites, markOf) =>
      run(async (db) => {
        const tx = db.transaction(['favourites', 'marks'], 'readwrite');
        const store = tx.objectStore('favourites');
        const report: MergeReport = { added: 0, alreadyStarred: 0 };
        // The same talk twice in one file is one star, not "already starred".
        const once = new Map(favourites.map((favourite) => [favourite.talkId, favourite]));
        for (const favourite of once.values()) {
          if (await store.getKey(favourite.talkId)) report.alreadyStarred++;
          else {
            await store.put({
              talkId: favourite.talkId,
              starredAt: favourite.starredAt,
              ...(favourite.snapshot ? { snapshot: favourite.snapshot } : {}),
            });
            const mark = markOf?.(favourite);
            if (mark) await tx.objectStore('marks').put({ key: markKey(mark), mark });
            report.added++;
          }
        }
        await tx.done;
        return report;
      }),
    marks: () => run(async (db) => (await db.getAll('marks')).map((entry) => entry.mark)),
    mark: (kind, talkId) => run(async (db) => (await db.get('marks', markKey({ kind, talkId })))?.mark),
    putMark: (mark) =>
      run(async (db) => {
        await db.put('marks', { key: markKey(mark), mark });
      }),
    applyMarks: (marks) =>
      run(async (db) => {
        const tx = db.transaction(['favourites', 'marks'], 'readwrite');
        const favourites = tx.objectStore('favourites');
        for (const mark of marks) {
          await tx.objectStore('marks').put({ key: markKey(mark), mark });
          if (mark.kind !== STAR) continue;
          if (!mark.on) await favourites.delete(mark.talkId);
          else {
            const known = await favourites.get(mark.talkId);
            const snapshot = mark.snapshot ?? known?.snapshot;
            await favourites.put({
              talkId: mark.talkId,
              starredAt: known?.starredAt ?? mark.stamp.wall,
              ...(snapshot ? { snapshot } : {}),
            });
          }
        }
        await tx.done;
      }),
    refreshSnapshots: (snapshotOf) =>
      run(async (db) => {
        const tx = db.transaction('favourites', 'readwrite');
        let refreshed = 0;
        for (const favourite of await tx.store.getAll()) {
          const snapshot = snapshotOf(favourite.talkId);
          if (!snapshot || JSON.stringify(snapshot) === JSON.stringify(favourite.snapshot)) continue;
          await tx.store.put({ ...favourite, snapshot });
          refreshed++;
        }
        await tx.done;
        return refreshed;
      }),
    syncState: (key) => run(async (db) => (await db.get('sync-state', key))?.value),
    saveSyncState: (key, value) =>
      run(async (db) => {
        await db.put('sync-state', { key, value });
      }),
    close,
  };
}
