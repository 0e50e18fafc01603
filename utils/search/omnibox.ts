import { type Catalogue, speakersOf, talkUrl } from '../../data';
import { highlightMatches } from '../text';
import type { TalkSearch } from './talk-search';

export interface OmniboxSuggestion {
  /** What the address bar shows when the suggestion is highlighted, and what Enter hands back: the talk's URL. */
  content: string;
  description: string;
}

const MAX_SUGGESTIONS = 6;

/**
 * Address-bar suggestions for `query`, best first. With `markup`, matched words are wrapped in <match> (Chrome
 * renders the omnibox's XML markup; Firefox shows descriptions as plain text). `listOf` joins speakers' names as
 * the person's language does ("A and B", "A und B").
 */
export function omniboxSuggestions(
  query: string,
  search: TalkSearch,
  from: Catalogue,
  markup: boolean,
  listOf: (items: string[]) => string,
): OmniboxSuggestion[] {
  return search
    .search(query)
    .slice(0, MAX_SUGGESTIONS)
    .flatMap((hit) => {
      const talk = from.talksById.get(hit.id);
      const url = talk && talkUrl(talk);
      if (!talk || !url) return [];
      const terms = new Set(hit.terms);
      const title = markup
        ? highlightMatches(talk.title, terms)
            .map((part) => (part.match ? `<match>${escapeXml(part.text)}</match>` : escapeXml(part.text)))
            .join('')
        : talk.title;
      const speakers = listOf(speakersOf(talk, from).map((speaker) => speaker.name));
      return [
        {
          content: url,
          description: markup ? `${title} <dim>— ${escapeXml(speakers)}</dim>` : `${title} — ${speakers}`,
        },
      ];
    });
}

/** Where Enter in the address bar goes: a suggestion's URL as is, else the best match, else the search page. */
export function omniboxDestination(
  text: string,
  search: TalkSearch,
  from: Catalogue,
  searchPage: (q: string) => string,
): string {
  const trimmed = text.trim();
  if (from.talks.some((talk) => talkUrl(talk) === trimmed)) return trimmed;
  const best = search.search(trimmed)[0];
  const talk = best && from.talksById.get(best.id);
  return (talk && talkUrl(talk)) || searchPage(trimmed);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
