import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import { downloadJson, FilePicker, Notice, type NoticeContent } from '../../components';
import { bundledEventFiles as eventFiles } from '../../data/events';
import {
  formatDate,
  formatNumber,
  type MessageKey,
  messageOf,
  messagesLanguage,
  plural,
  say,
  t,
} from '../../utils/i18n';
import type { CatalogueFormat, ImportProgress, ImportRequest } from '../../utils/import';
import { catalogueFileName, createCatalogueFile } from '../../utils/import';
import { CATALOGUES_REVISION_KEY, watchStorageKey } from '../../utils/messaging';
import { type CatalogueRecord, openCatalogueStore } from '../../utils/storage';
import { quoteFromFile } from '../../utils/text';
import { SubscribeForm, SubscriptionRow, useSubscriptions } from './Subscriptions';

type Progress = { phase: 'reading' | 'indexing' | 'saving'; fraction: number; talkCount?: number; fileName: string };

const FORMAT_LABELS: Record<CatalogueFormat, MessageKey> = {
  'frab-xml': 'format_frab_xml',
  'frab-json': 'format_frab_json',
  'sessionize-json': 'format_sessionize_json',
  'talkmark-json': 'format_talkmark_json',
};

// Imports quicker than this finish before a progress bar could be read; it would only flicker.
const PROGRESS_DELAY_MS = 300;

const store = openCatalogueStore();

/**
 * Tells every view (popup, background, other options pages) that the catalogues changed. If even that fails, the
 * change is stored all the same: views see it when they next start.
 */
const announceCatalogues = () =>
  browser.storage.local.set({ [CATALOGUES_REVISION_KEY]: crypto.randomUUID() }).catch((error: unknown) => {
    console.error('Talkmark: other views could not be told that the catalogues changed', error);
  });

