import { browser, type ContentScriptContext } from '#imports';
import { askBackground, favouritesClient, watchStorageKey } from '../../utils/messaging';
import type { PanelContent } from '../../utils/panel';
import { loadSettings, onSettingsChange } from '../../utils/settings';
import {
  PageTimers,
  parseYouTubeVideoId,
  readRenderedVideoId,
  readVideoTitle,
  seekPlayer,
  YOUTUBE_SELECTORS,
} from '../../utils/youtube';
import { PanelMount } from './mount';
import { Panel, type PanelFavourite } from './Panel';
import { PanelProgress } from './progress';
import { PanelStar } from './star';

const COLLAPSED_KEY = 'panel-collapsed';
/** How long to wait for YouTube to replace the previous video's title before deciding on what is there. */
const TITLE_WAIT_MS = 3000;

/**
 * Shows the right panel for the video being watched, or none, across YouTube's in-page navigations: cleared
 * when a navigation starts, decided again when it finishes, re-attached if YouTube re-renders its column.
 */
export class PanelController {
  private content: PanelContent | undefined;
  private readonly star = new PanelStar(
    () => (this.content?.kind === 'talk' ? this.content.talk.id : undefined),
    () => this.mount.rerender(),
  );
  private readonly mount: PanelMount;
  private readonly progress: PanelProgress;
  /** The options page's switch; while off, the script only listens for it to come back on. */
  private enabled: boolean | undefined;
  private collapsed = false;
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

  constructor(private readonly ctx: ContentScriptContext) {
    this.timers = new PageTimers(ctx.signal);
    this.mount = new PanelMount(ctx, () => this.view());
    this.progress = new PanelProgress(ctx.signal, () => this.mount.rerender());
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
    ctx.onInvalidated(favouritesClient.onChange(() => void this.star.refresh()));
    // YouTube switches theme in place (an attribute on <html>): the panel follows without a navigation.
    const themeWatcher = new MutationObserver(() => this.mount.rerender());
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
    this.progress.clear(); // saves where the talk was, then forgets it
    this.videoId = undefined;
    this.content = undefined;
    this.judgedTitle = undefined;
    this.watcher?.disconnect();
    this.watcher = undefined;
    this.mount.remove();
  }

  private async update(): Promise<void> {
    const videoId = parseYouTubeVideoId(location.href);
    if (videoId === this.videoId) return; // the same navigation reported twice (YouTube's event and WXT's)
    this.clear();
    if (!videoId) return; // not a watch page: nothing to do
    // Without YouTube's start event (WXT saw the URL change), the heading may still be the previous video's.
    if (this.seenVideoId && this.seenVideoId !== videoId) this.staleTitle ??= readVideoTitle(document);
    this.seenVideoId = videoId;
    // Switched off on the options page, or not known yet: an early navigation must not show a panel that the
    // settings, read a moment later, say is off (the update they trigger would see the same video and stop).
    if (this.enabled !== true) return;
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
      if (known.kind === 'talk' && known.starred !== undefined) this.star.known(known.talk.id, known.starred);
      else {
        await this.star.refresh();
        // A navigation while the star was read: its own update watches its page; this one must not.
        if (navigation !== this.navigation) return;
      }
      // A catalogue talk's page plays the talk: its video is followed (from the talk's start in a longer video).
      if (known.kind === 'talk')
        this.progress.start({ id: known.talk.id, videoId, startSeconds: known.talk.startSeconds ?? 0 }, known.watch);
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
    await this.mount.show(() => navigation === this.navigation);
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
      if (!content) this.mount.remove();
      else if (this.mount.isShown) this.mount.rerender();
      else void this.mount.show(() => navigation === this.navigation);
    });
  }

  /** The talk was shown before its related talks were known: asks for them, and shows them (or none) when they come. */
  private async completeRelated(navigation: number, videoId: string): Promise<void> {
    const whole = await this.askPanel(videoId, undefined, true);
    if (navigation !== this.navigation || this.content?.kind !== 'talk') return;
    this.content = whole?.kind === 'talk' ? whole : { ...this.content, relatedPending: false };
    this.mount.rerender();
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
        this.mount.place();
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

  /** The panel for the current content, as its mount draws it. */
  private view() {
    if (!this.content) return undefined;
    return (
      <Panel
        content={this.content}
        favourite={this.favourite()}
        collapsed={this.collapsed}
        onCollapsedChange={(collapsed) => this.setCollapsed(collapsed, true)}
        onSeek={(seconds) => seekPlayer(document, seconds)}
        progress={{
          state: this.progress.state,
          problem: this.progress.problem,
          onMark: (watched) => void this.progress.mark(watched),
        }}
      />
    );
  }

  private favourite(): PanelFavourite {
    return {
      starred: this.star.starred,
      error: this.star.error,
      refusal: this.star.refusal,
      onToggle: (starred) => void this.star.toggle(starred),
    };
  }

  private setCollapsed(collapsed: boolean, remember: boolean): void {
    this.collapsed = collapsed;
    if (remember) {
      void browser.storage.local
        .set({ [COLLAPSED_KEY]: collapsed })
        .catch((error: unknown) => console.warn('Talkmark: the panel’s collapsed state was not saved', error));
    }
    this.mount.rerender();
  }
}
