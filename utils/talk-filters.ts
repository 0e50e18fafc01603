import { type Catalogue, speakersOf } from '../data/catalogue';
import type { Talk, TalkKind } from '../data/schema';
import { TALK_KINDS } from '../data/schema';

/** What a person narrowed the list to; an absent field does not filter. */
export interface TalkFilters {
  kind?: TalkKind;
  organisation?: string;
  topic?: string;
  speakerId?: string;
  favouritesOnly?: boolean;
}

export function hasActiveFilters(filters: TalkFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined && value !== false);
}

export function matchesFilters(
  talk: Talk,
  filters: TalkFilters,
  starred: ReadonlySet<string>,
  from: Catalogue,
): boolean {
  if (filters.kind && talk.kind !== filters.kind) return false;
  if (filters.topic && !talk.topics.includes(filters.topic)) return false;
  if (filters.speakerId && !talk.speakerIds.includes(filters.speakerId)) return false;
  if (filters.favouritesOnly && !starred.has(talk.id)) return false;
  if (filters.organisation && !speakersOf(talk, from).some((s) => s.organisation === filters.organisation))
    return false;
  return true;
}

/** The values each filter can take, most common first for organisations and topics, as the catalogue has them. */
export function filterChoices(from: Catalogue): { kinds: TalkKind[]; organisations: string[]; topics: string[] } {
  const count = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
  };
  return {
    kinds: TALK_KINDS.filter((kind) => from.talks.some((talk) => talk.kind === kind)),
    organisations: count(from.talks.flatMap((talk) => [...new Set(speakersOf(talk, from).map((s) => s.organisation))])),
    topics: count(from.talks.flatMap((talk) => talk.topics)),
  };
}
