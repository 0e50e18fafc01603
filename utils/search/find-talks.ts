import {
  type Catalogue,
  cardOfSnapshot,
  type Favourite,
  hasActiveFilters,
  matchesFilters,
  type Talk,
  type TalkPage,
  type TalkQuery,
  talkCard,
} from '../../data';
import type { TalkSearch } from './talk-search';

/**
 * The rows a view shows for a query: search first, then filters over every hit (so a count is never cut short
 * and a favourite is never missed because it ranked low), then the first `limit` rows.
 */
export function findTalks(
  request: TalkQuery,
  from: Catalogue,
  /** Needed only for a query; listing everything does without. */
  search: TalkSearch | undefined,
  favourites: readonly Favourite[],
  /** Talks watched to the end: the Hide watched filter leaves them out, inside the search (counts stay true). */
  watched: ReadonlySet<string> = new Set(),
): TalkPage {
  const { query, filters, view, limit } = request;
  const starred = new Set(favourites.map((favourite) => favourite.talkId));
  const filtered = hasActiveFilters(filters);
  const matches = (talk: Talk | undefined) => !!talk && matchesFilters(talk, filters, starred, from, watched);

  if (view === 'talks') {
    if (query.trim() && search) {
      // Filters are applied inside the search, before the limit: the count is of every match.
      const accept = filtered ? (id: string) => matches(from.talksById.get(id)) : undefined;
      const { hits, total } = search.find(query, { limit, ...(accept ? { accept } : {}) });
      const rows = hits.flatMap((hit) => {
        const talk = from.talksById.get(hit.id);
        return talk ? [{ id: hit.id, talk: talkCard(talk, from), terms: hit.terms }] : [];
      });
      return { rows, total };
    }
    const listed = filtered ? from.talks.filter(matches) : from.talks;
    return {
      rows: listed.slice(0, limit).map((talk) => ({ id: talk.id, talk: talkCard(talk, from), terms: [] })),
      total: listed.length,
    };
  }

  // Favourites: newest first, or by relevance to the query; the search only ranks starred talks.
  const rank =
    query.trim() && search
      ? new Map(
          search
            .find(query, { limit: starred.size, accept: (id) => starred.has(id) })
            .hits.map((hit, index) => [hit.id, { index, terms: hit.terms }]),
        )
      : undefined;
  const listed = favourites.filter((favourite) => {
    if (rank && !rank.has(favourite.talkId)) return false;
    const talk = from.talksById.get(favourite.talkId);
    // A favourite whose talk left the catalogue has nothing to filter on; it stays listed unless filters are set.
    return talk ? matches(talk) : !filtered;
  });
  if (rank) listed.sort((a, b) => (rank.get(a.talkId)?.index ?? 0) - (rank.get(b.talkId)?.index ?? 0));
  return {
    rows: listed.slice(0, limit).map((favourite) => {
      const talk = from.talksById.get(favourite.talkId);
      // A star whose talk no catalogue has is shown from what it kept of it.
      const card = talk
        ? talkCard(talk, from)
        : favourite.snapshot && cardOfSnapshot(favourite.talkId, favourite.snapshot);
      return {
        id: favourite.talkId,
        ...(card ? { talk: card } : {}),
        terms: rank?.get(favourite.talkId)?.terms ?? [],
        starredAt: favourite.starredAt,
      };
    }),
    total: listed.length,
  };
}
