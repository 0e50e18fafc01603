import { buildCatalogue, type Catalogue } from '../data/catalogue';
import type { EventFile } from '../data/schema';
import type { CatalogueStore } from './catalogue-store';
import { createCatalogueSearch, type TalkSearch } from './search';

/** The catalogue every view sees: the bundled events, then every imported one, with its search. */
export interface LiveCatalogue {
  catalogue(): Promise<Catalogue>;
  search(): Promise<TalkSearch>;
  /** Imports changed: read them again on next use. */
  invalidate(): void;
}

/**
 * Bundled and imported talks as one catalogue to every view; nothing downstream asks whether a talk was
 * imported. Read from the database on first use (a service worker starts afresh often) and after each change.
 * When the imports cannot be read, the bundled catalogue still answers: search keeps working.
 */
export function createLiveCatalogue(bundled: readonly EventFile[], store: CatalogueStore): LiveCatalogue {
  let loading: Promise<Catalogue> | undefined;
  const searches = new WeakMap<Catalogue, TalkSearch>();
  const catalogue = () => {
    loading ??= store.files().then(
      (imported) => buildCatalogue([...bundled, ...imported]),
      (error: unknown) => {
        console.error('Talkmark: imported catalogues could not be read', error);
        loading = undefined;
        return buildCatalogue(bundled);
      },
    );
    return loading;
  };
  return {
    catalogue,
    async search() {
      const current = await catalogue();
      let search = searches.get(current);
      if (!search) {
        search = createCatalogueSearch(current);
        searches.set(current, search);
      }
      return search;
    },
    invalidate() {
      loading = undefined;
    },
  };
}
