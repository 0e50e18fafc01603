import MiniSearch from 'minisearch';
import { createTalkSearch, type SearchDocument } from '../utils/search';

/** A search engine under test: built once from documents, then asked for ranked ids per keystroke. */
export interface BenchEngine {
  name: string;
  build(documents: readonly SearchDocument[]): (query: string) => readonly unknown[];
}

const FIELDS = ['title', 'speakers', 'organisations', 'topics', 'summary', 'context'];

export const ENGINES: readonly BenchEngine[] = [
  {
    name: 'Talkmark search',
    build(documents) {
      const search = createTalkSearch(documents);
      return (query) => search.search(query);
    },
  },
  {
    name: 'MiniSearch (prefix, fuzzy 0.2)',
    build(documents) {
      const index = new MiniSearch<SearchDocument>({
        fields: FIELDS,
        searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 4, speakers: 3 } },
      });
      index.addAll(documents);
      return (query) => index.search(query);
    },
  },
];
