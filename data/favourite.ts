/** What a star remembers of its talk, so that it can be shown and opened where no catalogue has the talk. */
export interface TalkSnapshot {
  title: string;
  eventName?: string;
  speakers?: string[];
  /** The YouTube video, or else where the talk can be watched. */
  videoId?: string;
  watchUrl?: string;
  startSeconds?: number;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * A snapshot read from outside (a favourites file, a synced item), checked field by field and cut to sensible
 * lengths; undefined when it has no title. A watch link must be https; a video id must look like one.
 */
export function readTalkSnapshot(value: unknown): TalkSnapshot | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { title, eventName, speakers, videoId, watchUrl, startSeconds } = value as Record<string, unknown>;
  if (typeof title !== 'string' || !title.trim()) return undefined;
  const text = (field: unknown, length: number) =>
    typeof field === 'string' && field ? field.slice(0, length) : undefined;
  const event = text(eventName, 200);
  const names = Array.isArray(speakers)
    ? speakers.filter((name): name is string => typeof name === 'string' && !!name).slice(0, 50)
    : [];
  const video = typeof videoId === 'string' && VIDEO_ID.test(videoId) ? videoId : undefined;
  const link = text(watchUrl, 2000);
  return {
    title: title.slice(0, 500),
    ...(event ? { eventName: event } : {}),
    ...(names.length ? { speakers: names } : {}),
    ...(video ? { videoId: video } : link && /^https:\/\//.test(link) ? { watchUrl: link } : {}),
    ...(typeof startSeconds === 'number' && Number.isInteger(startSeconds) && startSeconds > 0 ? { startSeconds } : {}),
  };
}

/** One starred talk. Kept even when its talk leaves the catalogue: a star is never dropped silently. */
export interface Favourite {
  talkId: string;
  /** Milliseconds since the epoch. */
  starredAt: number;
  /** Taken when the talk is starred (and refreshed from the catalogues): the star describes itself. */
  snapshot?: TalkSnapshot;
}

/** What merging a favourites file into the stars did. */
export interface MergeReport {
  added: number;
  alreadyStarred: number;
  /** Of the file's stars, those of talks this browser has in no catalogue, kept with what they were. */
  described?: number;
  /** Of the file's watch progress, the talks whose entry was newer than this browser's, and so restored. */
  progress?: number;
}
