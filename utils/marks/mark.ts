import type { TalkSnapshot } from '../../data';
import { compareStamps, type Stamp } from './clock';

/**
 * One mark a person made on a talk, as every device keeps it and as sync carries it. Stars are the first kind;
 * another (watch progress) is a new `kind` with its own `value`, in the same record and the same format.
 */
export interface Mark {
  kind: string;
  talkId: string;
  /** Set, or cleared. A cleared mark is kept (a tombstone), so that a removal wins over every older set. */
  on: boolean;
  stamp: Stamp;
  snapshot?: TalkSnapshot;
  /** A kind's own data (for stars, none). */
  value?: unknown;
}

export const STAR = 'star';

/** The one key of a mark of `kind` on a talk: two marks with one key are versions of the same mark. */
export const markKey = (mark: Pick<Mark, 'kind' | 'talkId'>) => `${mark.kind}:${mark.talkId}`;

/**
 * Which of two versions of a mark wins: the later stamp (last writer wins). Equal stamps (one change seen twice)
 * are equal marks; should they ever differ, the larger text wins, so that every device picks the same one.
 */
export function winner(a: Mark, b: Mark): Mark {
  const order = compareStamps(a.stamp, b.stamp);
  if (order !== 0) return order > 0 ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

/**
 * `incoming` merged into `known`: a last-writer-wins set with tombstones, a CRDT. The result does not depend on
 * the order the marks arrive in, nor on how often each does (commutative, associative, idempotent). Returns the
 * marks that changed here.
 */
export function mergeMarks(known: Map<string, Mark>, incoming: Iterable<Mark>): Mark[] {
  const changed = new Map<string, Mark>();
  for (const mark of incoming) {
    const key = markKey(mark);
    const current = known.get(key);
    const best = current ? winner(current, mark) : mark;
    if (best !== current) {
      known.set(key, best);
      changed.set(key, best);
    }
  }
  return [...changed.values()];
}
