import { render } from 'preact';
import { browser, type ContentScriptContext, createShadowRootUi, defineContentScript } from '#imports';
import { askBackground } from '../../utils/ask-background';
import { favouritesClient } from '../../utils/favourites-client';
import { PageTimers } from '../../utils/page-timers';
import type { PanelContent } from '../../utils/panel-content';
import { loadSettings, onSettingsChange } from '../../utils/settings';
import { watchStorageKey } from '../../utils/watch-storage';
import {
  findPanelAnchor,
  insertAtAnchor,
  isAtAnchor,
  readPageTheme,
  readRenderedVideoId,
  readVideoTitle,
  seekPlayer,
  YOUTUBE_SELECTORS,
} from '../../utils/youtube-page';
import { parseYouTubeVideoId } from '../../utils/youtube-url';
import { Panel, type PanelFavourite } from './Panel';
import './style.css';
import { messageOf } from '../../utils/error-message';

const COLLAPSED_KEY = 'panel-collapsed';
/** How long to wait for YouTube to replace the previous video's title before deciding on what is there. */
const TITLE_WAIT_MS = 3000;

export default defineContentScript({
  // YouTube swaps videos without loading a page, so the script runs on every YouTube page and acts only on
  // watch pages; elsewhere it reads the URL and stops.
  matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
  cssInjectionMode: 'ui',
  main(ctx) {
    run(ctx);
  },
});

/**
 * Starts the panel on `ctx`, and starts it again when that context ends while the extension is still running.
 * WXT ends a content script's context when a page event says a newer copy of the script has started; any page
 * can send that event (the extension's id is public), and a genuine newer copy only comes with a reloaded
 * extension, whose old scripts have lost their runtime. So a context that ends with the runtime alive was ended
 * by the page, and the panel carries on in a fresh one.
 */
function run(ctx: ContentScriptContext): void {
  new PanelController(ctx).start();
  ctx.onInvalidated(() => {
    // The class comes from the context itself: importing WXT's module here would run it at build time too.
    const Context = ctx.constructor as new (name: string) => ContentScriptContext;
    if (browser.runtime?.id) queueMicrotask(() => run(new Context('youtube')));
  });
}

/**
 * Shows the right panel for the video being watched, or none, across YouTube's in-page navigations: cleared
 * when a navigation starts, decided again when it finishes, re-attached if YouTube re-renders its column.
 */
class PanelController {
  private content: PanelContent | undefined;
  /** The current talk's star, as the background last said; shown at once when clicked. */
  private starred = false;
  private favouritesError: string | undefined;
  /** The options page's switch; while off, the script only listens for it to come back on. */
  private enabled = true;
  private collapsed = false;
  private ui: Awaited<ReturnType<typeof createShadowRootUi<HTMLElement>>> | undefined;
  private uiReady: ReturnType<typeof createShadowRootUi<HTMLElement>> | undefined;
  /** Bumped by every navigation, so work begun for an earlier video is dropped. */
  private navigation = 0;
  /** The video the panel is shown (or being decided) for. */
  private videoId: string | undefined;
  /** The last watch page's video, whether or not it had a panel. */
  private seenVideoId: string | undefined;
  /** The previous video's title, taken as a navigation starts: the new heading is stale while it says this. */
  private staleTitle: string | undefined;
  /** The title the current video's panel (or absence of one) was decided on. */
  private judgedTitle: string | undefined;
  private watcher: MutationObserver | undefined;
  private readonly timers: PageTimers;
  /** Numbers each question about the star, so an older answer never overwrites a newer one. */
  private starAsked = 0;

  constructor(private readonly ctx: ContentScriptContext) {
    this.timers = new PageTimers(ctx.signal);
  }

