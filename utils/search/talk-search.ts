import type { EventFile, Talk } from '../../data';
import { buildCatalogue, type Catalogue, eventOf, KIND_SEARCH_WORDS, speakersOf } from '../../data';
import { tokenize } from '../text';
import { buildSearchIndex, type SearchDocument } from './term-index/build';
import type { SearchIndexData } from './term-index/layout';
import { IndexSearcher, type QueryWord } from './term-index/query';

export type { SearchDocument } from './term-index/build';

export interface SearchHit {
  id: string;
  score: number;
  /** The indexed words the query matched, normalised, for highlighting. */
  terms: string[];
  /** Where it is: which of the searched indexes, and its document number there. */
  segment: number;
  doc: number;
}

export interface SearchOptions {
  /** How many hits to return, best first. */
  limit: number;
  /** Only talks this accepts are returned and counted (the popup's filters, applied inside the search). */
  accept?: (talkId: string) => boolean;
}

export interface TalkSearch {
  /** Talks matching `query`, best first, at most `limit` of them; an empty list for a blank query. */
  search(query: string, limit?: number): SearchHit[];
  /** The best `limit` hits and how many talks match in all. */
  find(query: string, options: SearchOptions): { hits: SearchHit[]; total: number };
  /** As `find`, first loading the postings each pass will read, for indexes whose postings are loaded on demand. */
  findLoading(query: string, options: SearchOptions): Promise<{ hits: SearchHit[]; total: number }>;
  /** Talks sharing the most (and the rarest) words with `text`, any of them: candidates for related talks. */
  similarTo(text: string, limit: number): SearchHit[];
  /** As `similarTo`, first loading the postings it reads (see `findLoading`). */
  similarToLoading(text: string, limit: number): Promise<SearchHit[]>;
}

/** How many hits a search returns unless asked for more: enough for the address bar and the panel. */
const SEARCH_LIMIT = 50;

// A last word this short ("s", "da") is the start of a word being typed: it is matched as a prefix of words in
// the title, speakers, organisations, topics and context, not the summary, where one letter matches everything.
const SHORT_PREFIX = 2;

type Pass = { all: boolean; words: QueryWord[] };

/**
 * The passes a query goes through until one finds something. Fuzzy matching is the costly part of a search and
 * the least precise, so it is tried only when exact and prefix matching find nothing, and only for words long
 * enough for a typo to be told from another word; matching any word instead of every word comes last.
 */
function passesFor(words: readonly string[]): Pass[] {
  const exact = words.map((text, index): QueryWord => {
    const last = index === words.length - 1;
    // Every word may be a beginning; the last one is usually still being typed.
    return { text, prefix: last || text.length >= 3, typos: 0, mainFieldsOnly: last && text.length <= SHORT_PREFIX };
  });
  const typos = exact.map((word) => ({ ...word, typos: word.text.length >= 8 ? 2 : word.text.length >= 4 ? 1 : 0 }));
  return [
    { all: true, words: exact },
    ...(typos.some((word) => word.typos > 0) ? [{ all: true, words: typos }] : []),
    ...(words.length > 1 ? [{ all: false, words: typos }] : []),
  ];
}

type Answer = { hits: SearchHit[]; total: number };

/**
 * A word in more than this share of the talks ("the", "and", "with") says nothing about which talks are alike,
 * and its postings are the longest to read and add up (at 50,000 talks, "the" alone has 25,000): similar talks
 * are found without it, unless every word of the text is that common.
 */
const COMMON_WORD_SHARE = 0.2;

/**
 * Brings in the postings of `terms` in index `segment` before a pass reads them (an index loaded whole has
 * them all, and needs none).
 */
export type LoadPostings = (segment: number, terms: number[]) => Promise<void>;

