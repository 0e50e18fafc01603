// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageTimers } from '../../utils/youtube';

/** A content-script context whose abort listeners are counted, as they pile up on a YouTube tab. */
function countedContext() {
  const ctx = new ContentScriptContext('youtube');
  let listeners = 0;
  const add = ctx.signal.addEventListener.bind(ctx.signal);
  const remove = ctx.signal.removeEventListener.bind(ctx.signal);
  ctx.signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
    listeners++;
    add(...args);
  }) as AbortSignal['addEventListener'];
  ctx.signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => {
    listeners--;
    remove(...args);
  }) as AbortSignal['removeEventListener'];
  return { ctx, listeners: () => listeners };
}

describe('the content script’s timers', () => {
  it('WXT’s own leave an abort listener per call (why Talkmark does not use them)', () => {
    const { ctx, listeners } = countedContext();
    for (let navigation = 0; navigation < 200; navigation++) {
      ctx.requestAnimationFrame(() => {});
      ctx.setTimeout(() => {}, 3000);
    }
    expect(listeners()).toBe(400);
    ctx.abort();
  });

  it('stay at one listener over 200 navigations of frames and timeouts, each cancelled by the next', () => {
    const { ctx, listeners } = countedContext();
    const timers = new PageTimers(ctx.signal);
    for (let navigation = 0; navigation < 200; navigation++) {
      // What the panel does per navigation: a title timeout, and a frame per batch of page changes.
      timers.timeout(() => {}, 3000);
      for (let batch = 0; batch < 5; batch++) timers.frame(() => {});
      timers.cancelAll(); // the next navigation starts
    }
    expect(listeners()).toBe(1);
    expect(timers.pending).toBe(0);
    ctx.abort();
  });

  it('run what is due, forget it once run, and run nothing after the context ends', async () => {
    const { ctx } = countedContext();
    const timers = new PageTimers(ctx.signal);
    const ran: string[] = [];
    timers.timeout(() => ran.push('soon'), 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toEqual(['soon']);
    expect(timers.pending).toBe(0);
    timers.timeout(() => ran.push('late'), 10);
    timers.frame(() => ran.push('frame'));
    ctx.abort();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(ran).toEqual(['soon']);
    expect(timers.pending).toBe(0);
  });

  it('are the only timers the YouTube content script uses', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync('entrypoints/youtube.content/index.tsx', 'utf8');
    expect(source).not.toMatch(/ctx\.(setTimeout|setInterval|requestAnimationFrame|requestIdleCallback)\(/);
    expect(source).not.toMatch(/this\.ctx\.(setTimeout|setInterval|requestAnimationFrame|requestIdleCallback)\(/);
  });
});
