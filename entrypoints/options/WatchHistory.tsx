import { useEffect, useState } from 'preact/hooks';
import { Notice, type NoticeContent } from '../../components';
import { messageOf, plural, t } from '../../utils/i18n';
import { askBackground, favouritesClient } from '../../utils/messaging';

/** What Talkmark remembers of what was watched, and a way to forget it all. */
export function WatchHistory() {
  const [count, setCount] = useState<number>();
  const [notice, setNotice] = useState<NoticeContent>();
  useEffect(() => {
    const read = () =>
      askBackground({ type: 'progress/list' }).then(
        (states) => setCount(Object.keys(states).length),
        (error: unknown) => console.warn('Talkmark: watch history could not be read', error),
      );
    void read();
    return favouritesClient.onChangeOrProgress(() => void read());
  }, []);
  const clear = async () => {
    try {
      const cleared = await askBackground({ type: 'progress/clear' });
      setNotice({ kind: 'success', text: plural('watch_history_cleared', cleared) });
    } catch (error) {
      setNotice({ kind: 'error', text: t('watch_history_clear_failed', messageOf(error)) });
    }
  };
  return (
    <>
      <p class="section-status">{count === undefined ? '' : plural('watch_history_count', count)}</p>
      <p class="hint-block">{t('watch_history_hint')}</p>
      <button type="button" class="button" disabled={!count} onClick={() => void clear()}>
        {t('watch_history_clear')}
      </button>
      <Notice notice={notice} />
    </>
  );
}