/** A search over one or more indexes (the bundled catalogue's, and one per imported catalogue), as one. */
export function searchOver(indexes: readonly SearchIndexData[], loadPostings?: LoadPostings): TalkSearch {
  const searchers = indexes.map((data) => new IndexSearcher(data));
  const recent = new Map<string, Answer>();

  const runPass = (pass: Pass, { limit, accept }: SearchOptions): Answer => {
    const merged: SearchHit[] = [];
    let total = 0;
    searchers.forEach((searcher, segment) => {
      const found = searcher.run(pass.words, pass.all, limit, accept && ((doc) => accept(searcher.id(doc))));
      total += found.total;
      for (const { doc, score, terms } of found.hits) merged.push({ id: searcher.id(doc), score, terms, segment, doc });
    });
    return { hits: searchers.length > 1 ? merged.sort((a, b) => b.score - a.score).slice(0, limit) : merged, total };
  };

  // Typing and deleting revisit the same queries; the last few answers are kept (unfiltered ones only).
  const keyOf = (words: readonly string[], { limit, accept }: SearchOptions) =>
    accept ? undefined : `${limit}\u0000${words.join(' ')}`;
  const remember = (key: string | undefined, answer: Answer) => {
    if (!key) return answer;
    recent.set(key, answer);
    if (recent.size > 32) recent.delete(recent.keys().next().value as string);
    return answer;
  };
  const NOTHING: Answer = { hits: [], total: 0 };

  /** Brings in the postings `words` reach in every index (nothing to do for indexes loaded whole). */
  const loadFor = (words: readonly QueryWord[]) =>
    Promise.all(
      searchers.map((searcher, segment) =>
        loadPostings?.(
          segment,
          words.flatMap((word) => searcher.candidates(word).map((candidate) => candidate.term)),
        ),
      ),
    );

  /**
   * A query's passes until one finds something, remembered; before each pass it yields the words that pass reads,
   * for `findLoading` to load their postings (`find` goes straight on: its indexes are loaded whole).
   */
  function* answerOf(query: string, options: SearchOptions): Generator<QueryWord[], Answer, void> {
    const words = tokenize(query);
    const key = keyOf(words, options);
    const known = key && recent.get(key);
    if (words.length === 0 || known) return known || NOTHING;
    for (const pass of passesFor(words)) {
      yield pass.words;
      const answer = runPass(pass, options);
      if (answer.total > 0) return remember(key, answer);
    }
    return remember(key, NOTHING);
  }

  const find = (query: string, options: SearchOptions): Answer => {
    const passes = answerOf(query, options);
    let step = passes.next();
    while (!step.done) step = passes.next();
    return step.value;
  };

  // A later pass (typos, any word) loads only when reached.
  const findLoading = async (query: string, options: SearchOptions): Promise<Answer> => {
    const passes = answerOf(query, options);
    let step = passes.next();
    while (!step.done) {
      await loadFor(step.value);
      step = passes.next();
    }
    return step.value;
  };

  const talkCount = searchers.reduce((sum, searcher) => sum + searcher.documentCount, 0);
  const similarWords = (text: string) => {
    const words = tokenize(text)
      .filter((word) => word.length > 2)
      .map((word): QueryWord => ({ text: word, prefix: false, typos: 0, mainFieldsOnly: false }));
    const telling = words.filter(
      (word) =>
        searchers.reduce((sum, searcher) => sum + searcher.documentsWith(word.text), 0) <=
        COMMON_WORD_SHARE * talkCount,
    );
    return telling.length > 0 ? telling : words;
  };

  const similarAmong = (words: readonly QueryWord[], limit: number) => {
    const merged = searchers.flatMap((searcher, segment) =>
      searcher.run(words, false, limit).hits.map((hit) => ({ ...hit, id: searcher.id(hit.doc), segment })),
    );
    return merged.sort((a, b) => b.score - a.score).slice(0, limit);
  };

  return {
    find,
    findLoading,
    similarTo: (text, limit) => similarAmong(similarWords(text), limit),
    async similarToLoading(text, limit) {
      const words = similarWords(text);
      await loadFor(words);
      return similarAmong(words, limit);
    },
    search: (query, limit = SEARCH_LIMIT) => find(query, { limit }).hits,
  };
}

export function createTalkSearch(documents: readonly SearchDocument[]): TalkSearch {
  return searchOver([buildSearchIndex(documents)]);
}

// Recorded talks are what people come for; an interview mentioned in passing should not outrank them.
const KIND_WEIGHTS: Record<Talk['kind'], number> = { keynote: 1.2, talk: 1.1, interview: 1, podcast: 1 };

/** The text of a catalogue talk, field by field, as the index sees it. */
export function searchDocumentFor(talk: Talk, from: Catalogue): SearchDocument {
  const speakers = speakersOf(talk, from);
  return {
    id: talk.id,
    title: talk.title,
    speakers: speakers.flatMap((speaker) => [speaker.name, ...(speaker.aliases ?? [])]).join(' '),
    organisations: [...new Set(speakers.flatMap((speaker) => speaker.organisation ?? []))].join(' '),
    topics: talk.topics.join(' '),
    summary: talk.summary ?? '',
    context: `${KIND_SEARCH_WORDS[talk.kind]} ${eventOf(talk, from)?.name ?? ''}`,
    weight: KIND_WEIGHTS[talk.kind],
  };
}

export function createCatalogueSearch(from: Catalogue): TalkSearch {
  return createTalkSearch(from.talks.map((talk) => searchDocumentFor(talk, from)));
}

/**
 * The search index of some event files, their talks in file order: an imported catalogue's is built once, when
 * it is imported, then stored.
 */
export function indexEventFiles(
  files: readonly EventFile[],
  /** Their catalogue, when the caller has built it already. */
  from: Catalogue = buildCatalogue(files),
): SearchIndexData {
  return buildSearchIndex(files.flatMap((file) => file.talks).map((talk) => searchDocumentFor(talk, from)));
}
