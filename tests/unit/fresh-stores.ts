import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { type CatalogueStore, openCatalogueStore } from '../../utils/storage';

/**
 * Opens a catalogue store on a database of its own at each call, named `prefix-N`; every store opened is closed
 * after each test. Call it at the top of a test file.
 */
export function freshCatalogueStores(prefix: string): () => CatalogueStore {
  let counter = 0;
  const opened: CatalogueStore[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });
  return () => {
    const store = openCatalogueStore(`${prefix}-${++counter}`);
    opened.push(store);
    return store;
  };
}
