import type { TalkCard } from '../../data';
import type { Message } from '../i18n';
import { type RankedTalk, rankRelatedByPosition, type SimilarTalk } from './ranking';
import { relatedReasons } from './reasons';
import type { RelatedNeighbours } from './related-index';
import { namedInTitle, rankTitleCandidates, titleCandidates } from './title-about';

// How many talks the search proposes as similar, for the ranking to weigh among the ones sharing speakers or topics.
export const SIMILAR_CANDIDATES = 50;

/**
 * What ranking a large catalogue by position reads: the whole catalogue in memory (`memoryRankingSource`) or a
 * woken worker's stored indexes (`openStoredRelated`). One algorithm over either, so both give the same list.
 */
export interface RankingSource {
  /** Every talk's speakers, topics, event and title, as numbers by position. */
  neighbours: RelatedNeighbours;
  /** The talks the search finds closest to `text`, by position (at most `SIMILAR_CANDIDATES`). */
  similarTo(text: string): Promise<SimilarTalk[]>;
  /** The cards of the talks at these positions (undefined where one is missing). */
  cards(positions: readonly number[]): Promise<Array<TalkCard | undefined>>;
}

/** A related talk as the panel lists it: its card, and why. */
export interface RelatedCard {
  card: TalkCard;
  reasons: Message[];
}

/** Why a talk ranked by position is related, naming the shared speakers as the talk on screen names them. */
export function reasonsOfRanked(
  ranked: RankedTalk,
  speakers: TalkCard['speakers'],
  neighbours: RelatedNeighbours,
): Message[] {
  const names = ranked.sharedSpeakers.flatMap((id) => speakers.find((speaker) => speaker.id === id)?.name ?? []);
  return relatedReasons(
    names,
    ranked.sharedTopics.map((slug) => neighbours.topicName(slug)),
  );
}

/** The talks most related to the one at `position` (whose card is `card`), best first. */
export async function relatedAtPosition(
  source: RankingSource,
  position: number,
  card: TalkCard,
): Promise<RelatedCard[]> {
  const similar = await source.similarTo(card.title);
  const ranked = rankRelatedByPosition(position, source.neighbours, similar);
  const cards = await source.cards(ranked.map((related) => related.position));
  return ranked.flatMap((related, i) => {
    const other = cards[i];
    return other ? [{ card: other, reasons: reasonsOfRanked(related, card.speakers, source.neighbours) }] : [];
  });
}

/** The talks a video title is plainly about, best first; an empty list when it names no speaker or subject. */
export async function aboutTitleAtScale(source: RankingSource, title: string): Promise<RelatedCard[]> {
  const { neighbours } = source;
  const named = namedInTitle(title, neighbours);
  if (!named) return [];
  const candidates = titleCandidates(named, neighbours, await source.similarTo(title));
  const cards = await source.cards(candidates);
  const cardAt = new Map(candidates.map((position, i) => [position, cards[i]]));
  return rankTitleCandidates(title, named, neighbours, candidates, (position) => cardAt.get(position)).flatMap(
    ({ position, reasons }) => {
      const card = cardAt.get(position);
      return card ? [{ card, reasons }] : [];
    },
  );
}
