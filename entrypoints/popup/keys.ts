/** What a key pressed in the search field does; undefined leaves it to the field. */
export type PopupKeyAction = 'previous' | 'next' | 'open' | 'toggle-star' | 'toggle-watched' | 'clear';

/**
 * The popup's keys, all inside the search field (WCAG 2.1.4: no single-character shortcut anywhere): arrows move
 * the highlighted result, Enter opens it, Ctrl+S / ⌘S stars it ("save it for later"), Ctrl+D / ⌘D marks it watched
 * or unwatched ("done"; the browser's bookmark key is not the page's to take elsewhere), Escape clears the query (a
 * second Escape, with nothing to clear, is the browser's: it closes the popup).
 */
export function popupKeyAction(event: KeyboardEvent, hasQuery: boolean): PopupKeyAction | undefined {
  if (event.key === 'ArrowDown') return 'next';
  if (event.key === 'ArrowUp') return 'previous';
  if (event.key === 'Enter') return 'open';
  if (event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey)) return 'toggle-star';
  if (event.key.toLowerCase() === 'd' && (event.ctrlKey || event.metaKey)) return 'toggle-watched';
  if (event.key === 'Escape' && hasQuery) return 'clear';
  return undefined;
}
