import type { EventFile } from '../../../data';
import type { Message } from '../../i18n';
import { quoteFromFile } from '../../text';
import { catalogueFromDraft, type ImportedCatalogue, MAX_TALKS_PER_CATALOGUE, type ScheduleDraft } from './draft';
import { frabJsonDraft } from './frab-json';
import { parseFrabXml } from './frab-xml';
import { record } from './json-values';
import { sessionizeDraft } from './sessionize-json';
import { readCatalogueFile } from './talkmark-json';

export type { CatalogueFormat, ImportedCatalogue } from './draft';

/** Bigger than any real schedule (FOSDEM's whole history is 5 MB); larger files are refused before reading. */
export const MAX_SCHEDULE_FILE_BYTES = 50_000_000;

export type ScheduleImport = { ok: true; catalogue: ImportedCatalogue } | { ok: false; error: Message };

/**
 * The catalogue in a schedule file, recognised by its content (never by its name): frab / pentabarf XML,
 * frab-compatible JSON (frab, pretalx), Sessionize JSON, or a Talkmark catalogue. All or nothing: either the
 * whole catalogue, or one sentence saying why the file is refused.
 */
export function parseScheduleFile(
  text: string,
  fileName: string,
  onProgress: (fraction: number) => void = () => {},
): ScheduleImport {
  const fail = (...error: Message): ScheduleImport => ({ ok: false, error });
  const start = text.replace(/^\uFEFF/, '').trimStart();
  // A binary file (an image renamed .xml, an archive) decodes with NULs or replacement characters early on.
  const head = start.slice(0, 1024);
  if (head.includes('\0') || head.includes('\uFFFD')) return fail('import_binary');

  let draft: ScheduleDraft | undefined;
  if (start.startsWith('<')) {
    const parsed = parseFrabXml(start, onProgress);
    if (!parsed.ok) return parsed;
    draft = parsed.draft;
  } else if (start.startsWith('{') || start.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(start);
    } catch {
      return fail('import_json_damaged');
    }
    onProgress(0.5);
    const root = record(data);
    if (root?.format === 'talkmark-favourites') return fail('import_is_favourites');
    if (root?.format === 'talkmark-catalogue') {
      const read = readCatalogueFile(root);
      if (!read.ok) return read;
      if (read.file.talks.length === 0) return fail('import_no_talks');
      if (read.file.talks.length > MAX_TALKS_PER_CATALOGUE) {
        return fail('import_too_many', String(read.file.talks.length), String(MAX_TALKS_PER_CATALOGUE));
      }
      const catalogue = { id: read.file.event.id, format: 'talkmark-json' as const, file: read.file };
      return { ok: true, catalogue: { ...catalogue, skipped: { untitled: 0, repeated: 0 } } };
    }
    const schedule = record(root?.schedule);
    draft = (schedule && frabJsonDraft(schedule)) || (root && sessionizeDraft(root)) || undefined;
    if (!draft) return fail('import_json_not_schedule');
  } else {
    return fail('import_not_schedule');
  }

  if (draft.events.length > MAX_TALKS_PER_CATALOGUE) {
    return fail('import_too_many', String(draft.events.length), String(MAX_TALKS_PER_CATALOGUE));
  }
  // A browser's copy suffix ("All (1).json") is not part of the name.
  const catalogue = catalogueFromDraft(draft, fileName.replace(/\.[^.]*$/, '').replace(/ \(\d+\)$/, ''));
  if (!catalogue) return fail('import_no_name');
  if (catalogue.file.talks.length === 0) return fail('import_no_talks');
  onProgress(1);
  return { ok: true, catalogue };
}

/**
 * Why `catalogue` cannot join `others` (the bundled catalogues, then the imported ones), or undefined when it can.
 * A bundled catalogue is never replaced by an import; and a talk id belongs to one catalogue only, since stars refer
 * to talks by id. (Schedules' ids are `<conference>/<guid>`, so only a hand-made Talkmark catalogue can clash.)
 */
export function clashWith(
  catalogue: ImportedCatalogue,
  bundled: readonly EventFile[],
  imported: readonly EventFile[],
): Message | undefined {
  const sameBundled = bundled.find((file) => file.event.id === catalogue.id);
  if (sameBundled) return ['import_is_bundled', sameBundled.event.name];
  const ids = new Set(catalogue.file.talks.map((talk) => talk.id));
  // Importing a conference again replaces it: its own earlier talks are no clash.
  for (const file of [...bundled, ...imported.filter((other) => other.event.id !== catalogue.id)]) {
    const taken = file.talks.find((talk) => ids.has(talk.id));
    if (taken) return ['import_talk_id_taken', quoteFromFile(taken.id), file.event.name];
  }
  return undefined;
}
