import { defineUnlistedScript } from '#imports';
import { readDictionariesEarly } from '../utils/early-dictionaries';

// Loaded by popup.html's head as a classic script, before its modules (see utils/early-dictionaries.ts).
export default defineUnlistedScript(() => {
  const early = readDictionariesEarly();
  // If the popup never takes it (it failed to load), the failure is not reported as unhandled.
  early.catch(() => {});
  globalThis.talkmarkEarlyDictionaries = early;
});
