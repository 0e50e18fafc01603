import { type Favourite, readTalkSnapshot, type TalkSnapshot } from '../../data';
import { formatMegabytes, type Message, t } from '../i18n';

/**
 * The export format. Bump `version` on any change that an older Talkmark could misread. Version 2 carries each
 * star's snapshot (what its talk was: title, conference, speakers, where to watch it), so that a backup restores
 * every star anywhere, whether or not that browser has the talk's conference; version 1 files still import.
 */
export interface FavouritesFile {
  format: 'talkmark-favourites';
  version: 2;
  exportedAt: string;
  favourites: Array<{ talkId: string; title: string; starredAt: string; snapshot?: TalkSnapshot }>;
}

export const FAVOURITES_FILE_VERSION = 2;

/** A favourites export of thousands of talks is well under this; anything bigger is not ours. */
export const MAX_FAVOURITES_FILE_BYTES = 1_000_000;

export type ParsedFavouritesFile =
  | {
      ok: true;
      favourites: Favourite[];
      /** Of them, stars of talks this browser has in no catalogue: kept with what they were. */
      described: number;
    }
  | { ok: false; error: Message };

/**
 * `titleOf` gives each talk's title; a star that knows nothing of its talk is named as the person's language
 * names a talk no longer in the catalogue. Each star's snapshot goes with it.
 */
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
      title: titleOf(favourite.talkId) ?? favourite.snapshot?.title ?? t('missing_talk_title'),
      starredAt: new Date(favourite.starredAt).toISOString(),
      ...(favourite.snapshot ? { snapshot: favourite.snapshot } : {}),
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
  if (data.version !== 1 && data.version !== FAVOURITES_FILE_VERSION) {
    return typeof data.version === 'number' && data.version > FAVOURITES_FILE_VERSION
      ? fail('file_newer', String(data.version))
      : fail('file_unknown_version');
  }
  if (!Array.isArray(data.favourites)) return fail('file_no_list');

  const favourites: Favourite[] = [];
  let described = 0;
  for (const [position, entry] of data.favourites.entries()) {
    const starredAt = isRecord(entry) && typeof entry.starredAt === 'string' ? Date.parse(entry.starredAt) : Number.NaN;
    if (!isRecord(entry) || typeof entry.talkId !== 'string' || !entry.talkId || Number.isNaN(starredAt)) {
      return fail('file_damaged', String(position + 1));
    }
    // What the star was: the file's snapshot (version 2), else its title (version 1).
    const snapshot =
      readTalkSnapshot(entry.snapshot) ??
      (typeof entry.title === 'string' && entry.title.trim() ? { title: entry.title.slice(0, 500) } : undefined);
    if (!isKnownTalk(entry.talkId)) {
      // A talk this browser has in no catalogue: kept as a star that says what it was, if the file says.
      if (!snapshot) return fail('file_damaged', String(position + 1));
      described++;
    }
    favourites.push({ talkId: entry.talkId.slice(0, 300), starredAt, ...(snapshot ? { snapshot } : {}) });
  }
  return { ok: true, favourites, described };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
