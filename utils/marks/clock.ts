/**
 * A hybrid logical clock (Kulkarni et al., 2014): wall-clock milliseconds where they agree, a counter where they do
 * not. A device whose clock runs behind still stamps its next change after every change it has seen, so "last
 * writer wins" follows what people did in order, not what their clocks said.
 */
export interface Stamp {
  /** Milliseconds: the latest of this device's clock and every stamp it has seen. */
  wall: number;
  /** Orders changes within one millisecond of `wall`. */
  count: number;
  /** The device that made the change: breaks the last ties, so every device orders every pair alike. */
  node: string;
}

/** A total order: wall time, then counter, then device. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a.wall - b.wall || a.count - b.count || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
}

/** "wall.count.node" in base 36: short, and sorts as the stamps do within one length. */
export function encodeStamp({ wall, count, node }: Stamp): string {
  return `${wall.toString(36)}.${count.toString(36)}.${node}`;
}

/** A stamp read back from storage, or undefined when it is not one. */
export function decodeStamp(text: unknown): Stamp | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^([0-9a-z]{1,11})\.([0-9a-z]{1,6})\.([0-9A-Za-z_-]{1,24})$/.exec(text);
  if (!match) return undefined;
  const wall = Number.parseInt(match[1] as string, 36);
  const count = Number.parseInt(match[2] as string, 36);
  return Number.isSafeInteger(wall) && Number.isSafeInteger(count)
    ? { wall, count, node: match[3] as string }
    : undefined;
}

export interface Clock {
  /** A stamp for a change made here now: later than every stamp made or seen before. */
  tick(): Stamp;
  /** Takes in a stamp seen from another device, so that later local changes come after it. */
  observe(seen: Stamp): void;
  /** The latest stamp made or seen. */
  latest(): Stamp;
}

export function createClock(node: string, now: () => number = Date.now, start?: Stamp): Clock {
  let last: Stamp = start ?? { wall: 0, count: 0, node };
  return {
    tick() {
      const wall = Math.max(now(), last.wall);
      last = { wall, count: wall === last.wall ? last.count + 1 : 0, node };
      return last;
    },
    observe(seen) {
      if (compareStamps(seen, last) <= 0) return;
      last = { wall: seen.wall, count: seen.count, node };
    },
    latest: () => last,
  };
}
