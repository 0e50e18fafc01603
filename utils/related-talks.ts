import { type Catalogue, speakersOf } from '../data/catalogue';
import type { Speaker, Talk } from '../data/schema';
import type { Message } from './i18n';
import { type RelatedNeighbours, titleKey } from './related-index';
import { MAX_NAME_WORDS, phrasesOf, tokenize } from './words';

export interface RelatedTalk {
  talk: Talk;
  score: number;
  /** Why it is related, strongest first: "Also by Sugu Sougoumarane", "Also about gdpr". */
  reasons: Message[];
}

// Words that say nothing about a talk's subject.
const STOP_WORDS = new Set(
  'a an and are as at be by for from how in into is it its of on or our the their this to with you your we why what when who will can does do not than that these those'.split(
    ' ',
  ),
);

/** A rough stem, enough to let "migrate", "migrating" and "migration" meet when comparing subjects. */
function stem(word: string): string {
  return word.length > 5 ? word.replace(/(ations?|ings?|ions?|ed|es|e|s)$/, '') : word;
}

function contentWords(text: string): Set<string> {
  return new Set(
    tokenize(text)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map(stem),
  );
}

/** "A, B and C" in the runtime's language (the browser's, in the extension). */
function listOf(items: readonly string[]): string {
  return new Intl.ListFormat(undefined, { type: 'conjunction' }).format(items);
}

function overlap<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): T[] {
  return [...a].filter((item) => b.has(item));
}

/**
 * Up to this many talks, every talk is weighed against the one on screen. Beyond it (imported conferences),
 * related talks are ranked by position (`rankRelatedByPosition`, `rankTitleCandidates`) among those that can
 * score: weighing 50,000 talks on every panel request took two seconds.
 */
export const WEIGH_ALL_UP_TO = 2_000;
/** A topic shared by thousands of talks says little; its talks are not all candidates. */
const MAX_TALKS_PER_TOPIC = 500;

/** How much sharing a topic says: more the rarer it is among the catalogue's talks. Every ranking weighs by this. */
function topicWeight(talkCount: number, talksAboutIt: number): number {
  return 0.1 + Math.log(talkCount / Math.max(1, talksAboutIt));
}

// A catalogue never changes once built, so its topic weights are worked out once, not on every panel request.
const topicWeightsCache = new WeakMap<Catalogue, Map<string, number>>();

