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
}
