// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.youtube.com/watch?v=OCS45iy5v1M"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUnfinished, markedByHand, playedTo, readWatchState, watchValue } from '../../utils/marks';
import { followVideo } from '../../utils/youtube';

describe('what counts as watched', () => {
  it('is 90 % of the talk’s span, or a hand mark, which stands until changed by hand', () => {
    expect(playedTo(undefined, 100, 1_000).watched).toBe(false);
    expect(playedTo(undefined, 900, 1_000).watched).toBe(true);
    // Once watched, seeking back does not unwatch it.
    expect(playedTo({ position: 950, duration: 1_000, watched: true }, 10, 1_000).watched).toBe(true);
    // Marked unwatched by hand: playing on does not mark it again, until it is marked by hand.
    const unwatched = markedByHand({ position: 950, duration: 1_000, watched: true }, false);
    expect(unwatched).toEqual({ position: 0, duration: 1_000, watched: false, byHand: true });
    expect(playedTo(unwatched, 990, 1_000).watched).toBe(false);
    expect(markedByHand(unwatched, true).watched).toBe(true);
  });

  it('lists a talk to continue once it played for 10 s, until it is watched', () => {
    expect(isUnfinished(playedTo(undefined, 4, 1_000))).toBe(false);
    expect(isUnfinished(playedTo(undefined, 10, 1_000))).toBe(true);
    expect(isUnfinished(playedTo(undefined, 900, 1_000))).toBe(false);
    expect(isUnfinished(markedByHand(playedTo(undefined, 300, 1_000), true))).toBe(false);
    // Marked unwatched by hand after the end: back at the start, so nothing to continue.
    expect(isUnfinished(markedByHand(playedTo(undefined, 950, 1_000), false))).toBe(false);
  });

  it('reads back only finite, non-negative times', () => {
    expect(readWatchState(watchValue({ position: 12.4, duration: 600, watched: false }))).toEqual({
      position: 12,
      duration: 600,
      watched: false,
    });
    for (const bad of [{ p: Number.NaN, d: 1 }, { p: 1, d: Number.POSITIVE_INFINITY }, { p: -1, d: 10 }, null, 'x'])
      expect(readWatchState(bad)).toBeUndefined();
  });
});

describe('following the watch page’s video', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  /** The migrate talk's watch page with the player's video, its media state as given, followed from here. */
  function followedPlayer(media: PropertyDescriptorMap) {
    history.replaceState(null, '', '/watch?v=OCS45iy5v1M');
    document.body.innerHTML =
      '<div id="movie_player" class="html5-video-player"><video class="html5-main-video"></video></div>';
    const video = document.querySelector('video') as HTMLVideoElement;
    Object.defineProperties(video, media);
    const onProgress = vi.fn();
    const navigation = new AbortController();
    followVideo({
      doc: document,
      talk: { videoId: 'OCS45iy5v1M', startSeconds: 0 },
      onProgress,
      signal: navigation.signal,
    });
    return { video, onProgress, navigation };
  }

  it('never counts an event the page made up (only the browser’s own playback counts)', () => {
    const { video, onProgress, navigation } = followedPlayer({ currentTime: { value: 120 }, duration: { value: 600 } });
    for (const type of ['timeupdate', 'pause', 'seeked', 'ended']) video.dispatchEvent(new Event(type));
    document.dispatchEvent(new Event('visibilitychange'));
    navigation.abort();
    expect(onProgress).not.toHaveBeenCalled();
  });

  it('saves every 10 s while the talk plays, six times a minute, and never for another video', () => {
    vi.useFakeTimers();
    try {
      let time = 100;
      const { onProgress, navigation } = followedPlayer({
        currentTime: { get: () => time },
        duration: { value: 600 },
        paused: { value: false },
      });
      for (let second = 0; second < 60; second++) {
        time++;
        vi.advanceTimersByTime(1_000);
      }
      expect(onProgress).toHaveBeenCalledTimes(6);
      expect(onProgress).toHaveBeenLastCalledWith(160, 600);
      // Another video in the same player (autoplay): nothing more is counted toward this talk.
      history.replaceState(null, '', '/watch?v=unrelated01');
      time = 5;
      vi.advanceTimersByTime(30_000);
      expect(onProgress.mock.calls.every(([position]) => position >= 100)).toBe(true);
      navigation.abort();
      const calls = onProgress.mock.calls.length;
      vi.advanceTimersByTime(60_000);
      expect(onProgress).toHaveBeenCalledTimes(calls);
    } finally {
      vi.useRealTimers();
    }
  });
});
