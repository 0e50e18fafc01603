import { browser, type ContentScriptContext, defineContentScript } from '#imports';
import { PanelController } from './controller';
import './style.css';

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
