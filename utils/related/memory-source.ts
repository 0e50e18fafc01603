import { type Catalogue, type Talk, talkCard } from '../../data';
import type { TalkSearch } from '../search';
import { type RankingSource, SIMILAR_CANDIDATES } from './at-scale';
import { RelatedNeighbours, relatedIndexOf } from './related-index';

interface Positions {
  neighbours: RelatedNeighbours;
  /** The talks in file order: talk p is at position p, as the stored indexes number them. */
  talks: Talk[];
  positionOf: Map<string, number>;
}
// A catalogue never changes once built: its positions are worked out once.
const positionsCache = new WeakMap<Catalogue, Positions>();

function positionsOf(from: Catalogue): Positions {
  let found = positionsCache.get(from);
  if (!found) {
    const talks = from.files.flatMap((file) => file.talks);
    const positionOf = new Map<string, number>();
    talks.forEach((talk, p) => {
      if (!positionOf.has(talk.id)) positionOf.set(talk.id, p);
    });
    found = {
      neighbours: new RelatedNeighbours(from.files.map((file) => relatedIndexOf(file))),
      talks,
      positionOf,
    };
    positionsCache.set(from, found);
  }
  return found;
}

/** The whole catalogue, held in memory, as a ranking source. */
export function memoryRankingSource(
  from: Catalogue,
  search: TalkSearch,
): RankingSource & { positionOf(talk: Talk): number | undefined } {
  const { neighbours, talks, positionOf } = positionsOf(from);
  return {
    neighbours,
    positionOf: (talk) => positionOf.get(talk.id),
    similarTo: async (text) =>
      search.similarTo(text, SIMILAR_CANDIDATES).flatMap((hit) => {
        const at = positionOf.get(hit.id);
        return at === undefined ? [] : [{ position: at, score: hit.score }];
      }),
    cards: async (positions) =>
      positions.map((position) => {
        const talk = talks[position];
        return talk && talkCard(talk, from);
      }),
  };
}
