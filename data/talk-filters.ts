import { type Catalogue, speakersOf } from './catalogue';
import type { Talk, TalkKind } from './schema';
import { TALK_KINDS } from './schema';

/** What a person narrowed the list to; an absent field does not filter. */
export interface TalkFilters {
  kind?: TalkKind;
  eventId?: string;
  organisation?: string;
  topic?: string;
  speakerId?: string;
  favouritesOnly?: boolean;
  /** Leaves out talks watched to the end (or marked watched by hand). */
  hideWatched?: boolean;
}

export function hasActiveFilters(filters: TalkFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined && value !== false);
}

export function matchesFilters(
  talk: Talk,
  filters: TalkFilters,
  starred: ReadonlySet<string>,
  from: Catalogue,
  watched: ReadonlySet<string> = new Set(),
): boolean {
  if (filters.kind && talk.kind !== filters.kind) return false;
  if (filters.eventId && talk.eventId !== filters.eventId) return false;
  if (filters.topic && !talk.topics.includes(filters.topic)) return false;
  if (filters.speakerId && !talk.speakerIds.includes(filters.speakerId)) return false;
  if (filters.favouritesOnly && !starred.has(talk.id)) return false;
  if (filters.hideWatched && watched.has(talk.id)) return false;
  if (filters.organisation && !speakersOf(talk, from).some((s) => s.organisation === filters.organisation))
    return false;
  return true;
}

/** The values each filter can take, as the popup offers them: value and the words shown for it. */
export interface FilterChoices {
  kinds: TalkKind[];
  events: Array<[id: string, name: string]>;
  organisations: string[];
  topics: Array<[slug: string, name: string]>;
  speakers: Array<[id: string, name: string]>;
  /** Every talk in the catalogue, for the Talks tab's count. */
  talkCount: number;
}

// A select of thousands of organisations helps nobody; the commonest are offered, the rest found by typing.
const MAX_CHOICES = 100;

// A catalogue never changes once built: its choices are counted once, not on every popup opening.
const choicesCache = new WeakMap<Catalogue, FilterChoices>();

/** Most common first for organisations and topics, as the catalogue has them. */
export function filterChoices(from: Catalogue): FilterChoices {
  let choices = choicesCache.get(from);
  if (!choices) {
    choices = countChoices(from);
    choicesCache.set(from, choices);
  }
  return choices;
}

function countChoices(from: Catalogue): FilterChoices {
  const count = (values: Iterable<string>) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_CHOICES)
      .map(([value]) => value);
  };
  const topicNames = new Map<string, string>();
  for (const event of from.events.values()) {
    for (const [slug, name] of Object.entries(event.topicNames ?? {}))
      if (!topicNames.has(slug)) topicNames.set(slug, name);
  }
  return {
    kinds: TALK_KINDS.filter((kind) => from.talks.some((talk) => talk.kind === kind)),
    events: [...from.events.values()].map((event) => [event.id, event.name]),
    organisations: count(
      from.talks.flatMap((talk) => [...new Set(speakersOf(talk, from).flatMap((s) => s.organisation ?? []))]),
    ),
    topics: count(from.talks.flatMap((talk) => talk.topics)).map((slug) => [
      slug,
      topicNames.get(slug) ?? slug.replaceAll('-', ' '),
    ]),
    // The most frequent speakers, in name order so a select's type-ahead finds them.
    speakers: count(from.talks.flatMap((talk) => talk.speakerIds))
      .flatMap((id) => {
        const speaker = from.speakers.get(id);
        return speaker ? [[id, speaker.name] as [string, string]] : [];
      })
      .sort((a, b) => a[1].localeCompare(b[1])),
    talkCount: from.talks.length,
  };
}
