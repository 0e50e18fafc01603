import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { formatList, formatNumber, plural, t } from '../../utils/i18n';
import { SYNC_STATUS_KEY, watchStorageKey } from '../../utils/messaging';
import type { SyncStatus } from '../../utils/service';

// Firefox for Android has no extension sync (as of 2026): there the section says so.
const onAndroid = /Android/i.test(navigator.userAgent);
const inFirefox = import.meta.env.BROWSER === 'firefox';

/** The Sync section: the switch, and what sync is doing, in sentences. */
export function Sync(props: { enabled: boolean; onChange(enabled: boolean): void }) {
  const [status, setStatus] = useState<SyncStatus>();
  useEffect(() => {
    void browser.storage.local.get(SYNC_STATUS_KEY).then((stored) => setStatus(stored[SYNC_STATUS_KEY] as SyncStatus));
    return watchStorageKey('local', SYNC_STATUS_KEY, (value) => setStatus(value as SyncStatus | undefined));
  }, []);
  return (
    <>
      <label class="switch">
        <input
          type="checkbox"
          checked={props.enabled}
          onChange={(event) => props.onChange(event.currentTarget.checked)}
        />
        {t('sync_switch')}
      </label>
      <p class="hint">{t(inFirefox ? 'sync_hint_firefox' : 'sync_hint')}</p>
      {onAndroid ? <p class="hint">{t('sync_android')}</p> : null}
      <p class="section-status sync-status" role="status">
        {sentencesOf(status, props.enabled).join(' ')}
      </p>
      {status?.problem ? (
        <p class="notice notice-error" role="alert">
          {t(status.problem[0], ...status.problem.slice(1))}
        </p>
      ) : null}
    </>
  );
}

/** What sync is doing, one whole sentence at a time. */
function sentencesOf(status: SyncStatus | undefined, enabled: boolean): string[] {
  if (!enabled) return [t('sync_off')];
  if (!status?.lastMerged) return [t('sync_not_yet')];
  const sentences = [
    plural('sync_stars', status.starsSynced),
    t(
      'sync_last_merged',
      new Date(status.lastMerged).toLocaleString(document.documentElement.lang || undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    ),
    t(
      'sync_bytes',
      formatNumber(Math.ceil(status.bytesUsed / 1024)),
      formatNumber(Math.round(status.quotaBytes / 1024)),
    ),
  ];
  if (status.withoutTitles > 0) sentences.push(plural('sync_without_titles', status.withoutTitles));
  const left = status.notSyncedTitles;
  if (left.length > 0) {
    const named = left.length > 3 ? [...left.slice(0, 3), t('list_and_others')] : left;
    sentences.push(plural('sync_not_fitting', left.length, formatList(named.map((title) => t('quoted', title)))));
  }
  if (status.progressNotSynced) sentences.push(plural('sync_progress_local', status.progressNotSynced));
  if (status.damaged > 0) sentences.push(plural('sync_damaged', status.damaged));
  return sentences;
}
