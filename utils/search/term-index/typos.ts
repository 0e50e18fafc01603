// Typed arrays are read within bounds fixed when the index was built, so the hot loops below index them with `!`
// (biome.json allows it in this folder only).
import { lettersOf, type SearchIndexData } from './layout';

/** What typo lookups read besides the terms: each term's letters, and the terms by length. */
export interface TypoTables {
  /**
   * Per term, a bit per letter it contains (by character code mod 32): one edit adds at most one letter, so a
   * term with more letters than typos that the query word lacks cannot be a typo of it, and is skipped unread.
   */
  termLetters: Uint32Array;
  /** Term numbers ordered by length (then number), with where each length starts: only nearby lengths are read. */
  termsByLength: Uint32Array;
  lengthStarts: Uint32Array;
}

/**
 * Made from the terms in a few milliseconds at 50,000 talks (a counting sort by length), rather than stored: the
 * stored dictionary, which a cold popup reads before its first answer, is a fifth smaller without them.
 */
export function typoTablesOf({ terms, termStarts }: SearchIndexData): TypoTables {
  const termCount = termStarts.length - 1;
  const termLetters = new Uint32Array(termCount);
  let longest = 0;
  for (let t = 0; t < termCount; t++) {
    termLetters[t] = lettersOf(terms, termStarts[t]!, termStarts[t + 1]!);
    longest = Math.max(longest, termStarts[t + 1]! - termStarts[t]!);
  }
  // lengthStarts[n] is where terms of length n start; one more entry ends the longest.
  const lengthStarts = new Uint32Array(longest + 2);
  for (let t = 0; t < termCount; t++) lengthStarts[termStarts[t + 1]! - termStarts[t]! + 1]! += 1;
  for (let n = 1; n < lengthStarts.length; n++) lengthStarts[n]! += lengthStarts[n - 1]!;
  const termsByLength = new Uint32Array(termCount);
  const next = lengthStarts.slice();
  for (let t = 0; t < termCount; t++) termsByLength[next[termStarts[t + 1]! - termStarts[t]!]!++] = t;
  return { termLetters, termsByLength, lengthStarts };
}

/**
 * Edit distance between `word` and `text.slice(start, end)`, counting a swap of two neighbouring letters as one
 * edit (the optimal string alignment distance: "krenel" is one typo from "kernel"), or `limit + 1` as soon as it
 * must exceed `limit`. Three rows of the table, reused; no string is cut out of the dictionary.
 */
export function boundedEditDistance(
  word: string,
  text: string,
  start: number,
  end: number,
  limit: number,
  rows: Int32Array = new Int32Array(3 * (word.length + 1)),
): number {
  const m = word.length;
  const n = end - start;
  if (Math.abs(m - n) > limit) return limit + 1;
  const width = m + 1;
  // Rows j-2, j-1 and j of the table, in turn.
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let i = 0; i <= m; i++) rows[previous + i] = i;
  for (let j = 1; j <= n; j++) {
    const char = text.charCodeAt(start + j - 1);
    const previousChar = j > 1 ? text.charCodeAt(start + j - 2) : -1;
    rows[current] = j;
    let smallest = j;
    for (let i = 1; i <= m; i++) {
      const wordChar = word.charCodeAt(i - 1);
      const cost = wordChar === char ? 0 : 1;
      let value = Math.min(rows[previous + i]! + 1, rows[current + i - 1]! + 1, rows[previous + i - 1]! + cost);
      if (i > 1 && j > 1 && wordChar === previousChar && word.charCodeAt(i - 2) === char) {
        value = Math.min(value, rows[before + i - 2]! + 1);
      }
      rows[current + i] = value;
      if (value < smallest) smallest = value;
    }
    if (smallest > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return rows[previous + m]!;
}

export function popCount(bits: number): number {
  let value = bits >>> 0;
  value -= (value >>> 1) & 0x55555555;
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (((value + (value >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
