import { Charset, Document } from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { createTalkSearch, normalizeWord, type SearchDocument } from '../utils/search';

/** A search engine under test: built once from documents, then asked for ranked ids per keystroke. */
export interface BenchEngine {
  name: string;
  build(documents: readonly SearchDocument[]): (query: string) => readonly string[];
}

const FIELDS = ['title', 'speakers', 'organisations', 'topics', 'summary', 'context'] as const;
const LIMIT = 50;

export const ENGINES: readonly BenchEngine[] = [
  {
    name: 'Talkmark search',
    build(documents) {
      const search = createTalkSearch(documents);
      return (query) => search.search(query).map((hit) => hit.id);
    },
  },
  {
    name: 'MiniSearch 7 (prefix, fuzzy 0.2)',
    build(documents) {
      const index = new MiniSearch<SearchDocument>({
        fields: [...FIELDS],
        searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 4, speakers: 3, organisations: 2, topics: 2 } },
      });
      index.addAll(documents);
      return (query) => index.search(query).map((result) => result.id as string);
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
    name: 'Fuse.js 7',
    build(documents) {
      const fuse = new Fuse([...documents], {
        keys: [
          { name: 'title', weight: 4 },
          { name: 'speakers', weight: 3 },
          { name: 'organisations', weight: 2 },
          { name: 'topics', weight: 2 },
          { name: 'summary', weight: 1 },
        ],
        ignoreLocation: true,
        threshold: 0.35,
      });
      return (query) => fuse.search(query, { limit: LIMIT }).map((result) => result.item.id);
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
