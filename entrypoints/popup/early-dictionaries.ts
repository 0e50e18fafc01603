import type { StoredDictionaries } from '../../utils/search';

declare global {
  /** Set by popup-dictionaries.js, a classic script that runs while the popup's modules are still loading. */
  var talkmarkEarlyDictionaries: Promise<StoredDictionaries> | undefined;
}

/** The early read, once: later reads (after an import) go through the store. */
export function takeEarlyDictionaries(): Promise<StoredDictionaries> | undefined {
  const early = globalThis.talkmarkEarlyDictionaries;
  globalThis.talkmarkEarlyDictionaries = undefined;
  return early;
}
