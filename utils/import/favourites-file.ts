import { type Favourite, readTalkSnapshot, type TalkSnapshot } from '../../data';
import { formatMegabytes, type Message, t } from '../i18n';
import { readWatchState, type WatchState, watchValue } from '../marks';

/**
 * The export format. Bump `version` on any change that an older Talkmark could misread. Version 2 carries each
 * star's snapshot (what its talk was: title, conference, speakers, where to watch it), so that a backup restores
 * every star anywhere, whether or not that browser has the talk's conference. Version 3 adds how far each talk
 * was watched (an older Talkmark would drop it unsaid, so it is a new version). Versions 1 and 2 still import.
 */
export interface FavouritesFile {
  format: 'talkmark-favourites';
  version: 3;
  exportedAt: string;
  favourites: Array<{ talkId: string; title: string; starredAt: string; snapshot?: TalkSnapshot }>;
  /** Every talk watched or started, starred or not: seconds into the talk's own span, and when that was. */
  progress?: ExportedProgress[];
}

export interface ExportedProgress {
  talkId: string;
  position: number;
  duration: number;
  watched?: true;
  /** Marked watched or unwatched by hand. */
  byHand?: true;
  /** When the progress was last saved or marked, anywhere: an older entry never overwrites a newer one. */
  at: string;
}

/** One talk's progress as the background keeps it and as a file restores it. */
export interface ProgressEntry {
  talkId: string;
  state: WatchState;
  /** Milliseconds. */
  at: number;
}

export const FAVOURITES_FILE_VERSION = 3;

/** A favourites export of thousands of talks is well under this; anything bigger is not ours. */
export const MAX_FAVOURITES_FILE_BYTES = 1_000_000;

export type ParsedFavouritesFile =
  | {
      ok: true;
      favourites: Favourite[];
      /** Of them, stars of talks this browser has in no catalogue: kept with what they were. */
      described: number;
      progress: ProgressEntry[];
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
  progress: readonly ProgressEntry[] = [],
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
    ...(progress.length
      ? {
          progress: progress.map(({ talkId, state, at }) => ({
            talkId,
            position: Math.round(state.position),
            duration: Math.round(state.duration),
            ...(state.watched ? { watched: true as const } : {}),
            ...(state.byHand ? { byHand: true as const } : {}),
            at: new Date(at).toISOString(),
          })),
        }
      : {}),
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
  if (data.version !== 1 && data.version !== 2 && data.version !== FAVOURITES_FILE_VERSION) {
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
  const progress: ProgressEntry[] = [];
  if (data.progress !== undefined && !Array.isArray(data.progress)) return fail('file_damaged_progress', '1');
  for (const [position, entry] of (data.progress ?? []).entries()) {
    const at = isRecord(entry) && typeof entry.at === 'string' ? Date.parse(entry.at) : Number.NaN;
    // The same checks as a synced mark's value: finite, non-negative seconds.
    const state =
      isRecord(entry) &&
      typeof entry.position === 'number' &&
      typeof entry.duration === 'number' &&
      readWatchState(
        watchValue({
          position: entry.position,
          duration: entry.duration,
          watched: entry.watched === true,
          byHand: entry.byHand === true,
        }),
      );
    if (!isRecord(entry) || typeof entry.talkId !== 'string' || !entry.talkId || !state || Number.isNaN(at))
      return fail('file_damaged_progress', String(position + 1));
    progress.push({ talkId: entry.talkId.slice(0, 300), state, at });
  }
  return { ok: true, favourites, described, progress };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