/** How rare each topic is across the catalogue: sharing a rare topic says more than sharing a common one. */
function topicWeights(from: Catalogue): Map<string, number> {
  let weights = topicWeightsCache.get(from);
  if (!weights) {
    const counts = new Map<string, number>();
    for (const talk of from.talks) for (const topic of talk.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    weights = new Map([...counts].map(([topic, count]) => [topic, topicWeight(from.talks.length, count)]));
    topicWeightsCache.set(from, weights);
  }
  return weights;
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
          sharedTopics,
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
function onceEach<T>(ranked: readonly T[], ownTitle: number, titleOf: (related: T) => number): T[] {
  const titles = new Set([ownTitle]);
  return ranked.filter((related) => {
    const title = titleOf(related);
    if (titles.has(title)) return false;
    titles.add(title);
    return true;
  });
}

/** Why a talk is related, as the panel says it: shared speakers (by name), then its two weightiest shared topics. */
export function relatedReasons(sharedSpeakerNames: readonly string[], sharedTopics: readonly string[]): Message[] {
  const reasons: Message[] = [
    ...(sharedSpeakerNames.length ? [['reason_also_by', listOf(sharedSpeakerNames)] as const] : []),
    ...(sharedTopics.length ? [['reason_also_about', listOf(sharedTopics.slice(0, 2))] as const] : []),
  ];
  return reasons.length ? reasons : [['reason_similar']];
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

/**
 * For a video that is not in the catalogue: the catalogue talks it is plainly about, judged by its title alone,
 * or an empty list when it is not plainly about any (the panel then stays hidden). Plainly about means the
 * title names one of the catalogue's subjects (e.g. Vitess) or one of its speakers in full.
 */
export function talksForVideoTitle(title: string, from: Catalogue, limit = 5): RelatedTalk[] {
  const titleWords = tokenize(title);
  const has = sayer(titleWords);
  const subjects = [...from.events.values()].flatMap((event) => event.subjects).filter(has);
  const speakersNamed = speakersNamedIn(titleWords, from);
  if (subjects.length === 0 && speakersNamed.length === 0) return [];

  const weights = topicWeights(from);
  const match = titleMatcher(title, (topic) => weights.get(topic) ?? 0);
  return from.talks
    .map((talk) => {
      const speakers = speakersOf(talk, from);
      return {
        talk,
        ...match(
          talk.title,
          speakers,
          speakersNamed.map((speaker) => speaker.id),
          talk.topics,
        ),
      };
    })
    .filter((related) => related.score > 0 && related.reasons.length > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * How plainly a talk is what a video title is about, and why: speakers it names weigh most, then the talk's
 * topics it says (rarer ones more), then other words of the talk's title, then its speakers' organisations.
 */
function titleMatcher(title: string, topicWeight: (topic: string) => number) {
  const has = sayer(tokenize(title));
  const titleContent = contentWords(title);
  return (
    talkTitle: string,
    speakers: ReadonlyArray<{ id: string; name: string; organisation?: string }>,
    named: readonly string[],
    talkTopics: readonly string[],
  ): { score: number; reasons: Message[] } => {
    const speaking = speakers.filter((speaker) => named.includes(speaker.id));
    const topics = talkTopics.filter((topic) => has(topic.replaceAll('-', ' ')) || titleContent.has(stem(topic)));
    const topicWords = new Set(topics.map(stem));
    const sharedWords = overlap(contentWords(talkTitle), titleContent).filter((word) => !topicWords.has(word));
    const organisations = [...new Set(speakers.flatMap((speaker) => speaker.organisation ?? []))].filter(has);
    const score =
      5 * speaking.length +
      topics.reduce((sum, topic) => sum + topicWeight(topic), 0) +
      1.5 * sharedWords.length +
      organisations.length;
    const reasons = aboutReasons(
      speaking.map((speaker) => speaker.name),
      topics,
      sharedWords,
      organisations,
    );
    return { score, reasons };
  };
}

/** Why a talk is plainly what a video is about: the speakers it names, its subjects, the organisations. */
function aboutReasons(
  speaking: readonly string[],
  topics: readonly string[],
  sharedWords: readonly string[],
  organisations: readonly string[],
): Message[] {
  return [
    ...(speaking.length ? [['reason_speaks', listOf(speaking)] as const] : []),
    ...(topics.length ? [['reason_about', listOf(topics.slice(0, 2))] as const] : []),
    ...(!speaking.length && !topics.length && sharedWords.length
      ? [['reason_about', listOf(sharedWords.slice(0, 2))] as const]
      : []),
    ...(organisations.length ? [['reason_from', listOf(organisations)] as const] : []),
  ];
}

const speakerNamesCache = new WeakMap<Catalogue, Map<string, Speaker[]>>();

/** The speakers a title names in full: its runs of words looked up among the names, not every name searched for. */
function speakersNamedIn(titleWords: readonly string[], from: Catalogue): Speaker[] {
  let byName = speakerNamesCache.get(from);
  if (!byName) {
    byName = new Map();
    for (const speaker of from.speakers.values()) {
      const name = tokenize(speaker.name).join(' ');
      if (!name) continue;
      byName.set(name, [...(byName.get(name) ?? []), speaker]);
    }
    speakerNamesCache.set(from, byName);
  }
  const named = new Set<Speaker>();
  for (const phrase of phrasesOf(titleWords, MAX_NAME_WORDS))
    for (const speaker of byName.get(phrase) ?? []) named.add(speaker);
  return [...named];
}

/** What a video title names of a large catalogue: speakers in full (ids), and events by their subjects. */
export interface NamedInTitle {
  speakers: string[];
  events: string[];
}

/** Whether a title says a phrase, word for word (normalised). */
function sayer(titleWords: readonly string[]): (phrase: string) => boolean {
  const titleText = ` ${titleWords.join(' ')} `;
  return (phrase) => {
    const words = tokenize(phrase);
    return words.length > 0 && titleText.includes(` ${words.join(' ')} `);
  };
}

/**
 * The speakers and events a video title names, in a catalogue too large to weigh every talk; undefined when it
 * names none, and the video is not plainly about any talk.
 */
export function namedInTitle(title: string, neighbours: RelatedNeighbours): NamedInTitle | undefined {
  const titleWords = tokenize(title);
  const speakers = neighbours.speakersNamed(new Set(phrasesOf(titleWords, MAX_NAME_WORDS)));
  const events = neighbours.eventsAbout(sayer(titleWords)).map((event) => event.id);
  return speakers.length > 0 || events.length > 0 ? { speakers, events } : undefined;
}

/** The talks that may be about the title: the named speakers', the named events', and those found similar. */
export function titleCandidates(
  named: NamedInTitle,
  neighbours: RelatedNeighbours,
  similar: readonly SimilarTalk[],
): number[] {
  return [
    ...new Set([
      ...named.speakers.flatMap((id) => neighbours.withSpeaker(id)),
      ...named.events.flatMap((id) => neighbours.withEvent(id)),
      ...similar.map((hit) => hit.position),
    ]),
  ].sort((a, b) => a - b);
}

/** What ranking needs of a candidate's card: its title, and its speakers with their organisations. */
export interface TitledTalk {
  title: string;
  speakers: ReadonlyArray<{ id: string; name: string; organisation?: string }>;
}

/**
 * `talksForVideoTitle` for a catalogue too large to weigh every talk, by position: each candidate's title and
 * speakers come from its card, the rest from numbers, so a woken worker (stored indexes) and one holding the
 * whole catalogue rank alike. Equal scores go to the earlier talk; a title is listed once.
 */
export function rankTitleCandidates(
  title: string,
  named: NamedInTitle,
  neighbours: RelatedNeighbours,
  candidates: readonly number[],
  talkAt: (position: number) => TitledTalk | undefined,
  limit = 5,
): Array<{ position: number; reasons: Message[] }> {
  const weights = new Map<string, number>();
  const weightOf = (topic: string) => {
    let weight = weights.get(topic);
    if (weight === undefined) {
      weight = topicWeight(neighbours.talkCount, neighbours.withTopic(topic, 0).count);
      weights.set(topic, weight);
    }
    return weight;
  };
  const match = titleMatcher(title, weightOf);
  const ranked = candidates
    .flatMap((position) => {
      const talk = talkAt(position);
      if (!talk) return [];
      const { score, reasons } = match(talk.title, talk.speakers, named.speakers, neighbours.topicsAt(position));
      return score > 0 && reasons.length > 0 ? [{ position, score, reasons }] : [];
    })
    .sort((a, b) => b.score - a.score || a.position - b.position);
  return onceEach(ranked, -1, (related) => neighbours.titleAt(related.position)).slice(0, limit);
}
