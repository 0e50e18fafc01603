import type { Message } from '../i18n';
import { messageOf } from '../i18n';

/** What the options page sends its import worker: the file the person chose or dropped. */
export interface ImportRequest {
  file: File;
  /** The language of the page's messages: a worker has no extension API to ask, and writes numbers this way. */
  language: string;
}

/** What the worker says back: progress while it reads and saves, then the outcome, exactly once. */
export type ImportProgress =
  | { type: 'progress'; phase: 'reading' | 'indexing' | 'saving'; fraction: number; talkCount?: number }
  | {
      type: 'done';
      outcome:
        | {
            ok: true;
            id: string;
            name: string;
            talkCount: number;
            /** A catalogue of the same conference was there and has been replaced in place. */
            replaced: boolean;
            skipped: { untitled: number; repeated: number };
          }
        | { ok: false; error: Message };
    };

/** The sentence for an import that failed for a reason of the browser's, not the file's (storage full…). */
export function describeImportFailure(error: unknown): Message {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return ['import_storage_full'];
  return ['import_failed', messageOf(error)];
}
