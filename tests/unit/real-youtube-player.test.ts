// @vitest-environment happy-dom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { YOUTUBE_SELECTORS } from '../../utils/youtube';
import { sharedMissing } from '../real-talks';

// The player selectors that watch progress relies on, against real YouTube pages (../shared/real-youtube, never
// copied here): the watch page's own video inside the player, not a preview's, and the player that says
// `.ad-showing`.
// From the project root (vitest's working directory): under happy-dom, import.meta.url is not a file address.
const PAGES = pathToFileURL(join(process.cwd(), '../shared/real-youtube/'));
const havePages = existsSync(PAGES);
if (!havePages) sharedMissing('The real YouTube player checks', PAGES);

function page(name: string): Document {
  // Without its links and frames: the test DOM would try (and fail, noisily) to load them.
  const html = readFileSync(new URL(name, PAGES), 'utf8')
    .replace(/<link\b[^>]*>/g, '')
    .replace(/<iframe\b[\s\S]*?<\/iframe>/g, '');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe.skipIf(!havePages)('the player on real YouTube pages', () => {
  it.each(['desktop-rendered-2022-09-18.html', 'desktop-rendered-2024-02-17.html'])(
    '%s: the main video is the one inside the player, and its player is found from it',
    (name) => {
      const doc = page(name);
      const video = doc.querySelector(YOUTUBE_SELECTORS.mainVideo);
      expect(video?.tagName).toBe('VIDEO');
      const player = video?.closest(YOUTUBE_SELECTORS.player);
      expect(player?.id).toBe('movie_player');
      expect(player?.classList.contains('html5-video-player')).toBe(true);
    },
  );

  it('2022: of two html5-main-video elements, only the player’s is followed', () => {
    const doc = page('desktop-rendered-2022-09-18.html');
    const all = [...doc.querySelectorAll('video.html5-main-video')];
    expect(all).toHaveLength(2);
    const main = doc.querySelector(YOUTUBE_SELECTORS.mainVideo);
    expect(main?.closest('#movie_player')).not.toBeNull();
    expect(all.filter((video) => video.closest('#movie_player'))).toEqual([main]);
  });

  it('2026 desktop: the player is there (the capture removed its video), and is what `.ad-showing` marks', () => {
    const doc = page('desktop-rendered-2026-01-28.html');
    const player = doc.querySelector('#movie_player');
    expect(player?.matches(YOUTUBE_SELECTORS.player)).toBe(true);
  });

  it('2026 mobile: the server’s shell has the player container the main video goes into', () => {
    const doc = page('mobile-raw-2026-04-20.html');
    expect(doc.querySelector('#player-container-id')).not.toBeNull();
    expect(YOUTUBE_SELECTORS.mainVideo).toContain('#player-container-id video.html5-main-video');
  });
});
