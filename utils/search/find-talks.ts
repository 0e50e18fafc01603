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
  /** Talks started and not finished, the most recently watched first: the Continue watching view. */
  started: readonly string[] = [],
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

  // Favourites newest first, or the talks to continue most recently watched first; a query ranks them by relevance
  // instead (the search only ranks the listed talks).
  const listed: ReadonlyArray<Pick<Favourite, 'talkId'> & Partial<Pick<Favourite, 'snapshot' | 'starredAt'>>> =
    view === 'favourites' ? favourites : started.flatMap((talkId) => (from.talksById.has(talkId) ? [{ talkId }] : []));
  const ids = new Set(listed.map((entry) => entry.talkId));
  const rank =
    query.trim() && search
      ? new Map(
          search
            .find(query, { limit: ids.size, accept: (id) => ids.has(id) })
            .hits.map((hit, index) => [hit.id, { index, terms: hit.terms }]),
        )
      : undefined;
  const shown = listed.filter((entry) => {
    if (rank && !rank.has(entry.talkId)) return false;
    const talk = from.talksById.get(entry.talkId);
    // A favourite whose talk left the catalogue has nothing to filter on; it stays listed unless filters are set.
    return talk ? matches(talk) : !filtered;
  });
  if (rank) shown.sort((a, b) => (rank.get(a.talkId)?.index ?? 0) - (rank.get(b.talkId)?.index ?? 0));
  return {
    rows: shown.slice(0, limit).map((entry) => {
      const talk = from.talksById.get(entry.talkId);
      // A star whose talk no catalogue has is shown from what it kept of it.
      const card = talk ? talkCard(talk, from) : entry.snapshot && cardOfSnapshot(entry.talkId, entry.snapshot);
      return {
        id: entry.talkId,
        ...(card ? { talk: card } : {}),
        terms: rank?.get(entry.talkId)?.terms ?? [],
        ...(entry.starredAt !== undefined ? { starredAt: entry.starredAt } : {}),
      };
    }),
    total: shown.length,
  };
}
