import { describe, expect, it, vi } from 'vitest';
import { createServedTalks, createWriteMarks, createWriteOrder, type SessionArea } from '../../utils/service';

/** A session storage area in memory, as `storage.session` behaves for the background (it outlives a worker). */
function memoryArea(): SessionArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    async get(keys) {
      const wanted = keys === null ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((key) => items.has(key)).map((key) => [key, items.get(key)]));
    },
    async set(values) {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
    async remove(keys) {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
  };
}

describe('the order of each view’s writes', () => {
  /** Applies a write as the background does: only when newer, remembered once it has committed. */
  const apply = async (order: ReturnType<typeof createWriteOrder>, view: string, seq: number, talk: string) => {
    if (!(await order.isNewer({ view, seq }, talk))) return false;
    await order.record({ view, seq }, talk);
    return true;
  };

  it('never lets a repeated or older write from a view undo a newer one, even after the worker restarts', async () => {
    const area = memoryArea();
    const order = createWriteOrder(area);
    expect(await apply(order, 'popup', 1, 'talk-a')).toBe(true);
    expect(await apply(order, 'popup', 2, 'talk-a')).toBe(true);
    // The first request, re-sent because its answer was late, arrives last: it must change nothing.
    expect(await apply(order, 'popup', 1, 'talk-a')).toBe(false);
    expect(await apply(order, 'popup', 2, 'talk-a')).toBe(false);
    // Another talk, or another view, has its own order.
    expect(await apply(order, 'popup', 1, 'talk-b')).toBe(true);
    expect(await apply(order, 'panel', 1, 'talk-a')).toBe(true);
    // A worker started after a stop knows what was applied.
    const restarted = createWriteOrder(area);
    expect(await apply(restarted, 'popup', 2, 'talk-a')).toBe(false);
    expect(await apply(restarted, 'popup', 3, 'talk-a')).toBe(true);
  });

  it('applies a write sent again after a stop before it committed', async () => {
    const order = createWriteOrder(memoryArea());
    // Checked, then the worker stopped before the write (and its record): the view sends it again.
    expect(await order.isNewer({ view: 'panel', seq: 4 }, 'talk-a')).toBe(true);
    expect(await apply(order, 'panel', 4, 'talk-a')).toBe(true);
  });

  it('forgets the oldest entries past its capacity', async () => {
    const order = createWriteOrder(memoryArea(), 3);
    for (const talk of ['a', 'b', 'c', 'd']) await apply(order, 'v', 5, talk);
    expect(await apply(order, 'v', 5, 'a')).toBe(true);
    expect(await apply(order, 'v', 5, 'd')).toBe(false);
  });
});

describe('write marks', () => {
  it('keep the mark of a write still running when an overlapping one finishes, so a stop mid-write is announced', async () => {
    const area = memoryArea();
    const announce = vi.fn(async () => {});
    const marks = createWriteMarks(area, announce);
    let finishSecond: () => void = () => {};
    const first = marks.around(async () => {});
    // The second write commits, then the worker is stopped before its notice: its promise never settles.
    void marks.around(() => new Promise<void>((resolve) => (finishSecond = resolve)));
    await first;
    // The next worker finds the second write's mark and gives the notice.
    const next = createWriteMarks(area, announce);
    expect(await next.announceLeftovers()).toBe(true);
    expect(announce).toHaveBeenCalledTimes(1);
    expect(await next.announceLeftovers()).toBe(false);
    finishSecond();
  });

  it('leave nothing behind when every write finishes', async () => {
    const area = memoryArea();
    const marks = createWriteMarks(area, async () => {});
    await Promise.all([marks.around(async () => 1), marks.around(async () => 2)]);
    expect([...area.items.keys()]).toEqual([]);
  });
});

describe('the talks served to each tab', () => {
  it('lets a tab touch only the stars of talks whose panel it was given, across a worker restart', async () => {
    const area = memoryArea();
    const served = createServedTalks(area);
    await served.serve(7, 'vitess-keynote');
    expect(await served.wasServed(7, 'vitess-keynote')).toBe(true);
    expect(await served.wasServed(7, 'another-talk')).toBe(false);
    expect(await served.wasServed(8, 'vitess-keynote')).toBe(false);
    expect(await createServedTalks(area).wasServed(7, 'vitess-keynote')).toBe(true);
  });
});
