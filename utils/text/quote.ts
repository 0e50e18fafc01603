// A file may say anything: a sentence quotes at most this much of it (a 600 KB title once made a 720,000-character
// notice).
const QUOTED_LENGTH = 80;

/** Text from a file, cut to a length a sentence can carry. */
export function quoteFromFile(text: string): string {
  return text.length > QUOTED_LENGTH ? `${text.slice(0, QUOTED_LENGTH)}…` : text;
}
