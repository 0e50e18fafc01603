/**
 * Everything Talkmark reads from YouTube's watch page, in one place. Each selector names where YouTube uses it
 * (sample page: https://www.youtube.com/watch?v=two3TzF9mVY); when YouTube changes its markup, only this
 * file should need to change.
 */
export const YOUTUBE_SELECTORS = {
  /** The watch page's layout element; its `video-id` attribute follows the video being played. */
  watchFlexy: 'ytd-watch-flexy',
  /** The right-hand column above the recommendations, in the two-column layout. */
  rightColumn: '#secondary-inner',
  /** Below the player: title, channel, description; where the column's content goes in narrow layouts. */
  belowPlayer: '#below',
  /** The video's own heading (not the sidebar's recommendation titles, which share the yt-formatted-string tag). */
  videoHeading: 'ytd-watch-metadata h1 yt-formatted-string, ytd-watch-metadata h1',
  /** The mobile site's heading (m.youtube.com). */
  mobileHeading: '.slim-video-information-title, .slim-video-metadata-title',
  /** The player's media element, for jumping to a segment in place. */
  video: '#movie_player video, video.html5-main-video, video',
} as const;

/** The title of the video being watched: its heading, else the document title without " - YouTube". */
export function readVideoTitle(doc: Document): string {
  const heading =
    doc.querySelector(YOUTUBE_SELECTORS.videoHeading) ?? doc.querySelector(YOUTUBE_SELECTORS.mobileHeading);
  const text = heading?.textContent?.trim();
  if (text) return text;
  return doc.title
    .replace(/^\(\d+\)\s*/, '')
    .replace(/\s*-\s*YouTube$/, '')
    .trim();
}

/** The id YouTube's layout says it is showing, when it says (the URL changes a moment before). */
export function readRenderedVideoId(doc: Document): string | undefined {
  return doc.querySelector(YOUTUBE_SELECTORS.watchFlexy)?.getAttribute('video-id') ?? undefined;
}

/**
 * Where the panel goes: first in the right column when it is shown, else at the top of the area below the
 * player (narrow windows, and before the column has rendered); undefined while neither exists.
 */
export function findPanelAnchor(doc: Document): { element: Element; place: 'column' | 'below' } | undefined {
  const column = doc.querySelector(YOUTUBE_SELECTORS.rightColumn);
  if (column && column.getClientRects().length > 0) return { element: column, place: 'column' };
  const below = doc.querySelector(YOUTUBE_SELECTORS.belowPlayer);
  return below ? { element: below, place: 'below' } : undefined;
}

/** Moves the player to `seconds` without reloading the page; false when there is no player. */
export function seekPlayer(doc: Document, seconds: number): boolean {
  const video = doc.querySelector<HTMLVideoElement>(YOUTUBE_SELECTORS.video);
  if (!video) return false;
  video.currentTime = seconds;
  return true;
}
