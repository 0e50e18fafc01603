import { type Catalogue, speakersOf, type Talk, topicNameIn } from '../../data';
import type { Message } from '../i18n';
import { relatedReasons } from './reasons';
import { type RelatedNeighbours, titleKey } from './related-index';
import { contentWords, MAX_TALKS_PER_TOPIC, overlap, topicWeight, topicWeights } from './subjects';

export interface RelatedTalk {
  talk: Talk;
  score: number;
  /** Why it is related, strongest first: "Also by Sugu Sougoumarane", "Also about gdpr". */
  reasons: Message[];
}

/**
 * The talks most related to `talk`, every talk of a small catalogue weighed, best first, never `talk` itself:
 * shared speakers weigh most, then shared topics (rarer ones more), then words shared by titles and summaries.
 */
export function rankRelatedTalks(talk: Talk, from: Catalogue, limit = 5): RelatedTalk[] {
  const weights = topicWeights(from);
  const words = contentWords(`${talk.title} ${talk.summary ?? ''}`);
  const speakers = new Set(talk.speakerIds);
  const topics = new Set(talk.topics);

  const ranked = from.talks
    .filter((other) => other.id !== talk.id)
    .map((other) => {
      const sharedSpeakers = speakersOf(other, from).filter((speaker) => speakers.has(speaker.id));
      const sharedTopics = overlap(new Set(other.topics), topics).sort(
        (a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0),
      );
      const otherWords = contentWords(`${other.title} ${other.summary ?? ''}`);
      const sharedWords = overlap(otherWords, words);
      const similarity = sharedWords.length / Math.sqrt(Math.max(1, otherWords.size * words.size));
      const score =
        3 * sharedSpeakers.length +
        sharedTopics.reduce((sum, topic) => sum + (weights.get(topic) ?? 0), 0) +
        4 * similarity;
      return {
        talk: other,
        score,
        reasons: relatedReasons(
          sharedSpeakers.map((s) => s.name),
          sharedTopics.map((slug) => topicNameIn(slug, from.events.values())),
        ),
      };
    })
    .filter((related) => related.score > 0)
    .sort((a, b) => b.score - a.score);
  return withAnotherEvent(
    onceEach(ranked, titleKey(talk.title), (related) => titleKey(related.talk.title)),
    limit,
    (related) => related.talk.eventId,
  );
}

/**
 * The same talk twice (in two catalogues, or the talk on screen again) says nothing new: each title is kept at
 * its best place only, and the talk's own title not at all.
 */
export function onceEach<T>(ranked: readonly T[], ownTitle: number, titleOf: (related: T) => number): T[] {
  const titles = new Set([ownTitle]);
  return ranked.filter((related) => {
    const title = titleOf(related);
    if (titles.has(title)) return false;
    titles.add(title);
    return true;
  });
}

/**
 * The first `limit`, but when they all come from one conference and another conference has a related talk too,
 * its best one takes the last place: with several catalogues, the panel is where people find the others.
 */
function withAnotherEvent<T>(ranked: T[], limit: number, eventOf: (related: T) => string): T[] {
  const top = ranked.slice(0, limit);
  const eventId = top[0] && eventOf(top[0]);
  if (top.length < 2 || top.some((related) => eventOf(related) !== eventId)) return top;
  const other = ranked.slice(limit).find((related) => eventOf(related) !== eventId);
  return other ? [...top.slice(0, -1), other] : top;
}

/** A talk the search finds similar to another: its position (as `RelatedNeighbours` numbers talks) and score. */
export interface SimilarTalk {
  position: number;
  score: number;
}

/** A related talk by position, with what it shares with the talk on screen (speaker ids, topics weightiest first). */
export interface RankedTalk {
  position: number;
  score: number;
  sharedSpeakers: string[];
  sharedTopics: string[];
}

/**
 * The talks most related to the one at `position`, in a catalogue too large to weigh every talk, from numbers
 * alone: no other talk's text is read, so a woken service worker ranks from its stored related indexes and a few
 * search postings what a worker holding the whole catalogue ranks, and both give the same list. Shared speakers
 * weigh most, then shared topics (rarer ones more), then how similar the search finds the talk (its score for the
 * talk's title, against the talk's own). Candidates share a speaker, are among the first talks of a shared topic,
 * or are found similar; equal scores go to the earlier talk. A title already listed, or the talk's own, is not
 * listed again.
 */
export function rankRelatedByPosition(
  position: number,
  neighbours: RelatedNeighbours,
  similar: readonly SimilarTalk[],
  limit = 5,
): RankedTalk[] {
  const speakers = new Set(neighbours.speakersAt(position));
  const topics = neighbours.topicsAt(position);
  const candidates = new Set<number>();
  for (const id of speakers) for (const other of neighbours.withSpeaker(id)) candidates.add(other);
  const weights = new Map<string, number>();
  for (const topic of topics) {
    const { positions, count } = neighbours.withTopic(topic, MAX_TALKS_PER_TOPIC);
    weights.set(topic, topicWeight(neighbours.talkCount, count));
    for (const other of positions) candidates.add(other);
  }
  // The talk itself is usually the best match for its own title: its score is what "as similar as can be" means.
  const ownScore = similar.find((hit) => hit.position === position)?.score ?? similar[0]?.score ?? 0;
  const similarity = new Map(
    similar.map((hit) => [hit.position, ownScore > 0 ? Math.min(1, hit.score / ownScore) : 0]),
  );
  for (const hit of similar) candidates.add(hit.position);
  candidates.delete(position);

  const ranked = [...candidates]
    .map((other): RankedTalk => {
      const sharedSpeakers = neighbours.speakersAt(other).filter((id) => speakers.has(id));
      const sharedTopics = neighbours
        .topicsAt(other)
        .filter((topic) => weights.has(topic))
        .sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0));
      const score =
        3 * sharedSpeakers.length +
        sharedTopics.reduce((sum, topic) => sum + (weights.get(topic) ?? 0), 0) +
        4 * (similarity.get(other) ?? 0);
      return { position: other, score, sharedSpeakers, sharedTopics };
    })
    .filter((related) => related.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position);
  return withAnotherEvent(
    onceEach(ranked, neighbours.titleAt(position), (related) => neighbours.titleAt(related.position)),
    limit,
    (related) => neighbours.eventAt(related.position),
  );
}
