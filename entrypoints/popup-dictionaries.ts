import { defineUnlistedScript } from '#imports';
import { readDictionariesEarly } from '../utils/storage';
import type {} from './popup/early-dictionaries'; // declares the global it sets

// Loaded by popup.html's head as an async classic script, usually before its modules (popup/early-dictionaries.ts takes it);
// if it comes later, the popup reads the dictionaries itself.
export default defineUnlistedScript(() => {
  const early = readDictionariesEarly();
  // If the popup never takes it (it failed to load), the failure is not reported as unhandled.
  early.catch(() => {});
  globalThis.talkmarkEarlyDictionaries = early;
});
