import { render } from 'preact';
import { browser, type ContentScriptContext, createShadowRootUi, defineContentScript } from '#imports';
import { catalogue } from '../../data/catalogue';
import { type PanelContent, panelForCatalogueVideo, panelForVideoTitle } from '../../utils/panel-content';
import {
  findPanelAnchor,
  readRenderedVideoId,
  readVideoTitle,
  seekPlayer,
  YOUTUBE_SELECTORS,
} from '../../utils/youtube-page';
import { parseYouTubeVideoId } from '../../utils/youtube-url';
import { Panel } from './Panel';
import './style.css';

const COLLAPSED_KEY = 'panel-collapsed';
/** How long to wait for YouTube to replace the previous video's title before deciding on what is there. */
const TITLE_WAIT_MS = 3000;

export default defineContentScript({
  // YouTube swaps videos without loading a page, so the script runs on every YouTube page and acts only on
  // watch pages; elsewhere it reads the URL and stops.
  matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    new PanelController(ctx).start();
  },
});

/**
 * Shows the right panel for the video being watched, or none, across YouTube's in-page navigations: cleared
 * when a navigation starts, decided again when it finishes, re-attached if YouTube re-renders its column.
 */
class PanelController {
  private content: PanelContent | undefined;
  private collapsed = false;
  private ui: Awaited<ReturnType<typeof createShadowRootUi<void>>> | undefined;
  /** Bumped by every navigation, so work begun for an earlier video is dropped. */
  private navigation = 0;
  /** The video the panel is shown (or being decided) for. */
  private videoId: string | undefined;
  /** The last title read for a video, and which: a new video's heading is stale while it still says this. */
  private lastTitle: { videoId: string; title: string } | undefined;
  private watcher: MutationObserver | undefined;

  constructor(private readonly ctx: ContentScriptContext) {}

  start(): void {
    const { ctx } = this;
    ctx.addEventListener(document, 'yt-navigate-start', () => this.clear());
    ctx.addEventListener(document, 'yt-navigate-finish', () => void this.update());
    ctx.addEventListener(window, 'wxt:locationchange', () => void this.update());
    ctx.onInvalidated(() => this.clear());
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && COLLAPSED_KEY in changes)
        this.setCollapsed(changes[COLLAPSED_KEY]?.newValue === true, false);
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
    void this.update();
  }

  private clear(): void {
    this.navigation++;
    this.videoId = undefined;
    this.content = undefined;
    this.watcher?.disconnect();
    this.watcher = undefined;
    this.ui?.remove();
  }

  private async update(): Promise<void> {
    const videoId = parseYouTubeVideoId(location.href);
    if (videoId === this.videoId) return; // the same navigation reported twice (YouTube's event and WXT's)
    this.clear();
    if (!videoId) return; // not a watch page: nothing to do
    this.videoId = videoId;
    const navigation = this.navigation;

    const content = panelForCatalogueVideo(videoId, catalogue) ?? (await this.decideOnTitle(videoId, navigation));
    if (navigation !== this.navigation || !content) return;
    this.content = content;
    const stored = await browser.storage.local.get(COLLAPSED_KEY);
    if (navigation !== this.navigation) return;
    this.collapsed = stored[COLLAPSED_KEY] === true;
    await this.mount(navigation);
  }

  /** Waits until the page shows this video's own title (not the previous one's), then judges it. */
  private decideOnTitle(videoId: string, navigation: number): Promise<PanelContent | undefined> {
    return new Promise((resolve) => {
      const fresh = () => {
        const rendered = readRenderedVideoId(document);
        const title = readVideoTitle(document);
        const stale = this.lastTitle && this.lastTitle.videoId !== videoId && this.lastTitle.title === title;
        return title && !stale && (rendered === undefined || rendered === videoId) ? title : undefined;
      };
      const finish = (title: string | undefined) => {
        observer.disconnect();
        clearTimeout(timer);
        if (navigation !== this.navigation) return resolve(undefined);
        const decided = title ?? readVideoTitle(document);
        this.lastTitle = { videoId, title: decided };
        resolve(decided ? panelForVideoTitle(decided, catalogue) : undefined);
      };
      const observer = new MutationObserver(() => {
        const title = fresh();
        if (title || navigation !== this.navigation) finish(title);
      });
      const timer = this.ctx.setTimeout(() => finish(undefined), TITLE_WAIT_MS);
      const now = fresh();
      if (now) return finish(now);
      const head = document.querySelector('title');
      const metadata = document.querySelector(YOUTUBE_SELECTORS.watchFlexy) ?? document.body;
      observer.observe(metadata, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['video-id'],
      });
      if (head) observer.observe(head, { childList: true, characterData: true, subtree: true });
    });
  }

  private async mount(navigation: number): Promise<void> {
    this.ui ??= await createShadowRootUi<void>(this.ctx, {
      name: 'talkmark-panel',
      position: 'inline',
      anchor: () => findPanelAnchor(document)?.element,
      append: 'first',
      onMount: (container) => this.render(container),
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    if (navigation !== this.navigation) return;
    this.place();
    // YouTube renders its right column late and re-renders parts of the page; keep the panel where it belongs.
    // Checked at most once a frame: YouTube mutates its page often, and placing reads layout.
    let scheduled = false;
    this.watcher = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      this.ctx.requestAnimationFrame(() => {
        scheduled = false;
        this.place();
      });
    });
    this.watcher.observe(document.querySelector(YOUTUBE_SELECTORS.watchFlexy) ?? document.body, {
      childList: true,
      subtree: true,
    });
  }

  /** Mounts the panel at the best anchor, or moves it there; does nothing when it is already in place. */
  private place(): void {
    const { ui } = this;
    if (!ui || !this.content) return;
    const anchor = findPanelAnchor(document);
    if (!anchor) return;
    const host = ui.shadowHost;
    if (host.isConnected && host.parentElement === anchor.element) return;
    ui.remove();
    ui.mount();
  }

  private render(container: HTMLElement): void {
    if (!this.content) return;
    render(
      <Panel
        content={this.content}
        collapsed={this.collapsed}
        onCollapsedChange={(collapsed) => this.setCollapsed(collapsed, true)}
        onSeek={(seconds) => seekPlayer(document, seconds)}
      />,
      container,
    );
  }

  private setCollapsed(collapsed: boolean, remember: boolean): void {
    this.collapsed = collapsed;
    if (remember) void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed });
    if (this.ui?.shadowHost.isConnected) this.render(this.ui.uiContainer);
  }
}
