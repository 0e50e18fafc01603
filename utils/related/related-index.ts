// Typed arrays are read within bounds fixed when the index was built (biome.json allows `!` in this file).
import { type EventFile, topicNameIn } from '../../data';
import { tokenize } from '../text';

/**
 * What ranking related talks needs of a catalogue besides its search: each talk's speakers, topics and event, as
 * numbers in document (file) order. Stored with each imported catalogue (about 2 MB at 50,000 talks), so a woken
 * service worker ranks a video's related talks from this and a few search postings, not from 50,000 talks.
 */
export interface RelatedIndex {
  /** The build stamp of the catalogue's search dictionary: both are written together, and read only together. */
  build: string;
  /** Distinct speaker ids, topics and event ids, numbered by first appearance. */
  speakers: string[];
  topics: string[];
  /** Each topic as people read it (the event's name for it). Absent from indexes stored before it was kept. */
  topicNames?: string[];
  events: string[];
  /** Each speaker's name as normalised words joined by spaces (as a title names them), '' when undescribed. */
  speakerNames: string[];
  /** Each event's subjects (the names that make a video plainly about its talks). */
  subjects: string[][];
  /** Talk d's speakers are `docSpeakers.slice(speakerStarts[d], speakerStarts[d + 1])`; topics likewise. */
  speakerStarts: Uint32Array;
  docSpeakers: Uint32Array;
  topicStarts: Uint32Array;
  docTopics: Uint32Array;
  docEvents: Uint32Array;
  /** Per talk, a hash of its title's words: the same talk in two catalogues (or twice in one) is listed once. */
  docTitles: Uint32Array;
}

