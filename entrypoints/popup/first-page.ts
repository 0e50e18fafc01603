import type { FilterChoices, TalkPage } from '../../data';

/**
 * What the popup showed last time it opened with nothing typed: its first rows and the filter choices, kept in
 * the popup's own localStorage (read synchronously, before any message), so the next popup shows them at its
 * first render while the background (perhaps just woken, with 50,000 talks to load) answers. The answer then
 * replaces them; nothing is ever acted on from here but what is shown.
 */
interface FirstPage {
  version: 1;
  page: TalkPage;
  choices: FilterChoices;
}

const KEY = 'talkmark:first-page';

export function readFirstPage(): Omit<FirstPage, 'version'> | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as FirstPage | null;
    return stored?.version === 1 && Array.isArray(stored.page?.rows) && Array.isArray(stored.choices?.events)
      ? stored
      : undefined;
  } catch {
    return undefined;
  }
}

// A screenful: the first render is the one that must be quick, and the background's answer brings the rest.
const ROWS_KEPT = 12;

export function saveFirstPage(page: TalkPage, choices: FilterChoices): void {
  try {
    const first = { ...page, rows: page.rows.slice(0, ROWS_KEPT) };
    localStorage.setItem(KEY, JSON.stringify({ version: 1, page: first, choices } satisfies FirstPage));
  } catch {
    // Storage full or unavailable: the next popup waits for the background, as it would without this.
  }
}
