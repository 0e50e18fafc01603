import type { EventFile, TalkCard } from '../../data';
import type { StoredSegments, StoredTalkSearch } from '../search';
import {
  aboutTitleAtScale,
  type RankingSource,
  type RelatedCard,
  relatedAtPosition,
  SIMILAR_CANDIDATES,
} from './at-scale';
import { type RelatedIndex, RelatedNeighbours, readRelatedIndex, relatedIndexOf } from './related-index';

/** A catalogue talk as the stored indexes know it: its catalogue (undefined for a bundled one) and document. */
export interface StoredTalk {
  catalogueId?: string;
  doc: number;
  /** Its card, with speakers as the whole catalogue describes them. */
  card: TalkCard;
}

/** What the stored related talks read, implemented by storage. */
export interface RelatedIndexReader {
  /** Every imported catalogue's related index, as stored (the reader checks its shape and build). */
  relatedIndexes(): Promise<Array<{ id: string; related: unknown }>>;
}

export interface StoredRelated {
  /**
   * A large catalogue's related talks for a talk, as the whole catalogue in memory ranks them, read from the
   * stored search and related indexes: a woken service worker lists them without reading 50,000 talks.
   * Undefined when a stored index is missing or being rebuilt; throws when one changes while it is read.
   */
  relatedTo(talk: StoredTalk): Promise<RelatedCard[] | undefined>;
  /**
   * The talks a video's title is plainly about (an empty list when it names no speaker or subject), as the whole
   * catalogue finds them; undefined when a stored index cannot say (as above).
   */
  aboutTitle(title: string): Promise<RelatedCard[] | undefined>;
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

/** The stored indexes as a ranking source: the same ranking as the whole catalogue's, from a few reads. */
export function openStoredRelated(
  bundled: readonly EventFile[],
  store: RelatedIndexReader,
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
   * A ranking source over the stored segments and their related indexes (undefined when either cannot say). The
   * talks similar to `similarText` are looked up at once: their postings are read while the indexes are checked.
   */
  const sourceFor = async (similarText: string) => {
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
    const similar = hits.then((found) =>
      found.map((hit) => ({ position: positions.of(hit.segment, hit.doc), score: hit.score })),
    );
    const source: RankingSource = {
      neighbours,
      similarTo: (text) => {
        if (text !== similarText) throw new Error('A stored ranking source answers for the text it was opened for');
        return similar;
      },
      cards: (wanted) => segments.cards(wanted.map((position) => positions.locate(position))),
    };
    return { source, segments, positions };
  };

  return {
    async relatedTo({ catalogueId, doc, card }) {
      const found = await sourceFor(card.title);
      if (!found) return undefined;
      const { source, segments, positions } = found;
      const segment = catalogueId === undefined ? 0 : segments.imported.findIndex(({ id }) => id === catalogueId) + 1;
      if (segment === 0 && catalogueId !== undefined) return undefined;
      return relatedAtPosition(source, positions.of(segment, doc), card);
    },
    async aboutTitle(title) {
      const found = await sourceFor(title);
      return found && aboutTitleAtScale(found.source, title);
    },
    isWarm: () => read?.neighbours !== undefined,
    reset() {
      read = undefined;
      stored = undefined;
    },
  };
}