/** A 32-bit FNV-1a hash of a title's words, so that case, accents and punctuation do not tell two titles apart. */
export function titleKey(title: string): number {
  let hash = 0x811c9dc5;
  const text = tokenize(title).join(' ');
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Numbers each distinct string by first appearance. */
function numbering(): { names: string[]; numberOf(name: string): number } {
  const names: string[] = [];
  const numbers = new Map<string, number>();
  return {
    names,
    numberOf(name) {
      let number = numbers.get(name);
      if (number === undefined) {
        number = names.push(name) - 1;
        numbers.set(name, number);
      }
      return number;
    },
  };
}

/** The related index of an event file's talks, in file order. */
export function relatedIndexOf(file: EventFile, build = ''): RelatedIndex {
  const { talks } = file;
  const speakers = numbering();
  const topics = numbering();
  const events = numbering();
  const speakerStarts = new Uint32Array(talks.length + 1);
  const topicStarts = new Uint32Array(talks.length + 1);
  const docSpeakers: number[] = [];
  const docTopics: number[] = [];
  const docEvents = new Uint32Array(talks.length);
  const docTitles = new Uint32Array(talks.length);
  talks.forEach((talk, d) => {
    docTitles[d] = titleKey(talk.title);
    // A talk naming a speaker or topic twice shares it once.
    for (const id of new Set(talk.speakerIds)) docSpeakers.push(speakers.numberOf(id));
    for (const topic of new Set(talk.topics)) docTopics.push(topics.numberOf(topic));
    speakerStarts[d + 1] = docSpeakers.length;
    topicStarts[d + 1] = docTopics.length;
    docEvents[d] = events.numberOf(talk.eventId);
  });
  // The first description of a speaker is the one the catalogue keeps.
  const names = new Map<string, string>();
  for (const speaker of file.speakers)
    if (!names.has(speaker.id)) names.set(speaker.id, tokenize(speaker.name).join(' '));
  return {
    build,
    speakers: speakers.names,
    topics: topics.names,
    topicNames: topics.names.map((slug) => topicNameIn(slug, [file.event])),
    events: events.names,
    speakerNames: speakers.names.map((id) => names.get(id) ?? ''),
    subjects: events.names.map((id) => (id === file.event.id ? [...file.event.subjects] : [])),
    speakerStarts,
    docSpeakers: Uint32Array.from(docSpeakers),
    topicStarts,
    docTopics: Uint32Array.from(docTopics),
    docEvents,
    docTitles,
  };
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Whether every number in `values` is below `bound` (a plain loop: a woken worker checks 100,000 of them). */
function allBelow(values: Uint32Array, bound: number): boolean {
  let largest = -1;
  for (let i = 0; i < values.length; i++) if (values[i]! > largest) largest = values[i]!;
  return largest < bound;
}

/** A stored related index of `talkCount` talks and this build, or undefined when it is missing, stale or misshapen. */
export function readRelatedIndex(value: unknown, build: string, talkCount: number): RelatedIndex | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const index = value as Partial<RelatedIndex>;
  const ok =
    index.build === build &&
    isStrings(index.speakers) &&
    isStrings(index.topics) &&
    (index.topicNames === undefined ||
      (isStrings(index.topicNames) && index.topicNames.length === index.topics.length)) &&
    isStrings(index.events) &&
    isStrings(index.speakerNames) &&
    index.speakerNames.length === index.speakers?.length &&
    Array.isArray(index.subjects) &&
    index.subjects.length === index.events?.length &&
    index.subjects.every(isStrings) &&
    index.speakerStarts instanceof Uint32Array &&
    index.topicStarts instanceof Uint32Array &&
    index.docSpeakers instanceof Uint32Array &&
    index.docTopics instanceof Uint32Array &&
    index.docEvents instanceof Uint32Array &&
    index.docTitles instanceof Uint32Array &&
    index.docTitles.length === talkCount &&
    index.speakerStarts.length === talkCount + 1 &&
    index.topicStarts.length === talkCount + 1 &&
    index.docEvents.length === talkCount &&
    index.speakerStarts[talkCount] === index.docSpeakers.length &&
    index.topicStarts[talkCount] === index.docTopics.length &&
    allBelow(index.docSpeakers, index.speakers.length) &&
    allBelow(index.docTopics, index.topics.length) &&
    allBelow(index.docEvents, index.events.length);
  return ok ? (index as RelatedIndex) : undefined;
}

/**
 * The talks of several related indexes as one catalogue (the bundled talks, then each imported catalogue by id,
 * as the search has them): a talk is its position in that order.
 */
export class RelatedNeighbours {
  readonly talkCount: number;
  private readonly offsets: number[] = [];
  /** Per part, the numbers of the speakers and topics asked for so far (`s:` or `t:` and the name; -1: absent). */
  private readonly numbers = new WeakMap<RelatedIndex, Map<string, number>>();

  constructor(private readonly parts: readonly RelatedIndex[]) {
    let offset = 0;
    for (const part of parts) {
      this.offsets.push(offset);
      offset += part.docEvents.length;
    }
    this.talkCount = offset;
  }

  /** Where talk `position` is: its part and its document number there. */
  private locate(position: number): { part: RelatedIndex; doc: number } {
    let p = this.parts.length - 1;
    while (p > 0 && this.offsets[p]! > position) p--;
    return { part: this.parts[p]!, doc: position - this.offsets[p]! };
  }

  /**
   * A speaker's or topic's number in a part, by a scan of its names, kept: a panel asks for a few of the tens of
   * thousands a large catalogue has, and a woken worker should not first build a map of them all.
   */
  private numberOf(part: RelatedIndex, kind: 'speakers' | 'topics', name: string): number {
    let known = this.numbers.get(part);
    if (!known) {
      known = new Map();
      this.numbers.set(part, known);
    }
    const key = `${kind === 'speakers' ? 's' : 't'}:${name}`;
    let number = known.get(key);
    if (number === undefined) {
      number = part[kind].indexOf(name);
      known.set(key, number);
    }
    return number;
  }

  speakersAt(position: number): string[] {
    const { part, doc } = this.locate(position);
    return [...part.docSpeakers.subarray(part.speakerStarts[doc], part.speakerStarts[doc + 1])].map(
      (n) => part.speakers[n]!,
    );
  }

  topicsAt(position: number): string[] {
    const { part, doc } = this.locate(position);
    return [...part.docTopics.subarray(part.topicStarts[doc], part.topicStarts[doc + 1])].map((n) => part.topics[n]!);
  }

  /** A topic as people read it: as the first catalogue that names it does, else its slug's words. */
  topicName(slug: string): string {
    for (const part of this.parts) {
      const name = part.topicNames?.[part.topics.indexOf(slug)];
      if (name) return name;
    }
    return topicNameIn(slug, []);
  }

  titleAt(position: number): number {
    const { part, doc } = this.locate(position);
    return part.docTitles[doc]!;
  }

  eventAt(position: number): string {
    const { part, doc } = this.locate(position);
    return part.events[part.docEvents[doc]!]!;
  }

  /**
   * The speakers a title names in full, by id: `phrases` are its runs of words (normalised). A speaker in several
   * catalogues goes by the name the first one gives.
   */
  speakersNamed(phrases: ReadonlySet<string>): string[] {
    const named: string[] = [];
    this.parts.forEach((part, p) => {
      part.speakerNames.forEach((name, n) => {
        if (!phrases.has(name)) return;
        const id = part.speakers[n]!;
        // Described in an earlier catalogue too: that one's name is the one that counts, and it was checked there.
        if (!this.parts.slice(0, p).some((earlier) => earlier.speakers.includes(id))) named.push(id);
      });
    });
    return named;
  }

  /** The events (ids) whose subjects `isNamed` accepts, with the subjects it accepts. */
  eventsAbout(isNamed: (subject: string) => boolean): Array<{ id: string; subjects: string[] }> {
    return this.parts.flatMap((part) =>
      part.events.flatMap((id, n) => {
        const subjects = part.subjects[n] ?? [];
        return subjects.some(isNamed) ? [{ id, subjects: subjects.filter(isNamed) }] : [];
      }),
    );
  }

  /** The talks of an event, in order. */
  withEvent(eventId: string): number[] {
    const positions: number[] = [];
    this.parts.forEach((part, p) => {
      const number = part.events.indexOf(eventId);
      if (number < 0) return;
      part.docEvents.forEach((event, doc) => {
        if (event === number) positions.push(this.offsets[p]! + doc);
      });
    });
    return positions;
  }

  /** The talks with this speaker, or this topic, in order; at most `limit`; and how many there are in all. */
  private withName(kind: 'speakers' | 'topics', name: string, limit: number): { positions: number[]; count: number } {
    const positions: number[] = [];
    let count = 0;
    this.parts.forEach((part, p) => {
      const number = this.numberOf(part, kind, name);
      if (number < 0) return;
      const [starts, values] =
        kind === 'speakers' ? [part.speakerStarts, part.docSpeakers] : [part.topicStarts, part.docTopics];
      let doc = 0;
      for (let i = 0; i < values.length; i++) {
        if (values[i] !== number) continue;
        while (starts[doc + 1]! <= i) doc++;
        count++;
        if (positions.length < limit) positions.push(this.offsets[p]! + doc);
      }
    });
    return { positions, count };
  }

  withSpeaker(id: string): number[] {
    return this.withName('speakers', id, Number.POSITIVE_INFINITY).positions;
  }

  /** The first `limit` talks about `topic`, and how many talks are about it. */
  withTopic(topic: string, limit: number): { positions: number[]; count: number } {
    return this.withName('topics', topic, limit);
  }
}
