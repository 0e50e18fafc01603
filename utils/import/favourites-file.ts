import type { Favourite } from '../../data';
import { formatList, formatMegabytes, type Message, quoted, t } from '../i18n';
import { quoteFromFile } from '../text';

/** The export format. Bump `version` on any change that an older Talkmark could misread. */
export interface FavouritesFile {
  format: 'talkmark-favourites';
  version: 1;
  exportedAt: string;
  favourites: Array<{ talkId: string; title: string; starredAt: string }>;
}

export const FAVOURITES_FILE_VERSION = 1;

/** A favourites export of thousands of talks is well under this; anything bigger is not ours. */
export const MAX_FAVOURITES_FILE_BYTES = 1_000_000;

export type ParsedFavouritesFile = { ok: true; favourites: Favourite[] } | { ok: false; error: Message };

/** `titleOf` gives each talk's title; a talk that left the catalogue is named as the person's language names it. */
export function createFavouritesFile(
  favourites: readonly Favourite[],
  titleOf: (talkId: string) => string | undefined,
  now = new Date(),
): FavouritesFile {
  return {
    format: 'talkmark-favourites',
    version: FAVOURITES_FILE_VERSION,
    exportedAt: now.toISOString(),
    favourites: favourites.map((favourite) => ({
      talkId: favourite.talkId,
      title: titleOf(favourite.talkId) ?? t('missing_talk_title'),
      starredAt: new Date(favourite.starredAt).toISOString(),
    })),
  };
}

export function favouritesFileName(now = new Date()): string {
  return `talkmark-favourites-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * Reads an export back, refusing anything that is not exactly one: the user gets a sentence saying what is
 * wrong with the file, and nothing is imported.
 */
export function parseFavouritesFile(
  text: string,
  isKnownTalk: (talkId: string) => boolean,
  sizeInBytes = text.length,
): ParsedFavouritesFile {
  const fail = (...error: Message): ParsedFavouritesFile => ({ ok: false, error });
  if (sizeInBytes > MAX_FAVOURITES_FILE_BYTES) return fail('file_too_big', formatMegabytes(sizeInBytes));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('file_not_json');
  }
  if (!isRecord(data) || data.format !== 'talkmark-favourites') return fail('file_not_ours');
  if (data.version !== FAVOURITES_FILE_VERSION) {
    return typeof data.version === 'number' && data.version > FAVOURITES_FILE_VERSION
      ? fail('file_newer', String(data.version))
      : fail('file_unknown_version');
  }
  if (!Array.isArray(data.favourites)) return fail('file_no_list');

  const favourites: Favourite[] = [];
  const unknown: string[] = [];
  for (const [position, entry] of data.favourites.entries()) {
    const starredAt = isRecord(entry) && typeof entry.starredAt === 'string' ? Date.parse(entry.starredAt) : Number.NaN;
    if (!isRecord(entry) || typeof entry.talkId !== 'string' || Number.isNaN(starredAt)) {
      return fail('file_damaged', String(position + 1));
    }
    if (!isKnownTalk(entry.talkId)) {
      unknown.push(
        typeof entry.title === 'string' && entry.title
          ? quoted(quoteFromFile(entry.title))
          : quoteFromFile(entry.talkId),
      );
      continue;
    }
    favourites.push({ talkId: entry.talkId, starredAt });
  }
  if (unknown.length > 0) {
    const named = unknown.length > 3 ? [...unknown.slice(0, 3), t('list_and_others')] : unknown;
    return fail('file_unknown_talks', formatList(named));
  }
  return { ok: true, favourites };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
