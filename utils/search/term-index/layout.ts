/**
 * The search index as it is stored and loaded: sorted terms and their postings in flat typed arrays, written
 * once per catalogue (when it is imported) and read many times. One structured clone loads it, with no
 * per-term objects to rebuild, which is what lets a service worker that wakes cold answer its first keystroke
 * quickly. Change anything here and bump the version: an index of another version is rebuilt, never misread.
 */
// 2: stored as a dictionary and posting chunks (stored.ts). 3: without the typo tables (made when first needed).
export const SEARCH_INDEX_VERSION = 3;

export interface SearchIndexData {
  version: typeof SEARCH_INDEX_VERSION;
  /** Talk id of document d: `ids.slice(idStarts[d], idStarts[d + 1])` (one string clones faster than 50,000). */
  ids: string;
  idStarts: Uint32Array;
  /** Every indexed word, sorted (code-unit order), concatenated; term t is `terms.slice(termStarts[t], termStarts[t + 1])`. */
  terms: string;
  termStarts: Uint32Array;
  /**
   * Term t's postings are `postingStarts[t]` to `postingStarts[t + 1]`: first those in the title, speakers,
   * organisations, topics or context (up to `summaryStarts[t]`), then those found only in the summary.
   */
  postingStarts: Uint32Array;
  summaryStarts: Uint32Array;
  /** Per posting: the document, and how much the term says about it (BM25F over the fields, idf included). */
  postingDocs: Uint32Array;
  postingImpacts: Float32Array;
  /** Per document: a prior on relevance (recorded talks over interviews). */
  docWeights: Float32Array;
}

/** The letters of a word as a bit set (character code mod 32): a typo lookup compares them first. */
export function lettersOf(text: string, start = 0, end = text.length): number {
  let letters = 0;
  for (let i = start; i < end; i++) letters |= 1 << (text.charCodeAt(i) & 31);
  return letters >>> 0;
}

/** How many documents (talks) an index holds. */
export function documentCount(data: SearchIndexData): number {
  return data.idStarts.length - 1;
}