  start(): void {
    const { ctx } = this;
    const navigationStarts = () => {
      if (this.seenVideoId) this.staleTitle = readVideoTitle(document);
      this.clear();
    };
    // The desktop site announces navigations on the document; the mobile site on the window, with other names.
    ctx.addEventListener(document, 'yt-navigate-start', navigationStarts);
    ctx.addEventListener(document, 'yt-navigate-finish', () => void this.update());
    ctx.addEventListener(window, 'state-navigatestart', navigationStarts);
    ctx.addEventListener(window, 'state-navigateend', () => void this.update());
    ctx.addEventListener(window, 'wxt:locationchange', () => void this.update());
    ctx.onInvalidated(() => this.clear());
    ctx.onInvalidated(
      watchStorageKey('local', COLLAPSED_KEY, (collapsed) => this.setCollapsed(collapsed === true, false)),
    );
    ctx.onInvalidated(
      onSettingsChange((settings) => {
        this.enabled = settings.youtubePanel;
        this.clear();
        void this.update();
      }),
    );
    ctx.onInvalidated(favouritesClient.onChange(() => void this.refreshStar()));
    // YouTube switches theme in place (an attribute on <html>): the panel follows without a navigation.
    const themeWatcher = new MutationObserver(() => this.rerender());
    themeWatcher.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['dark', 'darker-dark-theme'],
    });
    ctx.onInvalidated(() => themeWatcher.disconnect());
    void loadSettings().then((settings) => {
      this.enabled = settings.youtubePanel;
      void this.update();
    });
  }

  private clear(): void {
    this.navigation++;
    this.timers.cancelAll(); // everything pending belonged to the previous video
    this.videoId = undefined;
    this.content = undefined;
    this.judgedTitle = undefined;
    this.watcher?.disconnect();
    this.watcher = undefined;
    this.ui?.remove();
  }

  private async update(): Promise<void> {
    const videoId = parseYouTubeVideoId(location.href);
    if (videoId === this.videoId) return; // the same navigation reported twice (YouTube's event and WXT's)
    this.clear();
    if (!videoId) return; // not a watch page: nothing to do
    // Without YouTube's start event (WXT saw the URL change), the heading may still be the previous video's.
    if (this.seenVideoId && this.seenVideoId !== videoId) this.staleTitle ??= readVideoTitle(document);
    this.seenVideoId = videoId;
    if (!this.enabled) return; // switched off on the options page
    this.videoId = videoId;
    const navigation = this.navigation;

    // The background knows the catalogue: a catalogue talk is recognised by its id alone.
    const [stored, known] = await Promise.all([browser.storage.local.get(COLLAPSED_KEY), this.askPanel(videoId)]);
    if (navigation !== this.navigation) return;
    this.collapsed = stored[COLLAPSED_KEY] === true;
    if (known) {
      this.staleTitle = undefined; // decided by the id; the title does not matter
      this.content = known;
      // The answer says the star when the favourites could be read with it; otherwise they are asked.
      if (known.kind === 'talk' && known.starred !== undefined)
        this.settleStar(++this.starAsked, known.talk.id, known.starred, undefined);
      else await this.refreshStar();
      if (known.kind === 'talk' && known.relatedPending) void this.completeRelated(navigation, videoId);
    } else {
      this.judgeTitle(videoId);
      // YouTube may take a while to replace the previous title; past this, judge whatever it shows.
      this.timers.timeout(() => {
        if (navigation !== this.navigation) return;
        this.staleTitle = undefined;
        this.judgeTitle(videoId);
      }, TITLE_WAIT_MS);
    }
    this.watchPage(navigation, videoId, !known);
    await this.show(navigation);
  }

  /** Puts the panel on the page for the current content; the shadow-root UI is made the first time only. */
  private async show(navigation: number): Promise<void> {
    if (!this.content) return;
    this.uiReady ??= this.createUi(); // one UI for the page's life, however many callers race to make it
    this.ui = await this.uiReady;
    if (navigation === this.navigation) this.place();
  }

  /**
   * For a video outside the catalogue: shows the talks its title is plainly about, or nothing. Judged again
   * whenever the title changes, but never on the previous video's title, which YouTube shows for a moment.
   */
  private judgeTitle(videoId: string): void {
    const rendered = readRenderedVideoId(document);
    if (rendered !== undefined && rendered !== videoId) return;
    const title = readVideoTitle(document);
    if (!title || title === this.staleTitle || title === this.judgedTitle) return;
    this.staleTitle = undefined;
    this.judgedTitle = title;
    const navigation = this.navigation;
    void this.askPanel(videoId, title).then((content) => {
      if (navigation !== this.navigation || this.judgedTitle !== title) return; // overtaken by a newer title
      this.content = content;
      if (!content) this.ui?.remove();
      else if (this.ui?.shadowHost.isConnected) this.render(this.ui.uiContainer);
      else void this.show(navigation);
    });
  }

  /** The talk was shown before its related talks were known: asks for them, and shows them (or none) when they come. */
  private async completeRelated(navigation: number, videoId: string): Promise<void> {
    const whole = await this.askPanel(videoId, undefined, true);
    if (navigation !== this.navigation || this.content?.kind !== 'talk') return;
    this.content = whole?.kind === 'talk' ? whole : { ...this.content, relatedPending: false };
    this.rerender();
  }

  /** The panel the background works out for this video (and title); none when it cannot be asked. */
  private async askPanel(videoId: string, title?: string, waitForRelated = false): Promise<PanelContent | undefined> {
    try {
      return (
        (await askBackground({
          type: 'panel/for-video',
          videoId,
          ...(title ? { title } : {}),
          ...(waitForRelated ? { waitForRelated } : {}),
        })) ?? undefined
      );
    } catch (error) {
      // The extension was reloaded or updated under this page: stay quiet on the page, say why in the console.
      console.warn('Talkmark: no panel for this video, the background did not answer', error);
      return undefined;
    }
  }

  /** Reads the current talk's star from the favourites, as on showing it and whenever any view changes one. */
  private async refreshStar(): Promise<void> {
    const talk = this.content?.kind === 'talk' ? this.content.talk : undefined;
    if (!talk) return;
    const number = ++this.starAsked;
    let starred = this.starred;
    let error: string | undefined;
    try {
      starred = await favouritesClient.has(talk.id);
    } catch (caught) {
      error = messageOf(caught);
    }
    this.settleStar(number, talk.id, starred, error);
  }

  /**
   * Applies an answer about a talk's star, unless the page has moved on to another talk meanwhile or a newer
   * question about the star has been asked (its answer will settle it).
   */
  private settleStar(number: number, talkId: string, starred: boolean, error: string | undefined): void {
    if (number !== this.starAsked) return;
    if (this.content?.kind !== 'talk' || this.content.talk.id !== talkId) return;
    this.starred = starred;
    this.favouritesError = error;
    this.rerender();
  }

  private async toggleStar(starred: boolean): Promise<void> {
    const talk = this.content?.kind === 'talk' ? this.content.talk : undefined;
    if (!talk) return;
    this.starred = starred; // show it at once; the background's answer settles it
    this.rerender();
    const number = ++this.starAsked;
    try {
      const favourites = await favouritesClient.set(talk.id, starred);
      this.settleStar(
        number,
        talk.id,
        favourites.some((favourite) => favourite.talkId === talk.id),
        undefined,
      );
    } catch (caught) {
      // No answer is not a refusal (the worker may have stopped after the write committed): show what is stored,
      // with an error only if even that cannot be read.
      console.warn('Talkmark: starring from the panel got no answer; reading the favourites again', caught);
      await this.refreshStar();
    }
  }

  private rerender(): void {
    if (this.ui?.shadowHost.isConnected) this.render(this.ui.uiContainer);
  }

  /**
   * One observer per navigation, checked at most once a frame (YouTube mutates its page often): keeps the
   * panel in the best place as YouTube renders its column late or re-renders it, and follows the title.
   */
  private watchPage(navigation: number, videoId: string, followTitle: boolean): void {
    let scheduled = false;
    this.watcher = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      this.timers.frame(() => {
        scheduled = false;
        if (navigation !== this.navigation) return;
        if (followTitle) this.judgeTitle(videoId);
        this.place();
      });
    });
    this.watcher.observe(document.querySelector(YOUTUBE_SELECTORS.watchFlexy) ?? document.body, {
      // The mobile site has no flexy: its whole app, with the title and the related videos, is watched.
      childList: true,
      subtree: true,
      characterData: followTitle,
      attributeFilter: ['video-id'],
    });
    const head = document.querySelector('title');
    if (followTitle && head) this.watcher.observe(head, { childList: true, characterData: true, subtree: true });
  }

  private createUi() {
    return createShadowRootUi<HTMLElement>(this.ctx, {
      name: 'talkmark-panel',
      position: 'inline',
      anchor: () => findPanelAnchor(document)?.element,
      append: (_anchor, host) => {
        const anchor = findPanelAnchor(document);
        if (!anchor) return;
        host.setAttribute('data-place', anchor.place);
        insertAtAnchor(host, anchor);
      },
      // WXT hands onRemove what onMount returned; Preact must unmount from that container before WXT empties
      // it, or the next render patches nodes that are gone.
      onMount: (container) => {
        this.render(container);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
  }

  /** Mounts the panel at the best anchor, or moves it there; does nothing when it is already in place. */
  private place(): void {
    const { ui } = this;
    if (!ui || !this.content) return;
    const anchor = findPanelAnchor(document);
    if (!anchor || isAtAnchor(ui.shadowHost, anchor)) return;
    ui.remove();
    ui.mount();
  }

  private render(container: HTMLElement): void {
    if (!this.content) return;
    const host =
      container.getRootNode() instanceof ShadowRoot ? (container.getRootNode() as ShadowRoot).host : undefined;
    host?.setAttribute('data-theme', readPageTheme(document));
    render(
      <Panel
        content={this.content}
        favourite={this.favourite()}
        collapsed={this.collapsed}
        onCollapsedChange={(collapsed) => this.setCollapsed(collapsed, true)}
        onSeek={(seconds) => seekPlayer(document, seconds)}
      />,
      container,
    );
  }

  private favourite(): PanelFavourite {
    return {
      starred: this.starred,
      error: this.favouritesError,
      onToggle: (starred) => void this.toggleStar(starred),
    };
  }

  private setCollapsed(collapsed: boolean, remember: boolean): void {
    this.collapsed = collapsed;
    if (remember) {
      void browser.storage.local
        .set({ [COLLAPSED_KEY]: collapsed })
        .catch((error: unknown) => console.warn('Talkmark: the panel’s collapsed state was not saved', error));
    }
    this.rerender();
  }
}
