import { defineUnlistedScript } from '#imports';
import { readDictionariesEarly } from '../utils/early-dictionaries';

// Loaded by popup.html's head as an async classic script, usually before its modules (utils/early-dictionaries.ts);
// if it comes later, the popup reads the dictionaries itself.
export default defineUnlistedScript(() => {
  const early = readDictionariesEarly();
  // If the popup never takes it (it failed to load), the failure is not reported as unhandled.
  early.catch(() => {});
  globalThis.talkmarkEarlyDictionaries = early;
});
