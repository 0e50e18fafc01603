import { Charset, Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import { buildSearchIndex, joinIndex, type SearchDocument, searchOver, splitIndex } from '../utils/search';
import { normalizeWord } from '../utils/text';

type Search = (query: string) => readonly string[];

/** A search engine under test: built once from documents, then asked for ranked ids per keystroke. */
export interface BenchEngine {
  name: string;
  build(documents: readonly SearchDocument[]): Search;
  /**
   * Where the engine can persist what it built: the stored form, and how a cold start gets from it to a
   * search (timed by the benchmark). Talkmark's is structured clones (what IndexedDB makes) of its dictionary and
   * every posting chunk, joined with the talk ids, as the background loads it.
   */
  persisted?(documents: readonly SearchDocument[]): { stored: unknown; load(stored: unknown): Search };
}

const FIELDS = ['title', 'speakers', 'organisations', 'topics', 'summary', 'context'] as const;
const LIMIT = 50;

const MINISEARCH_OPTIONS = {
  fields: [...FIELDS],
  searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 4, speakers: 3, organisations: 2, topics: 2 } },
};

function miniSearch(documents: readonly SearchDocument[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
  index.addAll(documents);
  return index;
}

export const ENGINES: readonly BenchEngine[] = [
  {
    name: 'Talkmark search',
    build(documents) {
      const search = searchOver([buildSearchIndex(documents)]);
      return (query) => search.search(query).map((hit) => hit.id);
    },
    persisted(documents) {
      const ids = documents.map((document) => document.id);
      return {
        stored: splitIndex(buildSearchIndex(documents)),
        load(stored) {
          const { dictionary, chunks } = stored as ReturnType<typeof splitIndex>;
          const index = joinIndex(
            structuredClone(dictionary),
            chunks.map((chunk) => structuredClone(chunk)),
            ids,
          );
          const search = searchOver([index]);
          return (query) => search.search(query).map((hit) => hit.id);
        },
      };
    },
  },
  {
    name: 'MiniSearch 7 (prefix, fuzzy 0.2)',
    build(documents) {
      const index = miniSearch(documents);
      return (query) => index.search(query).map((result) => result.id as string);
    },
    persisted(documents) {
      return {
        stored: JSON.stringify(miniSearch(documents)),
        load(stored) {
          const index = MiniSearch.loadJSON<SearchDocument>(stored as string, MINISEARCH_OPTIONS);
          return (query) => index.search(query).map((result) => result.id as string);
        },
      };
    },
  },
  {
    name: 'FlexSearch 0.8 (forward, LatinAdvanced)',
    build(documents) {
      const index = new Document({
        document: {
          id: 'id',
          index: FIELDS.map((field) => ({ field, tokenize: 'forward' as const, encoder: Charset.LatinAdvanced })),
        },
      });
      for (const document of documents) index.add({ ...document });
      return (query) => {
        // Fields in order of importance; the first field to name a talk ranks it.
        const results = index.search(query, { limit: LIMIT, suggest: true });
        const ids = new Set<string>();
        for (const field of FIELDS) {
          for (const id of results.find((result) => result.field === field)?.result ?? []) ids.add(String(id));
        }
        return [...ids].slice(0, LIMIT);
      };
    },
  },
  {
    name: 'Substring filter (baseline)',
    build(documents) {
      const texts = documents.map((document) => ({
        id: document.id,
        text: FIELDS.map((field) => document[field])
          .join(' ')
          .toLowerCase(),
      }));
      return (query) => {
        const words = query.toLowerCase().split(/\s+/).filter(Boolean).map(normalizeWord);
        const ids: string[] = [];
        for (const { id, text } of texts) {
          if (words.every((word) => text.includes(word))) ids.push(id);
          if (ids.length === LIMIT) break;
        }
        return ids;
      };
    },
  },
];
