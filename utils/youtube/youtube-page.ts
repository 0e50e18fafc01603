/**
 * Everything Talkmark reads from YouTube's watch page, in one place. Each selector names where YouTube uses it
 * (sample page: https://www.youtube.com/watch?v=two3TzF9mVY); when YouTube changes its markup, only this
 * file should need to change. The mobile site (m.youtube.com, Firefox for Android) is another app built from
 * `ytm-*` elements: one column, the video's metadata, then the related videos.
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
  /** The mobile site's heading: an h2 whose text is in a `.yt-core-attributed-string` span. */
  mobileHeading:
    '.slim-video-information-title .yt-core-attributed-string, .slim-video-information-title, .slim-video-metadata-title',
  /** The mobile site's block under the player: title, channel, actions. */
  mobileMetadata: 'ytm-slim-video-metadata-section-renderer',
  /** The mobile site's related videos, in the single column under the metadata. */
  mobileRelated: 'ytm-item-section-renderer[section-identifier="related-items"]',
  /** The player's media element, for jumping to a segment in place. */
  video: '#movie_player video, video.html5-main-video, video',
  /**
   * The watch page's own player video, and only it: hover previews and the miniplayer's inline player use other
   * <video> elements. Desktop 2022, 2024 and 2026 (`div#movie_player.html5-video-player > … >
   * video.video-stream.html5-main-video`); the mobile site puts the same player in `#player-container-id`.
   */
  mainVideo: '#movie_player video.html5-main-video, #player-container-id video.html5-main-video',
  /** The player, which YouTube marks `.ad-showing` while an ad plays in the same <video>. */
  player: '#movie_player, .html5-video-player',
  adShowing: 'ad-showing',
} as const;

/** The title of the video being watched: its heading, else the document title without " - YouTube". */
export function readVideoTitle(doc: Document): string {
  const heading =
    doc.querySelector(YOUTUBE_SELECTORS.videoHeading) ?? doc.querySelector(YOUTUBE_SELECTORS.mobileHeading);
  const text = heading?.textContent?.trim();
  if (text) return text;
  const fromDocument = doc.title
    .replace(/^\(\d+\)\s*/, '')
    .replace(/\s*-\s*YouTube$/, '')
    .trim();
  // The mobile site's page is titled just "YouTube" until its app has rendered the video.
  return fromDocument === 'YouTube' ? '' : fromDocument;
}

/** The id YouTube's layout says it is showing, when it says (the URL changes a moment before). */
export function readRenderedVideoId(doc: Document): string | undefined {
  return doc.querySelector(YOUTUBE_SELECTORS.watchFlexy)?.getAttribute('video-id') ?? undefined;
}

/** Where the panel goes: an element of the page, and whether the panel goes first inside it, or just before it. */
export interface PanelAnchor {
  element: Element;
  place: 'column' | 'below' | 'mobile';
  position: 'first-child' | 'before' | 'after';
}

/**
 * Where the panel goes. Desktop: first in the right column when it is shown, else at the top of the area below
 * the player (narrow windows, and before the column has rendered). Mobile: below the video's metadata, above the
 * related videos. Undefined while none of these exists.
 */
export function findPanelAnchor(doc: Document): PanelAnchor | undefined {
  const column = doc.querySelector(YOUTUBE_SELECTORS.rightColumn);
  if (column && column.getClientRects().length > 0)
    return { element: column, place: 'column', position: 'first-child' };
  const below = doc.querySelector(YOUTUBE_SELECTORS.belowPlayer);
  if (below) return { element: below, place: 'below', position: 'first-child' };
  const related = doc.querySelector(YOUTUBE_SELECTORS.mobileRelated);
  if (related) return { element: related, place: 'mobile', position: 'before' };
  const metadata = doc.querySelector(YOUTUBE_SELECTORS.mobileMetadata);
  return metadata ? { element: metadata, place: 'mobile', position: 'after' } : undefined;
}

/** Whether `host` already sits where `anchor` says. */
export function isAtAnchor(host: Element, anchor: PanelAnchor): boolean {
  if (!host.isConnected) return false;
  if (anchor.position === 'first-child') return host.parentElement === anchor.element;
  if (anchor.position === 'before') return host.nextElementSibling === anchor.element;
  return host.previousElementSibling === anchor.element;
}

/** Puts `host` where `anchor` says. */
export function insertAtAnchor(host: Element, anchor: PanelAnchor): void {
  if (anchor.position === 'first-child') anchor.element.prepend(host);
  else if (anchor.position === 'before') anchor.element.before(host);
  else anchor.element.after(host);
}

/**
 * The theme the page shows. YouTube marks it on <html> (`dark` on the desktop site, `darker-dark-theme` on the
 * mobile one); should it rename those, the colour its app or body paints tells.
 */
export function readPageTheme(doc: Document): 'dark' | 'light' {
  const root = doc.documentElement;
  if (root.hasAttribute('dark') || root.hasAttribute('darker-dark-theme')) return 'dark';
  const view = doc.defaultView;
  for (const element of [doc.querySelector('ytd-app, ytm-app'), doc.body, root]) {
    if (!element || !view) continue;
    const channels = view
      .getComputedStyle(element)
      .backgroundColor.match(/[\d.]+/g)
      ?.map(Number);
    if (!channels || channels.length < 3 || channels[3] === 0) continue; // transparent: look further out
    const [red = 0, green = 0, blue = 0] = channels;
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 128 ? 'dark' : 'light';
  }
  return 'light';
}

/** Moves the player to `seconds` without reloading the page; false when there is no player. */
export function seekPlayer(doc: Document, seconds: number): boolean {
  const video = doc.querySelector<HTMLVideoElement>(YOUTUBE_SELECTORS.video);
  if (!video) return false;
  video.currentTime = seconds;
  return true;
}
