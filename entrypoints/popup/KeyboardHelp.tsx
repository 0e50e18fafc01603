import { shortcutName, t } from '../../utils/i18n';

/** The keys the search field answers to, listed under it. */
export function KeyboardHelp() {
  return (
    <footer class="keyboard-help" id="keyboard-help">
      <ul aria-label={t('keyboard_help')}>
        <li>
          <kbd>↑</kbd> <kbd>↓</kbd> {t('keyboard_move')}
        </li>
        <li>
          <kbd>{t('key_enter')}</kbd> {t('keyboard_open')}
        </li>
        <li>
          <kbd>{shortcutName('S')}</kbd> {t('keyboard_star')}
        </li>
        <li>
          <kbd>{shortcutName('D')}</kbd> {t('keyboard_watched')}
        </li>
        <li>
          <kbd>{t('key_escape')}</kbd> {t('keyboard_clear')}
        </li>
      </ul>
    </footer>
  );
}
