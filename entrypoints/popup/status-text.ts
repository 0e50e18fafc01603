import type { TalkPage, View } from '../../data';
import { type MessageKey, type PluralBase, plural, t } from '../../utils/i18n';

// What the popup says about its list, one whole sentence per case and plural form: on screen and to screen readers.

export function noMatchText(query: string, view: View, filtered: boolean): string {
  const trimmed = query.trim();
  // An empty Favourites or Continue tab says the same to a screen reader as on screen.
  if (view === 'favourites' && !trimmed && !filtered) return t('empty_favourites_title');
  if (view === 'continue' && !trimmed && !filtered) return t('empty_continue_title');
  const keys: Record<View, [withQuery: MessageKey, withBoth: MessageKey, withFilters: MessageKey]> = {
    talks: ['no_talks_match', 'no_talks_match_filtered', 'no_talks_with_filters'],
    favourites: ['no_favourites_match', 'no_favourites_match_filtered', 'no_favourites_with_filters'],
    continue: ['no_continue_match', 'no_continue_match_filtered', 'no_continue_with_filters'],
  };
  const [withQuery, withBoth, withFilters] = keys[view];
  if (!trimmed) return t(withFilters);
  return t(filtered ? withBoth : withQuery, trimmed);
}

/** The count above the list, one whole sentence per case and plural form; a second one when only some are listed. */
export function statusText(page: TalkPage, query: string, view: View, filtered: boolean): string {
  const count = page.total;
  if (count === 0) return noMatchText(query, view, filtered);
  const trimmed = query.trim();
  const base: PluralBase = `status_${view}${trimmed ? '_match' : ''}${filtered ? '_filtered' : ''}`;
  const counted = plural(base, count, trimmed);
  return page.rows.length < count ? `${counted} ${plural('status_more', page.rows.length)}` : counted;
}
