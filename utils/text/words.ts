// How text is cut into words, shared by the search index (background) and highlighting (every view), so that
// views can mark matched words without carrying the index.

// A word, with apostrophes inside it kept so that "don't" stays one word.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const COMBINING_MARKS = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}'’]+/u;
// Two apostrophes in a row, or one at a word's edge, end the word there.
const APOSTROPHE_RUNS = /['’]{2,}/;
const EDGE_APOSTROPHES = /^['’]+|['’]+$/g;

/** Lower case, accents and apostrophes dropped, a trailing possessive cut: "Slack's" → "slack", "don’t" → "dont". */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
}

/** The normalised words of a text, in order (each as `normalizeWord` would make it). */
export function tokenize(text: string): string[] {
  // Normalising the whole text once is several times faster than word by word, and indexing 50,000 talks
  // tokenizes a few million words; plain ASCII needs no decomposition at all.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "any ASCII character"
  const ascii = /^[\u0000-\u007f]*$/.test(text);
  const lower = (ascii ? text : text.normalize('NFKD').replace(COMBINING_MARKS, '')).toLowerCase();
  // Splitting on what is not a letter, digit or apostrophe is faster than matching each word; apostrophes then
  // only count inside a word ("don’t"), and a trailing possessive is cut ("Slack's" → "slack").
  const words: string[] = [];
  for (const part of lower.split(NOT_WORD)) {
    if (part === '') continue;
    if (!part.includes("'") && !part.includes('’')) {
      words.push(part);
      continue;
    }
    for (const word of part.split(APOSTROPHE_RUNS)) {
      const trimmed = word.replace(EDGE_APOSTROPHES, '');
      if (trimmed) words.push(trimmed.replace(/['’]s$/, '').replace(/['’]/g, ''));
    }
  }
  return words;
}

export interface TextPart {
  text: string;
  match: boolean;
}

/** Splits `text` into runs, marking the words whose normalised form is one of `terms`. */
export function highlightMatches(text: string, terms: ReadonlySet<string>): TextPart[] {
  if (terms.size === 0) return [{ text, match: false }];
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    if (!terms.has(normalizeWord(match[0]))) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/** The longest name, in words, looked for in a video's title. */
export const MAX_NAME_WORDS = 6;

/** Every run of one to `longest` consecutive words, joined by spaces: how a title is checked for a name in it. */
export function* phrasesOf(words: readonly string[], longest: number): Generator<string> {
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= Math.min(words.length, start + longest); end++) {
      yield words.slice(start, end).join(' ');
    }
  }
}
