import { tokenize } from '../words';
import { lettersOf, SEARCH_INDEX_VERSION, type SearchIndexData } from './layout';

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

export const FIELDS = ['title', 'speakers', 'organisations', 'topics', 'summary', 'context'] as const;
type Field = (typeof FIELDS)[number];

// Title over speakers over organisation and topics over summary, as a person scanning a list would weigh them.
const BOOST: Record<Field, number> = { title: 4, speakers: 3, organisations: 2, topics: 2, summary: 1, context: 1 };

// BM25's usual constants: how fast repeated words stop adding, and how much a long field is discounted.
const K1 = 1.2;
const B = 0.7;

/** Indexed text also yields the joined form of hyphenated words, so `geopartitioning` finds "geo-partitioning". */
export function tokenizeForIndex(text: string): string[] {
  const words = tokenize(text);
  if (!text.includes('-')) return words;
  for (const compound of text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []) {
    words.push(...tokenize(compound.replaceAll('-', '')));
  }
  return words;
}

/** Builds the index of `documents`; document numbers are their positions. */
export function buildSearchIndex(documents: readonly SearchDocument[]): SearchIndexData {
  const count = documents.length;
  const fieldWords = FIELDS.map((field) => documents.map((document) => tokenizeForIndex(document[field])));
  const averageLength = fieldWords.map(
    (perDocument) => perDocument.reduce((sum, words) => sum + words.length, 0) / Math.max(1, count) || 1,
  );

  // Per term, its postings as they are found (documents in order): the document, the BM25F-weighted frequency
  // over the fields, and whether the term occurs outside the summary. Flat arrays with "stamps" (the last
  // document or field that touched a term) instead of a Map per document: this loop sees millions of words.
  const termIds = new Map<string, number>();
  const postings: Array<{ docs: number[]; weights: number[]; main: boolean[] }> = [];
  const docStamp: number[] = [];
  const fieldStamp: number[] = [];
  const fieldCount: number[] = [];
  const docWeight: number[] = [];
  const docMain: boolean[] = [];
  for (let doc = 0; doc < count; doc++) {
    const docTerms: number[] = [];
    FIELDS.forEach((field, f) => {
      const words = fieldWords[f]?.[doc] ?? [];
      const norm = 1 - B + (B * words.length) / (averageLength[f] ?? 1);
      const fieldTerms: number[] = [];
      const stamp = doc * FIELDS.length + f;
      for (const word of words) {
        let term = termIds.get(word);
        if (term === undefined) {
          term = postings.length;
          termIds.set(word, term);
          postings.push({ docs: [], weights: [], main: [] });
          docStamp.push(-1);
          fieldStamp.push(-1);
          fieldCount.push(0);
          docWeight.push(0);
          docMain.push(false);
        }
        if (fieldStamp[term] !== stamp) {
          fieldStamp[term] = stamp;
          fieldCount[term] = 0;
          fieldTerms.push(term);
        }
        fieldCount[term] = (fieldCount[term] ?? 0) + 1;
      }
      for (const term of fieldTerms) {
        const tf = fieldCount[term] ?? 0;
        const saturated = (tf * (K1 + 1)) / (tf + K1 * norm);
        if (docStamp[term] !== doc) {
          docStamp[term] = doc;
          docWeight[term] = 0;
          docMain[term] = false;
          docTerms.push(term);
        }
        docWeight[term] = (docWeight[term] ?? 0) + BOOST[field] * saturated;
        if (field !== 'summary') docMain[term] = true;
      }
    });
    for (const term of docTerms) {
      const list = postings[term];
      if (!list) continue;
      list.docs.push(doc);
      list.weights.push(docWeight[term] ?? 0);
      list.main.push(docMain[term] ?? false);
    }
  }

  const idStarts: number[] = [0];
  for (const document of documents) idStarts.push((idStarts.at(-1) ?? 0) + document.id.length);

  const sortedTerms = [...termIds.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const termStarts = new Uint32Array(sortedTerms.length + 1);
  const postingStarts = new Uint32Array(sortedTerms.length + 1);
  const summaryStarts = new Uint32Array(sortedTerms.length);
  const total = postings.reduce((sum, list) => sum + list.docs.length, 0);
  const postingDocs = new Uint32Array(total);
  const postingImpacts = new Float32Array(total);
  let textLength = 0;
  let at = 0;
  sortedTerms.forEach((term, t) => {
    termStarts[t] = textLength;
    textLength += term.length;
    postingStarts[t] = at;
    const list = postings[termIds.get(term) ?? -1];
    if (!list) return;
    const df = list.docs.length;
    const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
    // Postings in the main fields first, then summary-only ones, each in document order.
    for (const wantMain of [true, false]) {
      if (!wantMain) summaryStarts[t] = at;
      for (let i = 0; i < df; i++) {
        if (list.main[i] !== wantMain) continue;
        postingDocs[at] = list.docs[i] ?? 0;
        postingImpacts[at] = idf * (list.weights[i] ?? 0);
        at++;
      }
    }
  });
  termStarts[sortedTerms.length] = textLength;
  postingStarts[sortedTerms.length] = at;

  const byLength = sortedTerms
    .map((_, t) => t)
    .sort((a, b) => (sortedTerms[a]?.length ?? 0) - (sortedTerms[b]?.length ?? 0) || a - b);
  const longest = sortedTerms.reduce((max, term) => Math.max(max, term.length), 0);
  const lengthStarts = new Uint32Array(longest + 2);
  let position = 0;
  for (let length = 0; length <= longest + 1; length++) {
    while (position < byLength.length && (sortedTerms[byLength[position] ?? 0]?.length ?? 0) < length) position++;
    lengthStarts[length] = position;
  }

  return {
    version: SEARCH_INDEX_VERSION,
    ids: documents.map((document) => document.id).join(''),
    idStarts: Uint32Array.from({ length: count + 1 }, (_, d) => idStarts[d] ?? 0),
    terms: sortedTerms.join(''),
    termStarts,
    postingStarts,
    summaryStarts,
    postingDocs,
    postingImpacts,
    docWeights: Float32Array.from(documents, (document) => document.weight ?? 1),
    termsByLength: Uint32Array.from(byLength),
    termLetters: Uint32Array.from(sortedTerms, (term) => lettersOf(term)),
    lengthStarts,
  };
}
