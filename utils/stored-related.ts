import type { EventFile } from '../data/schema';
import type { CatalogueStore } from './catalogue-store';
import { type PanelRelated, reasonsOfRanked, relatedOfCard, SIMILAR_CANDIDATES } from './panel-content';
import { type RelatedIndex, RelatedNeighbours, readRelatedIndex, relatedIndexOf } from './related-index';
import { rankRelatedByPosition } from './related-talks';
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

  /** Catalogues were imported or removed: read them again on next use. */
  reset(): void;
}

export function openStoredRelated(
  bundled: readonly EventFile[],
  store: CatalogueStore,
  search: StoredTalkSearch,
): StoredRelated {
  // In file order, as the search numbers the bundled talks.
  const bundledIndex = relatedIndexOf(bundled.flatMap((file) => file.talks));
  // The related indexes as read, and as checked against the search segments they are used with.
  let stored: Promise<Map<string, unknown>> | undefined;
  let read: { segments: StoredSegments; neighbours: RelatedNeighbours | undefined } | undefined;
  const readStored = () => {
    stored ??= store.relatedIndexes().then((entries) => new Map(entries.map(({ id, related }) => [id, related])));
    return stored;
  };

  const neighboursOf = (segments: StoredSegments, byId: Map<string, unknown>) => {
    const parts: RelatedIndex[] = [bundledIndex];
    for (const { id, build, talkCount } of segments.imported) {
      const part = readRelatedIndex(byId.get(id), build, talkCount);
      // Missing or of another build: the background is rebuilding this catalogue's stored search.
      if (!part) return undefined;
      parts.push(part);
    }
    return new RelatedNeighbours(parts);
  };

  return {
    async relatedTo({ catalogueId, doc, card }) {
      const [segments, byId] = await Promise.all([search.segments(), readStored()]);
      if (!segments) return undefined;
      // The postings of the talk's title words are read while the related indexes are checked.
      const similarHits = segments.search.similarToLoading(card.title, SIMILAR_CANDIDATES);
      if (read?.segments !== segments) read = { segments, neighbours: neighboursOf(segments, byId) };
      const { neighbours } = read;
      if (!neighbours) {
        read = undefined;
        stored = undefined;
        await similarHits.catch(() => {});
        return undefined;
      }
      // Positions run through the bundled talks, then each imported catalogue in segment order.
      const offsets = [0];
      for (const talkCount of [segments.bundledTalkCount, ...segments.imported.map((each) => each.talkCount)])
        offsets.push((offsets.at(-1) ?? 0) + talkCount);
      const offsetOf = (segment: number) => offsets[segment] ?? 0;
      const segment = catalogueId === undefined ? 0 : segments.imported.findIndex(({ id }) => id === catalogueId) + 1;
      if (segment === 0 && catalogueId !== undefined) return undefined;
      const locate = (position: number) => {
        let at = offsets.length - 2;
        while (at > 0 && offsetOf(at) > position) at--;
        return { segment: at, doc: position - offsetOf(at) };
      };

      const similar = (await similarHits).map((hit) => ({
        position: offsetOf(hit.segment) + hit.doc,
        score: hit.score,
      }));
      const ranked = rankRelatedByPosition(offsetOf(segment) + doc, neighbours, similar);
      const cards = await segments.cards(ranked.map((related) => locate(related.position)));
      return ranked.flatMap((related, i) => {
        const other = cards[i];
        return other ? [relatedOfCard(other, reasonsOfRanked(related, card.speakers))] : [];
      });
    },
    reset() {
      read = undefined;
      stored = undefined;
    },
  };
}
