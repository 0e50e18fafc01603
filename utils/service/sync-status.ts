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

/** What a refused write to sync storage means, from the browser's error. */
export function syncProblemOf(error: unknown): NonNullable<SyncStatus['problem']> {
  const text = String(error instanceof Error ? error.message : error);
  // Chrome says "MAX_WRITE_OPERATIONS_PER_MINUTE" or "Resource::kMaxWriteOperationsPerMinute", "QUOTA_BYTES" or
  // "Resource::kQuotaBytes"; Firefox says its call "exceeded its quota limitations".
  if (/write_?operations|sustained/i.test(text)) return ['sync_rate'];
  if (/quota/i.test(text)) return ['sync_quota'];
  return ['sync_failed', text];
}
