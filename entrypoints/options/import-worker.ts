// Reads, parses and stores a schedule off the options page's main thread: a 50,000-talk file takes seconds
// to parse, and the page must stay responsive (and show progress) meanwhile. Workers have IndexedDB, so the
// catalogue is stored from here, in one transaction, and never crosses back to the page.
import { eventFiles } from '../../data/catalogue';
import { openCatalogueStore } from '../../utils/catalogue-store';
import { describeImportFailure, type ImportProgress, type ImportRequest } from '../../utils/import-protocol';
import { MAX_SCHEDULE_FILE_BYTES, parseScheduleFile } from '../../utils/schedule-import';
import { decodeSchedule } from '../../utils/schedule-import/decode';
import { indexEventFiles } from '../../utils/search';

const post = (message: ImportProgress) => postMessage(message);

addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  void importFile(event.data.file).then(
    (outcome) => post({ type: 'done', outcome }),
    (error: unknown) => post({ type: 'done', outcome: { ok: false, error: describeImportFailure(error) } }),
  );
});

async function importFile(file: File): Promise<Extract<ImportProgress, { type: 'done' }>['outcome']> {
  if (file.size > MAX_SCHEDULE_FILE_BYTES) {
    const megabytes = (size: number) => (size / 1_000_000).toFixed(1);
    return {
      ok: false,
      error: ['import_too_big', file.name, megabytes(file.size), megabytes(MAX_SCHEDULE_FILE_BYTES)],
    };
  }
  post({ type: 'progress', phase: 'reading', fraction: 0 });
  const text = decodeSchedule(new Uint8Array(await file.arrayBuffer()));
  const parsed = parseScheduleFile(text, file.name, (fraction) =>
    post({ type: 'progress', phase: 'reading', fraction }),
  );
  if (!parsed.ok) return parsed;
  const { catalogue } = parsed;

  // Bundled catalogues are not replaced by imports, and their talk ids (which stars refer to) are theirs alone.
  const bundled = eventFiles.find((file) => file.event.id === catalogue.id);
  if (bundled) return { ok: false, error: ['import_is_bundled', bundled.event.name] };
  const bundledTalkIds = new Set(eventFiles.flatMap((file) => file.talks.map((talk) => talk.id)));
  const taken = catalogue.file.talks.find((talk) => bundledTalkIds.has(talk.id));
  if (taken) return { ok: false, error: ['import_talk_id_taken', taken.id] };

  const talkCount = catalogue.file.talks.length;
  post({ type: 'progress', phase: 'indexing', fraction: 1, talkCount });
  // Indexed once here, off every page's main thread, and stored with the talks: no view ever builds it.
  const index = indexEventFiles([catalogue.file]);
  post({ type: 'progress', phase: 'saving', fraction: 1, talkCount });
  const store = openCatalogueStore();
  try {
    const { replaced } = await store.save(catalogue, file.name, index);
    return {
      ok: true,
      id: catalogue.id,
      name: catalogue.file.event.name,
      talkCount: catalogue.file.talks.length,
      replaced,
      skipped: catalogue.skipped,
    };
  } finally {
    store.close();
  }
}
