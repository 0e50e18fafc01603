import { browser } from 'wxt/browser';

/**
 * Calls `listener` with the new value whenever any context (popup, background, a YouTube tab) changes `key` in
 * the given storage area; returns the unsubscribe. storage.onChanged is the one change channel that reaches
 * extension pages and content scripts alike.
 */
export function watchStorageKey(
  area: 'local' | 'sync',
  key: string,
  listener: (newValue: unknown) => void,
): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
    if (changedArea === area && key in changes) listener(changes[key]?.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
