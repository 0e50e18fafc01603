import { YOUTUBE_SELECTORS } from './youtube-page';
import { parseYouTubeVideoId } from './youtube-url';

/** How often progress is saved while a talk plays (and on pause, seek, end, the tab hidden, and leaving). */
export const SAVE_EVERY_MS = 10_000;

export interface FollowedTalk {
  /** The talk's YouTube video: time counts only while the page's address is this video's. */
  videoId: string;
  /** Where the talk starts in its video: progress runs within the talk's own span. */
  startSeconds: number;
}

export interface VideoFollowerOptions {
  doc: Document;
  talk: FollowedTalk;
  /** Called every `SAVE_EVERY_MS` while it plays, and at once on pause, seek, end, hide and stop. */
  onProgress(position: number, duration: number): void;
  /** Ends everything the follower set up (the content script's navigation signal). */
  signal: AbortSignal;
}

/**
 * Follows the watch page's main <video> for one talk (SponsorBlock's maze-utils is the model): only the player's
 * own video, never a hover preview's; never while an ad plays in it (`.ad-showing`); never once the address is
 * another video's (autoplay, in-page navigation); only for events the browser made (a page script's forged event
 * counts for nothing); and never a time that is not a finite, non-negative number. Returns a stop function.
 */
export function followVideo({ doc, talk, onProgress, signal }: VideoFollowerOptions): () => void {
  const stopped = new AbortController();
  const until = stopped.signal;
  const stop = () => stopped.abort();
  // Ended by the caller's signal too. The listener goes with the follower: a long-lived signal holding each
  // finished follower (and through it its observer) would keep every one of them alive, one per talk watched.
  // (AbortSignal.any would do the same: a signal combined with a long-lived one lives as long as it.)
  if (signal.aborted) queueMicrotask(stop);
  else signal.addEventListener('abort', stop, { once: true, signal: until });
  let video: HTMLVideoElement | undefined;
  let last: { position: number; duration: number } | undefined;

  /** Where the talk is now, or undefined when this moment does not count. */
  const reading = (): { position: number; duration: number } | undefined => {
    if (!video?.isConnected) return undefined;
    if (parseYouTubeVideoId(doc.location.href) !== talk.videoId) return undefined;
    const player = video.closest(YOUTUBE_SELECTORS.player);
    if (player?.classList.contains(YOUTUBE_SELECTORS.adShowing)) return undefined;
    const { currentTime, duration } = video;
    if (!Number.isFinite(currentTime) || !Number.isFinite(duration) || currentTime < 0 || duration <= 0) return;
    const position = currentTime - talk.startSeconds;
    const length = duration - talk.startSeconds;
    if (position < 0 || length <= 0 || position > length) return undefined;
    return { position, duration: length };
  };

  const save = () => {
    const current = reading();
    if (current) last = current;
    if (last) onProgress(last.position, last.duration);
  };
  const trusted = (handler: () => void) => (event: Event) => {
    if (event.isTrusted) handler();
  };

  // While the video plays, a save every `SAVE_EVERY_MS`, from a timer: listening to `timeupdate` would wake this
  // script four times a second for nothing (each wake costs the page's main thread more than the reading).
  let ticking: ReturnType<typeof setInterval> | undefined;
  const stopTicking = () => {
    clearInterval(ticking);
    ticking = undefined;
  };
  const startTicking = () => {
    if (ticking !== undefined || until.aborted) return;
    ticking = setInterval(() => {
      // The player may have replaced its video meanwhile.
      if (!video?.isConnected) find();
      if (video && !video.paused) save();
    }, SAVE_EVERY_MS);
  };

  const find = () => {
    video = doc.querySelector<HTMLVideoElement>(YOUTUBE_SELECTORS.mainVideo) ?? undefined;
    return video;
  };
  /**
   * The player's media events, heard on the document as they pass down to their video (media events do not
   * bubble, but the capturing phase sees them): a player made late, or a video it swaps in, is found when it plays,
   * without watching the page change (YouTube's page changes many times a second while a video plays). Only the
   * page's main video counts, never a hover preview's.
   */
  const onMain = (handler: () => void) => (event: Event) => {
    if (event.isTrusted && (event.target === video || event.target === find())) handler();
  };
  const listen = (type: string, handler: () => void) =>
    doc.addEventListener(type, onMain(handler), { capture: true, signal: until });
  listen('playing', startTicking);
  for (const type of ['pause', 'ended'])
    listen(type, () => {
      stopTicking();
      save();
    });
  listen('seeked', save);
  if (find() && !video?.paused) startTicking();
  doc.addEventListener(
    'visibilitychange',
    trusted(() => doc.visibilityState === 'hidden' && save()),
    {
      signal: until,
    },
  );
  until.addEventListener(
    'abort',
    () => {
      stopTicking();
      // Leaving the talk (navigation, another video, the page closing) saves where it was, if it counted.
      if (last) onProgress(last.position, last.duration);
    },
    { once: true },
  );
  return stop;
}
