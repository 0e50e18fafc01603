/**
 * Frames and timeouts for a content script that stop when its context ends, with one abort listener in all.
 * WXT 0.21's `ctx.requestAnimationFrame` and `ctx.setTimeout` add an abort listener per call and never remove
 * it: a YouTube tab open for an hour gathered thousands.
 */
export class PageTimers {
  private readonly frames = new Set<number>();
  private readonly timeouts = new Set<ReturnType<typeof setTimeout>>();

  constructor(signal: AbortSignal) {
    signal.addEventListener('abort', () => this.cancelAll(), { once: true });
  }

  /** Runs `callback` before the next paint. */
  frame(callback: () => void): void {
    const id = requestAnimationFrame(() => {
      this.frames.delete(id);
      callback();
    });
    this.frames.add(id);
  }

  /** Runs `callback` after `ms`. */
  timeout(callback: () => void, ms: number): void {
    const id = setTimeout(() => {
      this.timeouts.delete(id);
      callback();
    }, ms);
    this.timeouts.add(id);
  }

  /** Cancels everything pending: the page moved on, or the script's context ended. */
  cancelAll(): void {
    for (const id of this.frames) cancelAnimationFrame(id);
    for (const id of this.timeouts) clearTimeout(id);
    this.frames.clear();
    this.timeouts.clear();
  }

  /** How many callbacks wait (for tests). */
  get pending(): number {
    return this.frames.size + this.timeouts.size;
  }
}
