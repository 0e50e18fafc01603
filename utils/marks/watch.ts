/**
 * How far a person watched a talk, as a mark of kind `watch` (the same record and format as a star, so it syncs
 * the same way). Positions are within the talk's own span: a talk that starts at 1:45 of a longer video is at 0
 * there.
 */
export const WATCH = 'watch';

export interface WatchState {
  /** Seconds into the talk. */
  position: number;
  /** The talk's length in seconds, as its video reported it (0 when only marked by hand). */
  duration: number;
  watched: boolean;
  /** Marked watched or unwatched by hand: that wins over the automatic rule until changed by hand again. */
  byHand?: boolean;
}

/** Watched once 90 % of the talk has played. */
export const WATCHED_FRACTION = 0.9;

/** A talk played for less than this is only glanced at: it is not one to continue. */
export const STARTED_SECONDS = 10;

/** Started and not finished: a talk the Continue watching view lists. */
export const isUnfinished = (state: WatchState) => !state.watched && state.position >= STARTED_SECONDS;

/** What playing to `position` of `duration` makes of the state before. A hand mark stands. */
export function playedTo(before: WatchState | undefined, position: number, duration: number): WatchState {
  const watched = before?.byHand ? before.watched : before?.watched === true || position >= WATCHED_FRACTION * duration;
  return { position, duration, watched, ...(before?.byHand ? { byHand: true } : {}) };
}

/** Marked watched or unwatched by hand; the position is kept (unwatched from the start when it was done). */
export function markedByHand(before: WatchState | undefined, watched: boolean): WatchState {
  const finished = before && before.duration > 0 && before.position >= WATCHED_FRACTION * before.duration;
  return {
    position: !watched && finished ? 0 : (before?.position ?? 0),
    duration: before?.duration ?? 0,
    watched,
    byHand: true,
  };
}

/** A watch state read from a mark's value (storage or sync), or undefined when it is not one. */
export function readWatchState(value: unknown): WatchState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { p, d, w, h } = value as Record<string, unknown>;
  const finite = (number: unknown): number | undefined =>
    typeof number === 'number' && Number.isFinite(number) && number >= 0 && number < 1e7 ? number : undefined;
  const position = finite(p);
  const duration = finite(d);
  if (position === undefined || duration === undefined) return undefined;
  return { position, duration, watched: w === 1, ...(h === 1 ? { byHand: true } : {}) };
}

/** A watch state as a mark's value: short keys, whole seconds (sync storage counts every byte). */
export function watchValue(state: WatchState): { p: number; d: number; w?: 1; h?: 1 } {
  return {
    p: Math.round(state.position),
    d: Math.round(state.duration),
    ...(state.watched ? { w: 1 as const } : {}),
    ...(state.byHand ? { h: 1 as const } : {}),
  };
}
