import { type Catalogue, type Speaker, speakersOf, topicNameIn } from '../../data';
import type { Message } from '../i18n';
import { MAX_NAME_WORDS, phrasesOf, tokenize } from '../text';
import { onceEach, type RelatedTalk, type SimilarTalk } from './ranking';
import { aboutReasons } from './reasons';
import type { RelatedNeighbours } from './related-index';
import { contentWords, overlap, stem, topicWeight, topicWeights } from './subjects';

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
  const match = titleMatcher(
    title,
    (topic) => weights.get(topic) ?? 0,
    (slug) => topicNameIn(slug, from.events.values()),
  );
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
function titleMatcher(title: string, topicWeight: (topic: string) => number, topicName: (slug: string) => string) {
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
      topics.map(topicName),
      sharedWords,
      organisations,
    );
    return { score, reasons };
  };
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
  const match = titleMatcher(title, weightOf, (slug) => neighbours.topicName(slug));
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
