import type { EventFile } from '../data/schema';
import type { CatalogueStore } from './catalogue-store';
import { type PanelRelated, reasonsOfRanked, relatedOfCard, SIMILAR_CANDIDATES } from './panel-content';
import { type RelatedIndex, RelatedNeighbours, readRelatedIndex, relatedIndexOf } from './related-index';
import { namedInTitle, rankRelatedByPosition, rankTitleCandidates, titleCandidates } from './related-talks';
import type { StoredSegments, StoredTalkSearch } from './stored-search';
import type { TalkCard } from './talk-results';

/** A catalogue talk as the stored indexes know it: its catalogue (undefined for a bundled one) and document. */
export interface StoredTalk {
  catalogueId?: string;
  doc: number;
  /** Its card, with speakers as the whole catalogue describes them. */
  card: TalkCard;
}

export interface StoredRelated {
  /**
   * A large catalogue's related talks for a talk, as `panelFor` ranks them from the whole catalogue, read from
   * the stored search and related indexes: a woken service worker lists them without reading 50,000 talks.
   * Undefined when a stored index is missing or being rebuilt; throws when one changes while it is read.
   */
  relatedTo(talk: StoredTalk): Promise<PanelRelated[] | undefined>;
  /**
   * The talks a video's title is plainly about (an empty list when it names no speaker or subject), as
   * `panelFor` finds them in the whole catalogue; undefined when a stored index cannot say (as above).
   */
  aboutTitle(title: string): Promise<PanelRelated[] | undefined>;

  /** Whether what ranking reads is in memory (the dictionaries and related indexes), so that it takes milliseconds. */
  isWarm(): boolean;
  /** Catalogues were imported or removed: read them again on next use. */
  reset(): void;
}

/** Positions run through the bundled talks, then each imported catalogue in segment order. */
function positionsIn(segments: StoredSegments) {
  const offsets = [0];
  for (const talkCount of [segments.bundledTalkCount, ...segments.imported.map((each) => each.talkCount)])
    offsets.push((offsets.at(-1) ?? 0) + talkCount);
  const offsetOf = (segment: number) => offsets[segment] ?? 0;
  return {
    of: (segment: number, doc: number) => offsetOf(segment) + doc,
    locate(position: number) {
      let segment = offsets.length - 2;
      while (segment > 0 && offsetOf(segment) > position) segment--;
      return { segment, doc: position - offsetOf(segment) };
    },
  };
}

export function openStoredRelated(
  bundled: readonly EventFile[],
  store: CatalogueStore,
  search: StoredTalkSearch,
): StoredRelated {
  // In file order, as the search numbers the bundled talks; one part per file, as the whole catalogue has them.
  const bundledParts = bundled.map((file) => relatedIndexOf(file));
  // The related indexes as read, and as checked against the search segments they are used with.
  let stored: Promise<Map<string, unknown>> | undefined;
  let read: { segments: StoredSegments; neighbours: RelatedNeighbours | undefined } | undefined;
  const readStored = () => {
    stored ??= store.relatedIndexes().then((entries) => new Map(entries.map(({ id, related }) => [id, related])));
    return stored;
  };

  const neighboursOf = (segments: StoredSegments, byId: Map<string, unknown>) => {
    const parts: RelatedIndex[] = [...bundledParts];
    for (const { id, build, talkCount } of segments.imported) {
      const part = readRelatedIndex(byId.get(id), build, talkCount);
      // Missing or of another build: the background is rebuilding this catalogue's stored search.
      if (!part) return undefined;
      parts.push(part);
    }
    return new RelatedNeighbours(parts);
  };

  /**
   * The stored segments and their related indexes (undefined when either cannot say), the talks similar to
   * `similarText` (their postings read while the indexes are checked), and how positions map to documents.
   */
  const readAll = async (similarText: string) => {
    const [segments, byId] = await Promise.all([search.segments(), readStored()]);
    if (!segments) return undefined;
    const hits = segments.search.similarToLoading(similarText, SIMILAR_CANDIDATES);
    if (read?.segments !== segments) read = { segments, neighbours: neighboursOf(segments, byId) };
    const { neighbours } = read;
    if (!neighbours) {
      read = undefined;
      stored = undefined;
      await hits.catch(() => {});
      return undefined;
    }
    const positions = positionsIn(segments);
    const similar = (await hits).map((hit) => ({ position: positions.of(hit.segment, hit.doc), score: hit.score }));
    return { segments, neighbours, positions, similar };
  };

  return {
    async relatedTo({ catalogueId, doc, card }) {
      const found = await readAll(card.title);
      if (!found) return undefined;
      const { segments, neighbours, positions, similar } = found;
      const segment = catalogueId === undefined ? 0 : segments.imported.findIndex(({ id }) => id === catalogueId) + 1;
      if (segment === 0 && catalogueId !== undefined) return undefined;
      const ranked = rankRelatedByPosition(positions.of(segment, doc), neighbours, similar);
      const cards = await segments.cards(ranked.map((related) => positions.locate(related.position)));
      return ranked.flatMap((related, i) => {
        const other = cards[i];
        return other ? [relatedOfCard(other, reasonsOfRanked(related, card.speakers))] : [];
      });
    },
    async aboutTitle(title) {
      const found = await readAll(title);
      if (!found) return undefined;
      const { segments, neighbours, positions, similar } = found;
      const named = namedInTitle(title, neighbours);
      if (!named) return [];
      const candidates = titleCandidates(named, neighbours, similar);
      const cards = await segments.cards(candidates.map((position) => positions.locate(position)));
      const cardAt = new Map(candidates.map((position, i) => [position, cards[i]]));
      return rankTitleCandidates(title, named, neighbours, candidates, (position) => cardAt.get(position)).flatMap(
        ({ position, reasons }) => {
          const card = cardAt.get(position);
          return card ? [relatedOfCard(card, reasons)] : [];
        },
      );
    },
    isWarm: () => read?.neighbours !== undefined,
    reset() {
      read = undefined;
      stored = undefined;
    },
  };
}
