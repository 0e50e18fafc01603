// Typed arrays are read within bounds fixed when the index was built, so the hot loops below index them with `!`
// (biome.json allows it in this folder only).
import { documentCount, lettersOf, type SearchIndexData } from './layout';
import { TopK } from './top-k';
import { boundedEditDistance, popCount, type TypoTables, typoTablesOf } from './typos';

/** One query word as the index is asked for it. */
export interface QueryWord {
  text: string;
  /** Also match words that start with it. */
  prefix: boolean;
  /** Also match words this many edits away (0: none). */
  typos: number;
  /** Match only outside the summary (a one- or two-letter word being typed: summary matches are noise). */
  mainFieldsOnly: boolean;
}

export interface SegmentHit {
  doc: number;
  score: number;
  /** The indexed words it matched, one per query word it matched. */
  terms: string[];
}

// How much a match counts against an exact one; prefix and typo matches of long words count for less still
// (MiniSearch's weighting, which the labelled queries were tuned with).
const PREFIX_WEIGHT = 0.75;
const TYPO_WEIGHT = 0.5;
/** Query words beyond this many are ignored: nobody types more, and it bounds the per-document bookkeeping. */
export const MAX_QUERY_WORDS = 16;

/**
 * Searches one index. Scores are accumulated in flat arrays sized to the documents and reused across queries,
 * so a keystroke allocates almost nothing; the cost is the postings of the terms its words expand to.
 */
export class IndexSearcher {
  readonly data: SearchIndexData;
  private readonly termCount: number;
  private readonly score: Float32Array;
  private readonly matched: Uint8Array;
  private readonly best: Float32Array;
  private readonly bestTerm: Int32Array;
  /** Per document and query word, the term it matched plus one (0: none), so that a new array needs no filling. */
  private readonly docTerms: Uint32Array;
  private readonly touched: Uint32Array;
  private readonly firstTouched: Uint32Array;
  /** Made on the first typo lookup: most searches never need them, and a cold popup should not pay for them. */
  private typoTables?: TypoTables;

  constructor(data: SearchIndexData) {
    this.data = data;
    this.termCount = data.termStarts.length - 1;
    const count = documentCount(data);
    this.score = new Float32Array(count);
    this.matched = new Uint8Array(count);
    this.best = new Float32Array(count);
    this.bestTerm = new Int32Array(count);
    this.docTerms = new Uint32Array(count * MAX_QUERY_WORDS);
    this.touched = new Uint32Array(count);
    this.firstTouched = new Uint32Array(count);
  }

  get documentCount(): number {
    return documentCount(this.data);
  }

  /** How many documents have this very word (its postings: one per document). */
  documentsWith(word: string): number {
    const t = this.lowerBound(word);
    if (t >= this.termCount || this.term(t) !== word) return 0;
    return this.data.postingStarts[t + 1]! - this.data.postingStarts[t]!;
  }

  /** The talk id of a document. */
  id(doc: number): string {
    return this.data.ids.slice(this.data.idStarts[doc], this.data.idStarts[doc + 1]);
  }

  term(t: number): string {
    return this.data.terms.slice(this.data.termStarts[t], this.data.termStarts[t + 1]);
  }

  /** The first term not before `word` in the sorted dictionary. */
  private lowerBound(word: string): number {
    let low = 0;
    let high = this.termCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.term(middle) < word) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  // The words of a query are looked up again on every keystroke and in each pass: the last few are kept.
  private readonly recentCandidates = new Map<string, Array<{ term: number; weight: number }>>();

  /** The terms a query word matches, each with how much a match through it counts. */
  candidates(word: QueryWord): Array<{ term: number; weight: number }> {
    const key = `${word.prefix ? 'p' : 'e'}${word.typos} ${word.text}`;
    let found = this.recentCandidates.get(key);
    if (!found) {
      found = this.lookUp(word);
      this.recentCandidates.set(key, found);
      if (this.recentCandidates.size > 64)
        this.recentCandidates.delete(this.recentCandidates.keys().next().value as string);
    }
    return found;
  }

  private lookUp(word: QueryWord): Array<{ term: number; weight: number }> {
    const found: Array<{ term: number; weight: number }> = [];
    const start = this.lowerBound(word.text);
    let exact = false;
    if (start < this.termCount && this.term(start) === word.text) {
      found.push({ term: start, weight: 1 });
      exact = true;
    }
    if (word.prefix) {
      const end = this.lowerBound(`${word.text}\uffff`);
      for (let t = exact ? start + 1 : start; t < end; t++) {
        const length = this.data.termStarts[t + 1]! - this.data.termStarts[t]!;
        const distance = length - word.text.length;
        found.push({ term: t, weight: (PREFIX_WEIGHT * length) / (length + 0.3 * distance) });
      }
    }
    if (word.typos > 0 && !exact) {
      const seen = new Set(found.map((candidate) => candidate.term));
      for (const [term, distance] of this.withinEdits(word.text, word.typos)) {
        if (seen.has(term)) continue;
        const length = this.data.termStarts[term + 1]! - this.data.termStarts[term]!;
        found.push({ term, weight: (TYPO_WEIGHT * length) / (length + distance) });
      }
    }
    return found;
  }

