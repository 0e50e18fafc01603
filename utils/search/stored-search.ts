import {
  buildCatalogue,
  type Catalogue,
  cardSpeaker,
  describedFirst,
  type EventFile,
  type TalkCard,
  type TalkPage,
  talkCard,
} from '../../data';
import { indexEventFiles, searchOver, type TalkSearch } from './talk-search';
import {
  type IndexDictionary,
  lazyIndex,
  type PostingChunk,
  readIndexDictionary,
  StaleIndexError,
} from './term-index/stored';

/** Talks per `talk-cards` record: a page of 20 results reads at most 20 small records. */
export const CARDS_PER_CHUNK = 16;

/** The `talk-cards` record holding document `doc`'s card. */
export const cardChunkOf = (doc: number) => Math.floor(doc / CARDS_PER_CHUNK);

/** What the popup reads first: the imported catalogues and their search dictionaries (unchecked). */
export interface StoredDictionaries {
  records: ReadonlyArray<{ id: string; talkCount: number; stamp?: string }>;
  /** `stamp`: the import the dictionary was built from; it answers only for a record of the same stamp. */
  dictionaries: ReadonlyArray<{ id: string; index: unknown; stamp?: string }>;
}

/**
 * What the stored search reads, implemented by storage: the search never knows the database, and storage never
 * knows how a search uses what it stores.
 */
export interface StoredSearchReader {
  /** What is imported and each catalogue's search dictionary (unchecked), read together. */
  dictionaries(): Promise<StoredDictionaries>;
  /** Some posting chunks of a catalogue's index, in the order asked (undefined where one is missing). */
  postingChunks(id: string, chunks: readonly number[]): Promise<Array<PostingChunk | undefined>>;
  /** Some records of a catalogue's talk cards, in the order asked (undefined where one is missing). */
  cardChunks(id: string, chunks: readonly number[]): Promise<Array<{ build: string; cards: string } | undefined>>;
  /** Every record of a catalogue's talk cards, in chunk order. */
  allCardChunks(id: string): Promise<Array<{ chunk: number; build: string; cards: string }>>;
}

/**
 * A stored card with its speakers as the whole catalogue describes them: a person the bundled catalogue
 * describes is described as it does everywhere (the catalogues' merge rule: the first description wins, later
 * ones fill in what it lacks).
 */
export function asCatalogueSays(card: TalkCard, bundled: Catalogue): TalkCard {
  if (!card.speakers.some((speaker) => bundled.speakers.has(speaker.id))) return card;
  return {
    ...card,
    speakers: card.speakers.map((speaker) => cardSpeaker(describedFirst(bundled.speakers.get(speaker.id), speaker))),
  };
}

/** The cards of a stored card record (its JSON), or undefined when it is not a list. */
function parseCards(json: string): TalkCard[] | undefined {
  const cards: unknown = JSON.parse(json);
  return Array.isArray(cards) ? (cards as TalkCard[]) : undefined;
}

/** The card of document `doc` from a stored card record, or undefined when it is not there. */
export function cardIn(record: { cards: unknown } | undefined, doc: number): TalkCard | undefined {
  return typeof record?.cards === 'string' ? parseCards(record.cards)?.[doc % CARDS_PER_CHUNK] : undefined;
}

/** Plain searches answered from the stored indexes, without reading the talks (or, in the popup, the background). */
export interface StoredTalkSearch {
  /**
   * The first `limit` talks for `query` (Talks view, no filter) and how many match, as the background would
   * answer; undefined when the stored indexes cannot say (one is missing or still being rebuilt).
   */
  find(query: string, limit: number): Promise<TalkPage | undefined>;
  /**
   * Reads the dictionaries, then every posting chunk (a few at a time) and every card record, so that later
   * keystrokes read nothing from the database; settles (never rejects) when done or failed.
   */
  prepare(): Promise<void>;
  /**
   * The stored search itself, for the YouTube panel's related talks; undefined when a stored index cannot say
   * (as for `find`). Anything unexpected while using it throws, and the next use reads the indexes again.
   */
  segments(): Promise<StoredSegments | undefined>;
  /** Catalogues were imported or removed: read them again on next use. */
  reset(): void;
}

/** Segment 0 is the bundled catalogue; segment i + 1 is `imported[i]`, the imported catalogues by id. */
export interface StoredSegments {
  search: TalkSearch;
  bundledTalkCount: number;
  imported: ReadonlyArray<{ id: string; build: string; talkCount: number }>;
  /** Loads every posting chunk and card record not yet read. */
  loadAll(): Promise<void>;
  /** The cards of these documents, reading the records they are in. */
  cards(wanted: ReadonlyArray<{ segment: number; doc: number }>): Promise<TalkCard[]>;
}

/**
 * The popup's own search: a popup opened while the service worker sleeps would otherwise wait for it to wake and
 * read every imported talk. This reads each imported catalogue's dictionary, then only the posting chunks and
 * card records a query reaches, from the same database; its answers equal the background's (same indexes, in the
 * same order, same ranking). Anything unexpected (a stale chunk, a closed database) makes it forget what it
 * read and throw; the caller then asks the background. A woken service worker ranks a large catalogue's YouTube
 * panels over the same search (stored-related.ts).
 */
