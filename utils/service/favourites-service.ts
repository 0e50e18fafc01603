import type { Message } from '../i18n';
import { type ProgressEntry, parseFavouritesFile } from '../import';
import { compareStamps, type Mark, type Stamp, WATCH, watchValue } from '../marks';
import type { Request, Response } from '../messaging';
import type { FavouritesStore } from '../storage';
import { isClosedConnection } from '../storage';

/** The requests about favourites, which this module answers. */
export type FavouritesRequest = Extract<Request, { type: `favourites/${string}` }>;

/**
 * The background's answer to one view's request. Never throws: a failing database becomes a sentence the
 * view can show, and `onChanged` runs after every change so other views refresh.
 */
export async function answerRequest(
  request: FavouritesRequest,
  store: FavouritesStore,
  isKnownTalk: (talkId: string) => boolean,
  onChanged: () => Promise<void>,
): Promise<Response<FavouritesRequest['type']>> {
  try {
    switch (request.type) {
      case 'favourites/list':
        return { ok: true, value: await store.list() };
      case 'favourites/has':
        return { ok: true, value: await store.has(request.talkId) };
      case 'favourites/set': {
        // Stars are only given to talks we know; taking one away always works (even a talk since removed).
        if (request.starred && !isKnownTalk(request.talkId))
          return { ok: false, error: ['star_unknown', request.talkId] };
        await store.set(request.talkId, request.starred);
        await onChanged();
        return { ok: true, value: await store.list() };
      }
      case 'favourites/import': {
        // The size in bytes as the file had it (UTF-8), measured here rather than trusted from the view.
        const parsed = parseFavouritesFile(request.text, isKnownTalk, new TextEncoder().encode(request.text).length);
        if (!parsed.ok) return { ok: false, error: parsed.error };
        const report = await store.merge(parsed.favourites);
        const restored = restoredProgress(await store.marks(), parsed.progress);
        if (restored.length) await store.applyMarks(restored);
        if (report.added > 0 || restored.length > 0) await onChanged();
        return { ok: true, value: { ...report, described: parsed.described, progress: restored.length } };
      }
    }
  } catch (error) {
    return { ok: false, error: describeStorageError(error) };
  }
}

/**
 * The watch marks a backup's progress restores. An entry replaces this browser's progress only when it is newer:
 * a restore never rolls back what was watched since. Progress cleared here (or elsewhere, through sync) is
 * restored, since importing a backup is the person asking for it back: the mark is dated just after the clearing,
 * so that it wins over the clearing on every synced browser too.
 */
export function restoredProgress(known: readonly Mark[], entries: readonly ProgressEntry[]): Mark[] {
  const local = new Map(known.filter((mark) => mark.kind === WATCH).map((mark) => [mark.talkId, mark]));
  const restored: Mark[] = [];
  for (const { talkId, state, at } of entries) {
    // A date in the future (a broken or hostile file) would win over every later change: it is read as now.
    const dated: Stamp = { wall: Math.min(at, Date.now()), count: 0, node: 'file' };
    const current = local.get(talkId);
    if (current?.on && compareStamps(current.stamp, dated) >= 0) continue;
    const stamp =
      current && !current.on && compareStamps(current.stamp, dated) >= 0
        ? { ...current.stamp, count: current.stamp.count + 1, node: 'file' }
        : dated;
    const mark: Mark = { kind: WATCH, talkId, on: true, stamp, value: watchValue(state) };
    local.set(talkId, mark);
    restored.push(mark);
  }
  return restored;
}

/**
 * What to tell the user when IndexedDB fails: what really happened and what they can do. The storage retries a
 * connection the browser closed once before it comes to this.
 */
export function describeStorageError(error: unknown): Message {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const text = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === 'QuotaExceededError') return ['storage_full'];
  if (name === 'VersionError') return ['storage_newer'];
  // "The database connection is closing": the browser closed it (site data cleared, storage pressure, an I/O
  // error), not private browsing.
  if (isClosedConnection(error)) return ['storage_closed'];
  // Browsers that refuse IndexedDB in a private window say so on opening, with these names.
  if (name === 'InvalidStateError' || name === 'SecurityError') return ['storage_private'];
  if (name === 'UnknownError') return ['storage_failed', text];
  return ['storage_other', text];
}