  /** Terms at most `limit` edits (a swap of neighbours is one) from `word`: only terms of nearby lengths are compared. */
  private withinEdits(word: string, limit: number): Array<[term: number, distance: number]> {
    const { terms, termStarts } = this.data;
    this.typoTables ??= typoTablesOf(this.data);
    const { termsByLength, termLetters, lengthStarts } = this.typoTables;
    const wordLetters = lettersOf(word);
    const found: Array<[number, number]> = [];
    const longest = lengthStarts.length - 2;
    const from = lengthStarts[Math.max(0, word.length - limit)] ?? 0;
    const to = lengthStarts[Math.min(longest + 1, word.length + limit + 1)] ?? termsByLength.length;
    const rows = new Int32Array(3 * (word.length + 1));
    for (let i = from; i < to; i++) {
      const t = termsByLength[i]!;
      // Each edit brings in at most one letter the other lacks: too many differing letters cannot be a typo.
      if (popCount(termLetters[t]! & ~wordLetters) > limit || popCount(wordLetters & ~termLetters[t]!) > limit)
        continue;
      const distance = boundedEditDistance(word, terms, termStarts[t]!, termStarts[t + 1]!, limit, rows);
      if (distance <= limit) found.push([t, distance]);
    }
    return found;
  }

  /**
   * Documents that match every word (`all`) or any word, with their scores and matched terms, best first and at
   * most `limit`; `accept` (by document) filters before the limit, and `total` counts every accepted match.
   */
  run(
    words: readonly QueryWord[],
    all: boolean,
    limit: number,
    accept?: (doc: number) => boolean,
  ): { hits: SegmentHit[]; total: number } {
    const used = words.slice(0, MAX_QUERY_WORDS);
    const { postingStarts, summaryStarts, postingDocs, postingImpacts } = this.data;
    const { score, matched, best, bestTerm, docTerms, touched, firstTouched } = this;
    let firstCount = 0;
    let alive = 0;
    for (let w = 0; w < used.length; w++) {
      const word = used[w]!;
      let count = 0;
      for (const { term, weight } of this.candidates(word)) {
        const end = word.mainFieldsOnly ? summaryStarts[term]! : postingStarts[term + 1]!;
        for (let p = postingStarts[term]!; p < end; p++) {
          const doc = postingDocs[p]!;
          // Matching every word: a document must have matched all the words before this one.
          if (all && matched[doc] !== w) continue;
          const value = postingImpacts[p]! * weight;
          if (best[doc] === 0) touched[count++] = doc;
          if (value > best[doc]!) {
            best[doc] = value;
            bestTerm[doc] = term;
          }
        }
      }
      for (let i = 0; i < count; i++) {
        const doc = touched[i]!;
        if (!all && matched[doc] === 0 && score[doc] === 0) firstTouched[firstCount++] = doc;
        score[doc]! += best[doc]!;
        matched[doc]! += 1;
        docTerms[doc * MAX_QUERY_WORDS + w] = bestTerm[doc]! + 1;
        best[doc] = 0;
      }
      if (all) {
        if (w === 0) {
          firstTouched.set(touched.subarray(0, count));
          firstCount = count;
        }
        alive = count;
        if (count === 0) break;
      }
    }

    // Collect, filter and rank what matched; then leave the arrays clean for the next query.
    const selected: SegmentHit[] = [];
    const heap = new TopK(limit);
    let total = 0;
    const needed = all ? used.length : 1;
    for (let i = 0; i < firstCount; i++) {
      const doc = firstTouched[i]!;
      if (alive > 0 || !all) {
        if (matched[doc]! >= needed && (!accept || accept(doc))) {
          total++;
          heap.push(doc, score[doc]! * this.data.docWeights[doc]!);
        }
      }
    }
    for (const { doc, value } of heap.sorted()) {
      const terms: string[] = [];
      for (let w = 0; w < used.length; w++) {
        const term = docTerms[doc * MAX_QUERY_WORDS + w]!;
        if (term > 0) terms.push(this.term(term - 1));
      }
      selected.push({ doc, score: value, terms: [...new Set(terms)] });
    }
    for (let i = 0; i < firstCount; i++) {
      const doc = firstTouched[i]!;
      score[doc] = 0;
      matched[doc] = 0;
      docTerms.fill(0, doc * MAX_QUERY_WORDS, doc * MAX_QUERY_WORDS + used.length);
    }
    return { hits: selected, total };
  }
}