export function openStoredTalkSearch(
  bundled: readonly EventFile[],
  store: StoredSearchReader,
  /** The dictionaries if something read them already (the popup's early script); used for the first load only. */
  early?: Promise<StoredDictionaries>,
): StoredTalkSearch {
  let segments: Promise<StoredSegments | undefined> | undefined;
  let first = early;

  const load = async (): Promise<StoredSegments | undefined> => {
    const read = first?.catch((error: unknown) => {
      // Expected on a first run and after an update (the database is missing or older): the store opens it.
      console.info('Talkmark: the early read of the search dictionaries did not succeed; reading them again', error);
      return store.dictionaries();
    });
    first = undefined;
    const { records, dictionaries } = await (read ?? store.dictionaries());
    const stored = new Map(
      dictionaries.map(({ id, index, stamp }) => [id, { dictionary: readIndexDictionary(index), stamp }]),
    );
    // In key (id) order, as the background reads the catalogues, so that equal scores rank alike.
    const imported: Array<{ id: string; dictionary: IndexDictionary }> = [];
    for (const { id, talkCount, stamp } of records) {
      const { dictionary, stamp: builtFrom } = stored.get(id) ?? {};
      // Missing, of an older layout, or not of these talks: the background rebuilds it, and answers meanwhile.
      if (!dictionary || dictionary.docWeights.length !== talkCount || builtFrom !== stamp) return undefined;
      imported.push({ id, dictionary });
    }
    const from = buildCatalogue(bundled);
    // In file order, as the background indexes them: document numbers break ties between equal scores.
    const bundledCards = bundled.flatMap((file) => file.talks).map((talk) => talkCard(talk, from));
    const asBundledSays = (card: TalkCard) => asCatalogueSays(card, from);
    const lazy = imported.map(({ id, dictionary }) =>
      lazyIndex(dictionary, (chunks) => store.postingChunks(id, chunks)),
    );
    const search = searchOver(
      [indexEventFiles(bundled, from), ...lazy.map((index) => index.data)],
      async (segment, terms) => lazy[segment - 1]?.load(terms),
    );
    // Per imported catalogue, its card records as read (JSON), then as parsed once a card of theirs is shown.
    const cardRecords = imported.map(() => new Map<number, string | TalkCard[]>());
    const keep = (i: number, chunk: number, record: { build: string; cards: unknown } | undefined) => {
      if (!record || record.build !== imported[i]?.dictionary.build || typeof record.cards !== 'string')
        throw new StaleIndexError();
      cardRecords[i]?.set(chunk, record.cards);
    };
    const cardOf = (segment: number, doc: number): TalkCard | undefined => {
      if (segment === 0) return bundledCards[doc];
      const chunk = cardChunkOf(doc);
      const known = cardRecords[segment - 1];
      let record = known?.get(chunk);
      if (typeof record === 'string') {
        const parsed = parseCards(record);
        if (!parsed) throw new StaleIndexError();
        record = parsed.map(asBundledSays);
        known?.set(chunk, record);
      }
      return record?.[doc % CARDS_PER_CHUNK];
    };
    const cards = async (wanted: ReadonlyArray<{ segment: number; doc: number }>) => {
      await Promise.all(
        imported.map(async ({ id }, i) => {
          const missing = [
            ...new Set(wanted.filter((hit) => hit.segment === i + 1).map((hit) => cardChunkOf(hit.doc))),
          ].filter((chunk) => !cardRecords[i]?.has(chunk));
          if (missing.length === 0) return;
          const found = await store.cardChunks(id, missing);
          missing.forEach((chunk, n) => {
            keep(i, chunk, found[n]);
          });
        }),
      );
      return wanted.map(({ segment, doc }) => {
        const card = cardOf(segment, doc);
        if (!card) throw new StaleIndexError();
        return card;
      });
    };
    // Every posting chunk, then every card record: once done, a keystroke reads nothing from the database.
    const loadAll = async () => {
      for (const index of lazy) await index.loadAll();
      for (const [i, { id }] of imported.entries()) {
        const records = await store.allCardChunks(id);
        for (const record of records) if (!cardRecords[i]?.has(record.chunk)) keep(i, record.chunk, record);
      }
    };
    return {
      search,
      cards,
      loadAll,
      bundledTalkCount: bundledCards.length,
      imported: imported.map(({ id, dictionary }) => ({
        id,
        build: dictionary.build,
        talkCount: dictionary.docWeights.length,
      })),
    };
  };

  // The segments, or undefined while a stored index cannot answer (looked for again next time: the background
  // may have rebuilt it by then); a failure to read them is forgotten too.
  const ready = async () => {
    segments ??= load();
    const current = segments;
    const found = await current.catch((error: unknown) => {
      if (segments === current) segments = undefined;
      throw error;
    });
    if (!found && segments === current) segments = undefined;
    return found;
  };

  return {
    async prepare() {
      segments ??= load();
      // A failure here is met again, and handled, by the first query.
      await (await segments.catch(() => undefined))?.loadAll().catch(() => {});
    },
    async find(query, limit) {
      try {
        const found = await ready();
        if (!found) return undefined;
        const { hits, total } = await found.search.findLoading(query, { limit });
        const cards = await found.cards(hits);
        return {
          rows: hits.map((hit, i) => ({ id: cards[i]?.id ?? hit.id, talk: cards[i], terms: hit.terms })),
          total,
        };
      } catch (error) {
        segments = undefined;
        throw error;
      }
    },
    segments: ready,
    reset() {
      segments = undefined;
    },
  };
}
