import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { type Catalogue, eventOf, KIND_SEARCH_WORDS, speakersOf } from '../data/catalogue';
import type { Talk } from '../data/schema';
import { normalizeWord, tokenize } from './words';

export { highlightMatches, normalizeWord, type TextPart, tokenize } from './words';

/** What the index knows of one talk: plain text per field, so the index needs no catalogue types. */
export interface SearchDocument {
  id: string;
  title: string;
  /** Speakers' names and the other names the source uses for them. */
  speakers: string;
  organisations: string;
  topics: string;
  summary: string;
  /** Kind and event, so `keynote` or `kubecon` find something. */
  context: string;
  /** A prior on relevance, 1 when absent: breaks near-ties in favour of what people come for. */
  weight?: number;
}

export interface SearchHit {
  id: string;
  score: number;
  /** The indexed words the query matched, normalised, for highlighting. */
  terms: string[];
}

export interface TalkSearch {
  /** Talks matching `query`, best first, at most `limit` of them; an empty list for a blank query. */
  search(query: string, limit?: number): SearchHit[];
}

const FIELDS = ['title', 'speakers', 'organisations', 'topics', 'summary', 'context'] as const;

// Title over speakers over organisation and topics over summary, as a person scanning a list would weigh them.
const BOOST: Record<(typeof FIELDS)[number], number> = {
  title: 4,
  speakers: 3,
  organisations: 2,
  topics: 2,
  summary: 1,
  context: 1,
};

// Indexed text also yields the joined form of hyphenated words, so `geopartitioning` finds "geo-partitioning".
function tokenizeForIndex(text: string): string[] {
  const words = tokenize(text);
  for (const compound of text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []) {
    words.push(normalizeWord(compound.replaceAll('-', '')));
  }
  return words;
}

// Fuzzy matching is the costly part of a search and the least precise, so it is tried only when exact and
// prefix matching find nothing, and only for words long enough for a typo to be told from another word.
const exactAndPrefix: SearchOptions = {
  combineWith: 'AND',
  // Every word may be a beginning; the last one is usually still being typed.
  prefix: (term, index, terms) => index === terms.length - 1 || term.length >= 3,
};

const withTypos: SearchOptions = {
  ...exactAndPrefix,
  fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : false),
  weights: { fuzzy: 0.5, prefix: 0.75 },
};

const anyWordWithTypos: SearchOptions = { ...withTypos, combineWith: 'OR' };

/** How many hits a search returns unless asked for more: enough for the address bar and the panel. */
const SEARCH_LIMIT = 50;

// A last word this short ("s", "da") is the start of a word being typed. Expanding it inside the index would
// score most of a large catalogue on every first keystroke, so instead the talks found for the words before it
// (or, with none, all talks in catalogue order) are filtered to those with a word that starts with it.
const SHORT_PREFIX = 2;

// Fields whose words a short prefix is matched against: a single letter matching a summary word is noise.
const PREFIX_FIELDS = ['title', 'speakers', 'organisations', 'topics', 'context'] as const;

export function createTalkSearch(documents: readonly SearchDocument[]): TalkSearch {
  const index = new MiniSearch<SearchDocument>({
    fields: [...FIELDS],
    tokenize: tokenizeForIndex,
    processTerm: (term) => term,
    searchOptions: { boost: BOOST, tokenize, processTerm: (term) => term },
  });
  index.addAll(documents);
  const weights = new Map(documents.map((document) => [document.id, document.weight ?? 1]));
  const boostDocument = (id: string) => weights.get(id) ?? 1;

  // " word word …" per talk, so that "does a word start with p" is one substring test.
  const wordStarts = new Map(
    documents.map((document) => [
      document.id,
      ` ${PREFIX_FIELDS.flatMap((field) => tokenize(document[field])).join(' ')}`,
    ]),
  );
  const browseOrder: SearchHit[] = documents
    .map((document, position) => ({ document, position }))
    .sort((a, b) => (b.document.weight ?? 1) - (a.document.weight ?? 1) || a.position - b.position)
    .map(({ document }) => ({ id: document.id, score: 0, terms: [] }));

  // Every word of every field, the joined forms of compounds too, so a refined query sees what the index saw.
  const allWords = new Map(
    documents.map((document) => [
      document.id,
      ` ${FIELDS.flatMap((field) => tokenizeForIndex(document[field])).join(' ')}`,
    ]),
  );

  interface Found {
    hits: SearchHit[];
    /** Found by exact and prefix matching alone, so a longer last word can only narrow them. */
    narrowable: boolean;
  }

  const searchIndex = (query: string): Found => {
    for (const options of [exactAndPrefix, withTypos, anyWordWithTypos]) {
      const results = index.search(query, { ...options, boostDocument });
      if (results.length > 0) return { hits: results.map(toHit), narrowable: options === exactAndPrefix };
    }
    return { hits: [], narrowable: false };
  };

  // Typing extends the previous query, so most keystrokes only narrow what the last one found: "vites" keeps
  // the talks "vite" found that have a word starting with "vites". Scores and matched words stay those of the
  // shorter query: the words are a superset of the longer query's, which highlighting tolerates.
  const narrow = (found: Found, longer: string): Found => ({
    narrowable: true,
    hits: found.hits.filter((hit) => allWords.get(hit.id)?.includes(` ${longer}`)),
  });

  const recent = new Map<string, Found>();
  const remember = (query: string, found: Found): Found => {
    recent.set(query, found);
    if (recent.size > 16) recent.delete(recent.keys().next().value as string);
    return found;
  };

  const searchWords = (words: readonly string[]): SearchHit[] => {
    if (words.length === 0) return browseOrder;
    const query = words.join(' ');
    const known = recent.get(query);
    if (known) return known.hits;
    const head = words.slice(0, -1);
    const last = words.at(-1) ?? '';
    for (let length = last.length - 1; length > SHORT_PREFIX; length--) {
      const shorter = recent.get([...head, last.slice(0, length)].join(' '));
      if (!shorter) continue;
      if (shorter.narrowable) {
        const narrowed = narrow(shorter, last);
        if (narrowed.hits.length > 0) return remember(query, narrowed).hits;
      }
      break;
    }
    return remember(query, searchIndex(query)).hits;
  };

  return {
    search(query, limit = SEARCH_LIMIT) {
      const words = tokenize(query);
      const last = words.at(-1);
      if (last === undefined) return [];
      if (last.length > SHORT_PREFIX) return searchWords(words).slice(0, limit);

      const hits: SearchHit[] = [];
      for (const hit of searchWords(words.slice(0, -1))) {
        const text = wordStarts.get(hit.id) ?? '';
        if (!text.includes(` ${last}`)) continue;
        const started = text.split(' ').filter((word) => word.startsWith(last));
        hits.push({ ...hit, terms: [...hit.terms, ...started] });
        if (hits.length === limit) break;
      }
      return hits;
    },
  };
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

function toHit(result: SearchResult): SearchHit {
  return { id: result.id as string, score: result.score, terms: result.terms };
}
