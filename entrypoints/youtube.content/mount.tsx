import { type ComponentChild, render } from 'preact';
import { type ContentScriptContext, createShadowRootUi } from '#imports';
import { findPanelAnchor, insertAtAnchor, isAtAnchor, readPageTheme } from '../../utils/youtube';

type ShadowUi = Awaited<ReturnType<typeof createShadowRootUi<HTMLElement>>>;

/**
 * Where the panel lives on the page: one shadow-root UI for the page's life (style isolation from YouTube), put
 * at the best anchor and moved there again when YouTube re-renders its column.
 */
export class PanelMount {
  private ui: ShadowUi | undefined;
  private uiReady: Promise<ShadowUi> | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    /** What the panel shows now; undefined while there is nothing to show. */
    private readonly view: () => ComponentChild | undefined,
  ) {}

  /** Puts the panel on the page, making its UI the first time only; `stillWanted` is asked once it is made. */
  async show(stillWanted: () => boolean): Promise<void> {
    if (this.view() === undefined) return;
    this.uiReady ??= this.createUi(); // one UI for the page's life, however many callers race to make it
    this.ui = await this.uiReady;
    if (stillWanted()) this.place();
  }

  get isShown(): boolean {
    return this.ui?.shadowHost.isConnected === true;
  }

  /** Draws the panel again where it is (new content, star, theme); nothing when it is not on the page. */
  rerender(): void {
    if (this.ui?.shadowHost.isConnected) this.render(this.ui.uiContainer);
  }

  remove(): void {
    this.ui?.remove();
  }

  /** Mounts the panel at the best anchor, or moves it there; does nothing when it is already in place. */
  place(): void {
    const { ui } = this;
    if (!ui || this.view() === undefined) return;
    const anchor = findPanelAnchor(document);
    if (!anchor || isAtAnchor(ui.shadowHost, anchor)) return;
    ui.remove();
    ui.mount();
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

  private render(container: HTMLElement): void {
    const view = this.view();
    if (view === undefined) return;
    const root = container.getRootNode();
    if (root instanceof ShadowRoot) root.host.setAttribute('data-theme', readPageTheme(document));
    render(view, container);
  }
}
