import { tokenize } from '../../text';
import { SEARCH_INDEX_VERSION, type SearchIndexData } from './layout';

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

/** A growable list of unsigned 32-bit numbers: millions of term numbers without a JS array per document. */
class Numbers {
  values = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/** Builds the index of `documents`; document numbers are their positions. */
export function buildSearchIndex(documents: readonly SearchDocument[]): SearchIndexData {
  const count = documents.length;
  // First pass: every field's words as term numbers, one flat list per field (field f of document d is
  // `fieldTerms[f]` from `fieldStarts[f][d]` to `fieldStarts[f][d + 1]`). Strings die young; the lists hold numbers.
  const termIds = new Map<string, number>();
  const fieldTerms = FIELDS.map(() => new Numbers());
  const fieldStarts = FIELDS.map(() => new Uint32Array(count + 1));
  FIELDS.forEach((field, f) => {
    const terms = fieldTerms[f] as Numbers;
    const starts = fieldStarts[f] as Uint32Array;
    for (let doc = 0; doc < count; doc++) {
      for (const word of tokenizeForIndex((documents[doc] as SearchDocument)[field])) {
        let term = termIds.get(word);
        if (term === undefined) {
          term = termIds.size;
          termIds.set(word, term);
        }
        terms.push(term);
      }
      starts[doc + 1] = terms.length;
    }
  });
  const averageLength = fieldTerms.map((terms) => terms.length / Math.max(1, count) || 1);
  const termCount = termIds.size;

  // Second pass, twice over: the documents each term is in (to place its postings), then per posting the
  // BM25F-weighted frequency over the fields and whether the term occurs outside the summary. "Stamps" (the
  // last document or field that touched a term) instead of a Map per document: these loops see millions of words.
  const docStamp = new Int32Array(termCount).fill(-1);
  const fieldStamp = new Int32Array(termCount).fill(-1);
  const fieldCount = new Uint32Array(termCount);
  const docWeight = new Float64Array(termCount);
  const docMain = new Uint8Array(termCount);
  const postingCount = new Uint32Array(termCount);
  for (let doc = 0; doc < count; doc++) {
    for (let f = 0; f < FIELDS.length; f++) {
      const { values } = fieldTerms[f] as Numbers;
      const starts = fieldStarts[f] as Uint32Array;
      for (let i = starts[doc] as number; i < (starts[doc + 1] as number); i++) {
        const term = values[i] as number;
        if (docStamp[term] !== doc) {
          docStamp[term] = doc;
          postingCount[term] = (postingCount[term] as number) + 1;
        }
      }
    }
  }
  // Each term's postings go to `termPostings[term]` onwards, in document order.
  const termPostings = new Uint32Array(termCount + 1);
  for (let term = 0; term < termCount; term++)
    termPostings[term + 1] = (termPostings[term] as number) + (postingCount[term] as number);
  const total = termPostings[termCount] as number;
  const filled = termPostings.slice(0, termCount);
  const docsOf = new Uint32Array(total);
  const weightsOf = new Float64Array(total);
  const mainOf = new Uint8Array(total);
  docStamp.fill(-1);
  const docTerms = new Numbers();
  const inField = new Numbers();
  for (let doc = 0; doc < count; doc++) {
    docTerms.length = 0;
    FIELDS.forEach((field, f) => {
      const { values } = fieldTerms[f] as Numbers;
      const starts = fieldStarts[f] as Uint32Array;
      const from = starts[doc] as number;
      const to = starts[doc + 1] as number;
      const norm = 1 - B + (B * (to - from)) / (averageLength[f] ?? 1);
      const stamp = doc * FIELDS.length + f;
      inField.length = 0;
      for (let i = from; i < to; i++) {
        const term = values[i] as number;
        if (fieldStamp[term] !== stamp) {
          fieldStamp[term] = stamp;
          fieldCount[term] = 0;
          inField.push(term);
        }
        fieldCount[term] = (fieldCount[term] as number) + 1;
      }
      for (let i = 0; i < inField.length; i++) {
        const term = inField.values[i] as number;
        const tf = fieldCount[term] as number;
        const saturated = (tf * (K1 + 1)) / (tf + K1 * norm);
        if (docStamp[term] !== doc) {
          docStamp[term] = doc;
          docWeight[term] = 0;
          docMain[term] = 0;
          docTerms.push(term);
        }
        docWeight[term] = (docWeight[term] as number) + BOOST[field] * saturated;
        if (field !== 'summary') docMain[term] = 1;
      }
    });
    for (let i = 0; i < docTerms.length; i++) {
      const term = docTerms.values[i] as number;
      const at = filled[term] as number;
      filled[term] = at + 1;
      docsOf[at] = doc;
      weightsOf[at] = docWeight[term] as number;
      mainOf[at] = docMain[term] as number;
    }
  }

  const idStarts: number[] = [0];
  for (const document of documents) idStarts.push((idStarts.at(-1) ?? 0) + document.id.length);

  const sortedTerms = [...termIds.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const termStarts = new Uint32Array(sortedTerms.length + 1);
  const postingStarts = new Uint32Array(sortedTerms.length + 1);
  const summaryStarts = new Uint32Array(sortedTerms.length);
  const postingDocs = new Uint32Array(total);
  const postingImpacts = new Float32Array(total);
  let textLength = 0;
  let at = 0;
  sortedTerms.forEach((text, t) => {
    termStarts[t] = textLength;
    textLength += text.length;
    postingStarts[t] = at;
    const term = termIds.get(text) ?? 0;
    const first = termPostings[term] as number;
    const end = termPostings[term + 1] as number;
    const df = end - first;
    const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
    // Postings in the main fields first, then summary-only ones, each in document order.
    for (const wantMain of [1, 0]) {
      if (!wantMain) summaryStarts[t] = at;
      for (let i = first; i < end; i++) {
        if (mainOf[i] !== wantMain) continue;
        postingDocs[at] = docsOf[i] as number;
        postingImpacts[at] = idf * (weightsOf[i] as number);
        at++;
      }
    }
  });
  termStarts[sortedTerms.length] = textLength;
  postingStarts[sortedTerms.length] = at;

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
  };
}