/** The options page's list of catalogues: the bundled ones, then imports; import by picker or drop, export, remove. */
export function Catalogues() {
  const [records, setRecords] = useState<CatalogueRecord[]>();
  const [notice, setNotice] = useState<NoticeContent>();
  const [progress, setProgress] = useState<Progress>();
  const [busy, setBusy] = useState(false);
  // Ends the running import's worker: its one transaction never commits, so nothing changes.
  const cancelImport = useRef<AbortController | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const subscriptions = useSubscriptions();

  const reload = () =>
    store.list().then(setRecords, (error: unknown) => {
      setRecords([]);
      setNotice({ kind: 'error', text: t('catalogues_load_failed', messageOf(error)) });
    });
  useEffect(() => {
    void reload();
    return watchStorageKey('local', CATALOGUES_REVISION_KEY, () => void reload());
  }, []);

  const importFile = async (file: File | undefined) => {
    if (!file || busy) return;
    setBusy(true);
    setNotice(undefined);
    const shown = setTimeout(
      () => setProgress((p) => p ?? { phase: 'reading', fraction: 0, fileName: file.name }),
      PROGRESS_DELAY_MS,
    );
    cancelImport.current = new AbortController();
    const outcome = await runImportWorker(file, cancelImport.current.signal, (update) => {
      setProgress((current) => (current ? { ...update, fileName: file.name } : current));
    });
    clearTimeout(shown);
    setProgress(undefined);
    setBusy(false);
    if (!outcome.ok) {
      setNotice({ kind: 'error', text: t('nothing_imported', say(outcome.error)) });
      return;
    }
    await announceCatalogues();
    await reload();
    const sentences = [
      plural(
        outcome.replaced ? 'replaced_catalogue' : 'imported_catalogue',
        outcome.talkCount,
        quoteFromFile(outcome.name),
      ),
      ...(['untitled', 'repeated'] as const).flatMap((reason) => {
        const count = outcome.skipped[reason];
        return count ? [plural(`skipped_${reason}`, count)] : [];
      }),
    ];
    setNotice({ kind: 'success', text: sentences.join(' ') });
  };

  const remove = async (record: CatalogueRecord) => {
    try {
      await store.remove(record.id);
      await announceCatalogues();
      setNotice({ kind: 'success', text: t('catalogue_removed', record.name) });
    } catch (error) {
      setNotice({ kind: 'error', text: t('catalogue_remove_failed', record.name, messageOf(error)) });
    }
    await reload();
  };

  const exportFile = async (id: string, name: string) => {
    try {
      const file = eventFiles.find((bundled) => bundled.event.id === id) ?? (await store.file(id));
      if (file) downloadJson(createCatalogueFile(file), catalogueFileName(file));
    } catch (error) {
      setNotice({ kind: 'error', text: t('catalogue_export_failed', name, messageOf(error)) });
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is a shortcut; the button does the same
    <div
      class={`catalogues${dragging ? ' is-dragging' : ''}`}
      onDragOver={(event) => {
        if (!event.dataTransfer?.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        void importFile(event.dataTransfer?.files[0]);
      }}
    >
      <p class="hint">{t('options_catalogues_hint')}</p>
      <table class="catalogue-table">
        <caption class="visually-hidden">{t('catalogues_table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogue_name')}</th>
            <th scope="col" class="number">
              {t('catalogue_talks')}
            </th>
            <th scope="col" class="secondary">
              {t('catalogue_format')}
            </th>
            <th scope="col" class="secondary">
              {t('catalogue_added')}
            </th>
            <th scope="col">
              <span class="visually-hidden">{t('catalogue_actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {eventFiles.map((file) => (
            <tr key={file.event.id}>
              <th scope="row" dir="auto">
                {file.event.name}
              </th>
              <td class="number">{formatNumber(file.talks.length)}</td>
              <td colSpan={2} class="secondary">
                {t('catalogue_bundled')}
              </td>
              <td class="actions">
                <ExportButton name={file.event.name} onClick={() => void exportFile(file.event.id, file.event.name)} />
              </td>
            </tr>
          ))}
          {(records ?? []).flatMap((record) => [
            <tr key={record.id} class={subscriptions.has(record.id) ? 'is-subscribed' : undefined}>
              <th scope="row" dir="auto">
                {record.name}
              </th>
              <td class="number">{formatNumber(record.talkCount)}</td>
              <td class="secondary">{t(FORMAT_LABELS[record.format])}</td>
              <td class="secondary">{formatDate(record.importedAt)}</td>
              <td class="actions">
                <ExportButton name={record.name} onClick={() => void exportFile(record.id, record.name)} />
                <button
                  type="button"
                  class="button"
                  aria-label={t('catalogue_remove_label', record.name)}
                  onClick={() => void remove(record)}
                >
                  {t('catalogue_remove')}
                </button>
              </td>
            </tr>,
            ...(subscriptions.has(record.id)
              ? [
                  <SubscriptionRow
                    key={`${record.id}-subscription`}
                    subscription={subscriptions.get(record.id) as NonNullable<ReturnType<typeof subscriptions.get>>}
                    name={record.name}
                    columns={5}
                  />,
                ]
              : []),
          ])}
        </tbody>
      </table>
      <div class="tool-row">
        <FilePicker
          primary
          label={t('catalogues_import')}
          inputLabel={t('catalogues_import_label')}
          accept=".xml,.json,application/json,application/xml,text/xml"
          disabled={busy}
          onFile={(file) => void importFile(file)}
        />
        <span class="drop-hint">{t('catalogues_drop')}</span>
      </div>
      {progress ? (
        <div class="import-progress">
          <label for="import-progress">
            {progress.phase === 'reading'
              ? t('import_reading', progress.fileName)
              : plural(progress.phase === 'indexing' ? 'import_indexing' : 'import_saving', progress.talkCount ?? 0)}
          </label>
          <progress id="import-progress" max={1} value={progress.phase === 'reading' ? progress.fraction : undefined} />
          <button type="button" class="button" onClick={() => cancelImport.current?.abort()}>
            {t('import_cancel')}
          </button>
        </div>
      ) : null}
      <Notice notice={notice} />
      <SubscribeForm />
    </div>
  );
}

function ExportButton(props: { name: string; onClick(): void }) {
  return (
    <button type="button" class="button" aria-label={t('catalogue_export_label', props.name)} onClick={props.onClick}>
      {t('catalogue_export')}
    </button>
  );
}

/** Runs one import in a fresh worker, passing its progress on; resolves with its outcome, whatever happens. */
function runImportWorker(
  file: File,
  cancel: AbortSignal,
  onProgress: (progress: Omit<Progress, 'fileName'>) => void,
): Promise<Extract<ImportProgress, { type: 'done' }>['outcome']> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const finish = (outcome: Extract<ImportProgress, { type: 'done' }>['outcome']) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.addEventListener('message', (event: MessageEvent<ImportProgress>) => {
      const message = event.data;
      if (message.type === 'done') finish(message.outcome);
      else onProgress({ phase: message.phase, fraction: message.fraction, talkCount: message.talkCount });
    });
    cancel.addEventListener('abort', () => finish({ ok: false, error: ['import_cancelled'] }), { once: true });
    worker.addEventListener('error', (event) =>
      finish({ ok: false, error: ['import_failed', event.message || 'worker'] }),
    );
    worker.postMessage({ file, language: messagesLanguage() } satisfies ImportRequest);
  });
}
