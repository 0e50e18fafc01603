import type { View } from '../../data';
import { shortcutName, t } from '../../utils/i18n';
import { noMatchText } from './status-text';

/** What the list area shows when nothing matches: why, and a way out. */
export function EmptyState(props: { query: string; view: View; filtered: boolean; onClearFilters(): void }) {
  if (props.view === 'favourites' && !props.query.trim() && !props.filtered) {
    return (
      <div class="empty">
        <p class="empty-title">{t('empty_favourites_title')}</p>
        <p>{t('empty_favourites_hint', shortcutName('S'))}</p>
      </div>
    );
  }
  if (props.view === 'continue' && !props.query.trim() && !props.filtered) {
    return (
      <div class="empty">
        <p class="empty-title">{t('empty_continue_title')}</p>
        <p>{t('empty_continue_hint')}</p>
      </div>
    );
  }
  return (
    <div class="empty">
      <p class="empty-title">{noMatchText(props.query, props.view, props.filtered)}</p>
      <p>{t('empty_hint')}</p>
      {props.filtered ? (
        <button type="button" class="link-button" onClick={props.onClearFilters}>
          {t('clear_filters')}
        </button>
      ) : null}
    </div>
  );
}
