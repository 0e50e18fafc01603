import { render } from 'preact';
import { createShadowRootUi, defineContentScript } from '#imports';
import { TalkSummary } from '../../components/TalkSummary';
import { catalogue } from '../../data/catalogue';
import { parseYouTubeVideoId } from '../../utils/youtube-url';
import './style.css';

export default defineContentScript({
  // YouTube swaps pages without reloading, so the script runs on every page of the site and acts only on
  // watch pages; elsewhere it reads the URL and stops.
  matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const videoId = parseYouTubeVideoId(location.href);
    const talk = videoId ? catalogue.talksByVideoId.get(videoId) : undefined;
    if (!talk) return;
    const ui = await createShadowRootUi(ctx, {
      name: 'talkmark-panel',
      position: 'inline',
      anchor: () => document.querySelector('#secondary-inner') ?? document.querySelector('#below'),
      append: 'first',
      onMount: (container) => render(<TalkSummary talk={talk} />, container),
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();
  },
});
