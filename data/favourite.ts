/** One starred talk. Kept even when its talk leaves the catalogue: a star is never dropped silently. */
export interface Favourite {
  talkId: string;
  /** Milliseconds since the epoch. */
  starredAt: number;
}

/** What merging a favourites file into the stars did. */
export interface MergeReport {
  added: number;
  alreadyStarred: number;
}
