import { bundledEventFiles as eventFiles } from '../../data/events';
import { megabytesIn } from '../../utils/i18n';
// Reads, parses and stores a schedule off the options page's main thread: a 50,000-talk file takes seconds
// to parse, and the page must stay responsive (and show progress) meanwhile. Workers have IndexedDB, so the
// catalogue is stored from here, in one transaction, and never crosses back to the page.
import {
  clashWith,
  decodeSchedule,
  describeImportFailure,
  type ImportedCatalogue,
  type ImportProgress,
  type ImportRequest,
  MAX_SCHEDULE_FILE_BYTES,
  parseScheduleFile,
  storedSearchFor,
} from '../../utils/import';
import { type CatalogueStore, openCatalogueStore } from '../../utils/storage';

const post = (message: ImportProgress) => postMessage(message);

addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  void importFile(event.data.file, event.data.language).then(
    (outcome) => post({ type: 'done', outcome }),
    (error: unknown) => post({ type: 'done', outcome: { ok: false, error: describeImportFailure(error) } }),
  );
});

async function importFile(file: File, language: string): Promise<Extract<ImportProgress, { type: 'done' }>['outcome']> {
  if (file.size > MAX_SCHEDULE_FILE_BYTES) {
    const megabytes = (size: number) => megabytesIn(size, language);
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

  const store = openCatalogueStore();
  try {
    // Only a hand-made Talkmark catalogue can use another catalogue's talk ids; the others need not be read.
    const imported = catalogue.format === 'talkmark-json' ? await store.files() : [];
    const clash = clashWith(catalogue, eventFiles, imported);
    if (clash) return { ok: false, error: clash };
    return await indexAndSave(catalogue, file.name, store);
  } finally {
    store.close();
  }
}

async function indexAndSave(
  catalogue: ImportedCatalogue,
  fileName: string,
  store: CatalogueStore,
): Promise<Extract<ImportProgress, { type: 'done' }>['outcome']> {
  const talkCount = catalogue.file.talks.length;
  post({ type: 'progress', phase: 'indexing', fraction: 1, talkCount });
  // Indexed once here, off every page's main thread, and stored with the talks: no view ever builds it.
  const { search } = storedSearchFor(catalogue.file);
  post({ type: 'progress', phase: 'saving', fraction: 1, talkCount });
  const { replaced } = await store.save(catalogue, fileName, search);
  return {
    ok: true,
    id: catalogue.id,
    name: catalogue.file.event.name,
    talkCount,
    replaced,
    skipped: catalogue.skipped,
  };
}
