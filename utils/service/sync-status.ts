// What the sync engine reads and writes, and what it says of itself to the options page.

/** The browser's sync storage, as the engine uses it (`storage.sync`; in tests, an area in memory). */
export interface SyncArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** What the options page says about sync, kept in storage.local by the background. */
export interface SyncStatus {
  enabled: boolean;
  /** When this device last merged the synced marks (milliseconds), if it has. */
  lastMerged?: number;
  /** Stars in sync storage, of all stars here; the titles of those that stay on this device only. */
  starsSynced: number;
  starsTotal: number;
  notSyncedTitles: string[];
  /** Talks whose watch progress stays on this device (no room): positions first, then watched marks. */
  progressNotSynced?: number;
  /** Stars that sync by id alone (no room for their titles). */
  withoutTitles: number;
  bytesUsed: number;
  quotaBytes: number;
  /** What went wrong last, if anything: a message key with its substitutions. */
  problem?: [key: 'sync_quota' | 'sync_rate' | 'sync_failed' | 'sync_newer', ...string[]];
  /** Synced items that could not be read (damaged), ignored. */
  damaged: number;
}
