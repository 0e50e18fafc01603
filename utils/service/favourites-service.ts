import type { Message } from '../i18n';
import { parseFavouritesFile } from '../import';
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
        if (report.added > 0) await onChanged();
        return { ok: true, value: { ...report, described: parsed.described } };
      }
    }
  } catch (error) {
    return { ok: false, error: describeStorageError(error) };
  }
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
