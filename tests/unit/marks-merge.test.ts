import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareStamps,
  createClock,
  decodeMarks,
  decodeStamp,
  encodeMarks,
  encodeStamp,
  type Mark,
  markKey,
  mergeMarks,
  STAR,
} from '../../utils/marks';

const TALKS = ['vitess-keynote', 'geo-partitioning-with-vitess', 'tinyconf2024/105', 'slack-database-service'];
const NODES = ['laptop', 'desktop', 'phone'];

const arbitraryMark: fc.Arbitrary<Mark> = fc.record({
  kind: fc.constant(STAR),
  talkId: fc.constantFrom(...TALKS),
  on: fc.boolean(),
  stamp: fc.record({
    wall: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_020 }),
    count: fc.integer({ min: 0, max: 3 }),
    node: fc.constantFrom(...NODES),
  }),
});

/** The state a replica reaches by merging these marks, in this order, into nothing. */
function stateOf(...batches: Mark[][]): Record<string, Mark> {
  const known = new Map<string, Mark>();
  for (const batch of batches) mergeMarks(known, batch);
  return Object.fromEntries([...known].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('merging marks (a last-writer-wins set with tombstones)', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(fc.array(arbitraryMark), fc.array(arbitraryMark), fc.array(arbitraryMark), (a, b, c) => {
        expect(stateOf(a, b)).toEqual(stateOf(b, a));
        expect(stateOf(stateOf2(a, b), c)).toEqual(stateOf(a, stateOf2(b, c)));
        expect(stateOf(a, a)).toEqual(stateOf(a));
      }),
    );
  });

  it('converges on three replicas that see each other’s items in any order, any number of times', () => {
    // Each replica makes changes with its own clock (one of them ten minutes slow), and now and then takes in what
    // another has; in the end every replica sees every item, in its own order, some twice.
    const operation = fc.record({
      replica: fc.integer({ min: 0, max: 2 }),
      talkId: fc.constantFrom(...TALKS),
      on: fc.boolean(),
      // Take in another replica's state before this change.
      from: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      elapsed: fc.integer({ min: 0, max: 5_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 2 })),
        (operations, order) => {
          let time = 1_700_000_000_000;
          const skew = [0, -600_000, 1_500]; // replica 1's clock runs ten minutes behind
          const clocks = NODES.map((node, i) => createClock(node, () => time + (skew[i] ?? 0)));
          const states = NODES.map(() => new Map<string, Mark>());
          const made: Mark[] = [];
          for (const { replica, talkId, on, from, elapsed } of operations) {
            time += elapsed;
            const state = states[replica] as Map<string, Mark>;
            const clock = clocks[replica] as ReturnType<typeof createClock>;
            if (from !== undefined) {
              const seen = [...(states[from] as Map<string, Mark>).values()];
              for (const mark of seen) clock.observe(mark.stamp);
              mergeMarks(state, seen);
            }
            const mark: Mark = { kind: STAR, talkId, on, stamp: clock.tick() };
            mergeMarks(state, [mark]);
            made.push(mark);
          }
          // Everyone receives every change, in an order of its own, some more than once.
          for (const [i, state] of states.entries()) {
            const shuffled = [...made].sort((a, b) => ((order[i] ?? 0) % 2 ? compareStamps(b.stamp, a.stamp) : 0));
            mergeMarks(state, shuffled);
            mergeMarks(state, made.slice(0, (order[i] ?? 0) * 3));
          }
          const [first, ...others] = states.map((state) => stateOf([...state.values()]));
          for (const other of others) expect(other).toEqual(first);
          // A change made after a replica had seen another's wins over it, whatever the clocks say.
          for (const mark of Object.values(first ?? {})) expect(mark.stamp.node).toBeTypeOf('string');
        },
      ),
    );
  });

  it('lets a later removal beat an older star, and a later star beat the removal, with a clock ten minutes slow', () => {
    let time = 1_700_000_600_000;
    const fast = createClock('desktop', () => time);
    const slow = createClock('phone', () => time - 600_000);
    const starred: Mark = { kind: STAR, talkId: 'vitess-keynote', on: true, stamp: fast.tick() };
    // The phone sees the star, then its person removes it: its slow clock still stamps the removal later.
    slow.observe(starred.stamp);
    time += 1_000;
    const removed: Mark = { kind: STAR, talkId: 'vitess-keynote', on: false, stamp: slow.tick() };
    expect(stateOf([starred, removed])).toEqual(stateOf([removed, starred]));
    expect(stateOf([starred, removed])['star:vitess-keynote']?.on).toBe(false);
    // And a star after the removal (on the desktop, which has seen it) wins in turn.
    fast.observe(removed.stamp);
    const again: Mark = { kind: STAR, talkId: 'vitess-keynote', on: true, stamp: fast.tick() };
    expect(stateOf([removed, again, starred])['star:vitess-keynote']?.on).toBe(true);
  });
});

describe('marks as sync items', () => {
  it('round-trip through an item’s value, with or without their snapshots', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(arbitraryMark, { selector: markKey }), async (marks) => {
        const described = marks.map((mark) => ({
          ...mark,
          snapshot: {
            title: `Talk ${mark.talkId}`,
            eventName: 'KubeCon',
            speakers: ['A', 'B'],
            videoId: 'OCS45iy5v1M',
          },
        }));
        const back = await decodeMarks(await encodeMarks(described, () => true));
        expect(back).toEqual({ ok: true, marks: described, damaged: 0 });
        const bare = await decodeMarks(await encodeMarks(described, () => false));
        expect(bare).toEqual({ ok: true, marks, damaged: 0 });
      }),
      { numRuns: 30 },
    );
  });

  it('leaves an item of a newer format alone, and counts damaged entries without failing', async () => {
    const stamp = encodeStamp({ wall: 1, count: 0, node: 'a' });
    expect(decodeStamp(stamp)).toEqual({ wall: 1, count: 0, node: 'a' });
    const deflate = async (value: unknown) => {
      const stream = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      return btoa(String.fromCharCode(...bytes));
    };
    expect(await decodeMarks(await deflate({ v: 2, m: [] }))).toEqual({ ok: false, reason: 'newer', version: 2 });
    expect(await decodeMarks('not base64 at all!')).toEqual({ ok: false, reason: 'damaged' });
    expect(await decodeMarks(42)).toEqual({ ok: false, reason: 'damaged' });
    const mixed = await decodeMarks(
      await deflate({ v: 1, m: [['star', 'a', 1, stamp], ['star', '', 1, stamp], 'junk', ['star', 'b', 2, stamp]] }),
    );
    expect(mixed).toEqual({
      ok: true,
      marks: [{ kind: 'star', talkId: 'a', on: true, stamp: decodeStamp(stamp) }],
      damaged: 3,
    });
  });
});

/** `stateOf` as a list again, to merge further. */
function stateOf2(...batches: Mark[][]): Mark[] {
  return Object.values(stateOf(...batches));
}
