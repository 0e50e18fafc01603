// How text is cut into words, shared by the search index (background) and highlighting (every view), so that
// views can mark matched words without carrying the index.

// A word, with apostrophes inside it kept so that "don't" stays one word.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const COMBINING_MARKS = /\p{M}/gu;

/** Lower case, accents and apostrophes dropped, a trailing possessive cut: "Slack's" → "slack", "don’t" → "dont". */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
}

/** The normalised words of a text, in order. */
export function tokenize(text: string): string[] {
  return Array.from(text.matchAll(WORD), (match) => normalizeWord(match[0]));
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
