import { parseFavouritesFile } from './favourites-file';
import type { FavouritesStore } from './favourites-store';
import type { Message } from './i18n';
import type { Request, Response } from './messages';

/**
 * The background's answer to one view's request. Never throws: a failing database becomes a sentence the
 * view can show, and `onChanged` runs after every change so other views refresh.
 */
export async function answerRequest<T extends Request['type']>(
  request: Request & { type: T },
  store: FavouritesStore,
  isKnownTalk: (talkId: string) => boolean,
  onChanged: () => Promise<void>,
): Promise<Response<T>> {
  try {
    switch (request.type) {
      case 'favourites/list':
        return { ok: true, value: await store.list() } as Response<T>;
      case 'favourites/set': {
        const { talkId, starred } = request as Extract<Request, { type: 'favourites/set' }>;
        // Stars are only given to talks we know; taking one away always works (even a talk since removed).
        if (starred && !isKnownTalk(talkId)) return { ok: false, error: ['star_unknown', talkId] };
        await store.set(talkId, starred);
        await onChanged();
        return { ok: true, value: await store.list() } as Response<T>;
      }
      case 'favourites/import': {
        const { text, size } = request as Extract<Request, { type: 'favourites/import' }>;
        const parsed = parseFavouritesFile(text, isKnownTalk, size);
        if (!parsed.ok) return { ok: false, error: parsed.error };
        const report = await store.merge(parsed.favourites);
        if (report.added > 0) await onChanged();
        return { ok: true, value: report } as Response<T>;
      }
    }
  } catch (error) {
    return { ok: false, error: describeStorageError(error) };
  }
  return { ok: false, error: ['bad_request'] };
}

/** What to tell the user when IndexedDB fails: what happened and what they can do. */
export function describeStorageError(error: unknown): Message {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return ['storage_full'];
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'SecurityError') return ['storage_private'];
  if (name === 'VersionError') return ['storage_newer'];
  return ['storage_other', error instanceof Error ? error.message : String(error)];
}
