import type { Catalogue } from '../../data';
import { tokenize } from '../text';

// Words that say nothing about a talk's subject.
const STOP_WORDS = new Set(
  'a an and are as at be by for from how in into is it its of on or our the their this to with you your we why what when who will can does do not than that these those'.split(
    ' ',
  ),
);

/** A rough stem, enough to let "migrate", "migrating" and "migration" meet when comparing subjects. */
export function stem(word: string): string {
  return word.length > 5 ? word.replace(/(ations?|ings?|ions?|ed|es|e|s)$/, '') : word;
}

export function contentWords(text: string): Set<string> {
  return new Set(
    tokenize(text)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map(stem),
  );
}

export function overlap<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): T[] {
  return [...a].filter((item) => b.has(item));
}

/**
 * Up to this many talks, every talk is weighed against the one on screen. Beyond it (imported conferences),
 * related talks are ranked by position (`rankRelatedByPosition`, `rankTitleCandidates`) among those that can
 * score: weighing 50,000 talks on every panel request took two seconds.
 */
export const WEIGH_ALL_UP_TO = 2_000;
/** A topic shared by thousands of talks says little; its talks are not all candidates. */
export const MAX_TALKS_PER_TOPIC = 500;

/** How much sharing a topic says: more the rarer it is among the catalogue's talks. Every ranking weighs by this. */
export function topicWeight(talkCount: number, talksAboutIt: number): number {
  return 0.1 + Math.log(talkCount / Math.max(1, talksAboutIt));
}

// A catalogue never changes once built, so its topic weights are worked out once, not on every panel request.
const topicWeightsCache = new WeakMap<Catalogue, Map<string, number>>();

/** How rare each topic is across the catalogue: sharing a rare topic says more than sharing a common one. */
export function topicWeights(from: Catalogue): Map<string, number> {
  let weights = topicWeightsCache.get(from);
  if (!weights) {
    const counts = new Map<string, number>();
    for (const talk of from.talks) for (const topic of talk.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    weights = new Map([...counts].map(([topic, count]) => [topic, topicWeight(from.talks.length, count)]));
    topicWeightsCache.set(from, weights);
  }
  return weights;
}
