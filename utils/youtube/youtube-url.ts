const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(['www.youtube.com', 'm.youtube.com', 'youtube.com', 'www.youtube-nocookie.com']);

/**
 * The id of the video a YouTube page plays, or undefined when the page is not a single video's page.
 * Accepts `/watch?v=ID` (any parameter order and extras), `/live/ID`, `/shorts/ID`, `/embed/ID` and `youtu.be/ID`.
 */
export function parseYouTubeVideoId(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  let candidate: string | null | undefined;
  if (url.hostname === 'youtu.be') {
    candidate = url.pathname.split('/')[1];
  } else if (YOUTUBE_HOSTS.has(url.hostname)) {
    const [, first, second] = url.pathname.split('/');
    if (first === 'watch') candidate = url.searchParams.get('v');
    else if (first === 'live' || first === 'shorts' || first === 'embed') candidate = second;
  }
  return candidate && VIDEO_ID.test(candidate) ? candidate : undefined;
}
