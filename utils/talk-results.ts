import { type Catalogue, eventOf, speakersOf, talkUrl } from '../data/catalogue';
import type { Talk, TalkKind } from '../data/schema';
import type { Favourite } from './database';
import type { TalkSearch } from './search';
import { hasActiveFilters, matchesFilters, type TalkFilters } from './talk-filters';

/** A talk as a list shows it: plain data, so the background can send it to any view. */
export interface TalkCard {
  id: string;
  kind: TalkKind;
  title: string;
  speakers: Array<{ id: string; name: string; organisation?: string }>;
  eventName: string;
  startSeconds?: number;
  /** Where opening it goes; absent when the source gives no recording and no page. */
  url?: string;
}

export interface TalkRow {
  id: string;
  /** Absent for a favourite whose talk has left the catalogue. */
  talk?: TalkCard;
  /** Matched words to highlight. */
  terms: string[];
  starredAt?: number;
}

export type View = 'talks' | 'favourites';

export interface TalkQuery {
  query: string;
  filters: TalkFilters;
  view: View;
  /** How many rows to send; `total` still counts them all. */
  limit: number;
}

export interface TalkPage {
  rows: TalkRow[];
  /** Every talk that matches, filters applied, not only the rows sent. */
  total: number;
}

export function talkCard(talk: Talk, from: Catalogue): TalkCard {
  const url = talkUrl(talk);
  return {
    id: talk.id,
    kind: talk.kind,
    title: talk.title,
    speakers: speakersOf(talk, from).map(({ id, name, organisation }) => ({
      id,
      name,
      ...(organisation ? { organisation } : {}),
    })),
    eventName: eventOf(talk, from)?.name ?? '',
    ...(talk.startSeconds ? { startSeconds: talk.startSeconds } : {}),
    ...(url ? { url } : {}),
  };
}

/**
 * The rows a view shows for a query: search first, then filters over every hit (so a count is never cut short
 * and a favourite is never missed because it ranked low), then the first `limit` rows.
 */
export function findTalks(
  request: TalkQuery,
  from: Catalogue,
  search: TalkSearch,
  favourites: readonly Favourite[],
): TalkPage {
  const { query, filters, view, limit } = request;
  const starred = new Set(favourites.map((favourite) => favourite.talkId));
  const hits = query.trim() ? search.search(query, Number.POSITIVE_INFINITY) : undefined;
  const rows: TalkRow[] = [];
  let total = 0;
  const add = (row: () => TalkRow) => {
    total++;
    if (rows.length < limit) rows.push(row());
  };

  if (view === 'talks') {
    const matching = hits
      ? hits.map((hit) => [from.talksById.get(hit.id), hit.terms] as const)
      : from.talks.map((talk) => [talk, [] as string[]] as const);
    for (const [talk, terms] of matching) {
      if (talk && matchesFilters(talk, filters, starred, from))
        add(() => ({ id: talk.id, talk: talkCard(talk, from), terms }));
    }
    return { rows, total };
  }

  const rank = hits && new Map(hits.map((hit, index) => [hit.id, { index, terms: hit.terms }]));
  const listed = favourites.filter((favourite) => !rank || rank.has(favourite.talkId));
  if (rank) listed.sort((a, b) => (rank.get(a.talkId)?.index ?? 0) - (rank.get(b.talkId)?.index ?? 0));
  for (const favourite of listed) {
    const talk = from.talksById.get(favourite.talkId);
    // A favourite whose talk left the catalogue has nothing to filter on; it stays listed unless filters are set.
    if (talk ? !matchesFilters(talk, filters, starred, from) : hasActiveFilters(filters)) continue;
    add(() => ({
      id: favourite.talkId,
      ...(talk ? { talk: talkCard(talk, from) } : {}),
      terms: rank?.get(favourite.talkId)?.terms ?? [],
      starredAt: favourite.starredAt,
    }));
  }
  return { rows, total };
}
