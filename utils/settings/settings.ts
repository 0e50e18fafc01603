import { browser } from 'wxt/browser';
import { watchStorageKey } from '../messaging';

/** What a person can set on the options page; kept in storage.sync so it follows them between browsers. */
export interface Settings {
  /** Show the Talkmark panel on YouTube watch pages. */
  youtubePanel: boolean;
  /**
   * Carry stars to the person's other browsers through the browser's own sync storage. On by default: the
   * browser's account and its own setting decide whether anything leaves the machine.
   */
  syncMarks: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = { youtubePanel: true, syncMarks: true };
export const SETTINGS_KEY = 'settings';
const KEY = SETTINGS_KEY;

/** Stored settings over the defaults; a value of the wrong type (an older or damaged entry) is ignored. */
export function readSettings(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    youtubePanel: typeof record.youtubePanel === 'boolean' ? record.youtubePanel : DEFAULT_SETTINGS.youtubePanel,
    syncMarks: typeof record.syncMarks === 'boolean' ? record.syncMarks : DEFAULT_SETTINGS.syncMarks,
  };
}

export async function loadSettings(): Promise<Settings> {
  try {
    return readSettings((await browser.storage.sync.get(KEY))[KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS }; // sync storage unavailable (e.g. disabled by policy): behave as installed
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  await browser.storage.sync.set({ [KEY]: next });
  return next;
}

/** Calls `listener` with the new settings whenever any view changes them; returns the unsubscribe. */
export function onSettingsChange(listener: (settings: Settings) => void): () => void {
  return watchStorageKey('sync', KEY, (value) => listener(readSettings(value)));
}
