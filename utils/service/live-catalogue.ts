import type { EventFile } from '../../data';
import { buildCatalogue, type Catalogue, talkCard } from '../../data';
import { storedSearchFor } from '../import';
import {
  type CatalogueKeys,
  catalogueKeys,
  createPanelGate,
  type PanelContent,
  panelTalkOfCard,
  readCatalogueKeys,
  relatedOfCard,
} from '../panel';
import { openStoredRelated, type StoredTalk } from '../related';
import type { SearchIndexData } from '../search';
import {
  asCatalogueSays,
  cardChunkOf,
  cardIn,
  indexEventFiles,
  joinIndex,
  openStoredTalkSearch,
  readIndexDictionary,
  searchOver,
  type TalkSearch,
} from '../search';
import type { CatalogueStore } from '../storage';

/**
 * Imported talks from which panels come from the stored indexes; below, reading and ranking the whole catalogue
 * is quick (and ranks every talk, as utils/related does up to 2,000).
 */
const QUICK_PANEL_FROM = 2_000;

/** The catalogue every view sees: the bundled events, then every imported one, with its search. */
export interface LiveCatalogue {
  catalogue(): Promise<Catalogue>;
  search(): Promise<TalkSearch>;
  /**
   * Whether a video could have a panel (it is a catalogue talk's, or its title names a speaker or subject),
   * answered from the small stored keys: most videos have none, and need not wake 50,000 talks to say so.
   */
  mayHavePanel(videoId: string, title?: string): Promise<boolean>;
  /**
   * A large catalogue's panel (from 2,000 imported talks), from the stored indexes rather than 50,000 talks: for
   * a catalogue video, its talk, with its related talks when they are ranked at once (the worker has read
   * what ranking reads) or else pending (`storedPanelRelated` gives them); for another video, the talks its title
   * is plainly about, null when none. Undefined when the stored indexes cannot say (a small catalogue, one being
   * rebuilt): the panel is then worked out from the whole catalogue.
   */
  storedPanel(videoId: string, title?: string): Promise<PanelContent | null | undefined>;
  /** The whole panel of a catalogue video whose related talks `storedPanel` left pending; undefined as above. */
  storedPanelRelated(videoId: string): Promise<PanelContent | undefined>;
  /** Imports changed: read them again on next use. */
  invalidate(): void;
}

interface Loaded {
  catalogue: Catalogue;
  imported: EventFile[];
  /** Each imported catalogue's stamp: the import its contents came from. */
  stamps: ReadonlyMap<string, string | undefined>;
  /** False when the imports could not be read and the bundled catalogue stands in for this answer alone. */
  complete: boolean;
}

/**
 * Bundled and imported talks as one catalogue to every view; nothing downstream asks whether a talk was
 * imported. Read from the database on first use (a service worker starts afresh often) and after each change.
 * Search runs over the bundled catalogue's index (built here: a few talks) and each imported catalogue's stored
 * index (built when it was imported); a stored index that is missing or of an older layout is rebuilt and
 * stored again. When the imports cannot be read, the bundled catalogue still answers: search keeps working.
 */
export function createLiveCatalogue(bundled: readonly EventFile[], store: CatalogueStore): LiveCatalogue {
  let bundledIndex: SearchIndexData | undefined;

  const bundledCatalogue = buildCatalogue(bundled);

  const loaded = cachedUntilReset(async (): Promise<Loaded> => {
    const contents = await onceMore(() => store.contents());
    const imported = contents.map((content) => content.file);
    const stamps = new Map(contents.map(({ file, stamp }) => [file.event.id, stamp]));
    return { catalogue: buildCatalogue([...bundled, ...imported]), imported, stamps, complete: true };
  });
  // When the imports cannot be read even twice, the bundled catalogue answers this request; nothing built on that
  // answer is kept, so the next request reads the imports again.
  const load = () =>
    loaded.get().catch((error: unknown): Loaded => {
      console.error('Talkmark: imported catalogues could not be read', error);
      return { catalogue: bundledCatalogue, imported: [], stamps: new Map(), complete: false };
    });

  const storedIndexes = cachedUntilReset(() => onceMore(() => store.indexes()));
  const readIndexes = () =>
    storedIndexes.get().catch((error: unknown) => {
      // Not a reason to rebuild and store every index again (each rebuild has a new build id, which would also
      // make every open popup read its stored search again): the indexes are built in memory for this answer.
      console.error('Talkmark: stored search indexes could not be read; indexing in memory for now', error);
      return undefined;
    });

  const storedKeys = cachedUntilReset(async () => {
    const [records, stored] = await Promise.all([store.list(), store.keys()]);
    const keys = stored.map((entry) => ({ id: entry.id, keys: readCatalogueKeys(entry.keys) }));
    const importedTalks = records.reduce((sum, record) => sum + record.talkCount, 0);
    // Keys missing or unreadable for some catalogue: no shortcut, every video is looked up in full.
    if (keys.length !== records.length || keys.some((entry) => !entry.keys))
      return { keys: [], importedTalks, mayHave: () => true };
    const gate = createPanelGate([...bundled.map(catalogueKeys), ...keys.map((entry) => entry.keys as CatalogueKeys)]);
    return { keys, importedTalks, mayHave: gate };
  });
  const keysRead = () =>
    storedKeys.get().catch((error: unknown) => {
      console.error('Talkmark: catalogue keys could not be read', error);
      return { keys: [], importedTalks: 0, mayHave: () => true };
    });

  const search = cachedUntilReset(
    async (): Promise<{ search: TalkSearch; complete: boolean }> => {
      const [{ imported, stamps, complete }, stored] = await Promise.all([load(), readIndexes()]);
      const storedById = new Map((stored ?? []).map((entry) => [entry.id, entry]));
      bundledIndex ??= indexEventFiles(bundled);
      const segments = imported.map((file) => {
        const stamp = stamps.get(file.event.id);
        const entry = storedById.get(file.event.id);
        const dictionary = readIndexDictionary(entry?.dictionary);
        try {
          // Only the index stored with these very contents (not one of an import read before or after them).
          if (entry && dictionary && entry.stamp === stamp)
            return joinIndex(
              dictionary,
              entry.chunks,
              file.talks.map((talk) => talk.id),
            );
        } catch {
          // Chunks of another build or count (an interrupted write cannot leave this; a bug could): rebuilt below.
        }
        const { search: rebuilt, index } = storedSearchFor(file);
        // Stored again only when the stored ones were read and this one was missing or of an older layout.
        if (stored)
          store.saveIndex(file.event.id, rebuilt, stamp).catch((error: unknown) => {
            console.error('Talkmark: a rebuilt search index could not be stored', error);
          });
        return index;
      });
      return { search: searchOver([bundledIndex, ...segments]), complete: complete && stored !== undefined };
    },
    (made) => made.complete,
  );

  // A large catalogue's panels come from the stored indexes, read or not.
  const storedSearch = openStoredTalkSearch(bundled, store);
  const storedRelated = openStoredRelated(bundled, store, storedSearch);
  // A bundled video's talk, and its document number among the bundled talks (in file order, as the search has them).
  const bundledVideos = new Map<string, number>();
  bundled
    .flatMap((file) => file.talks)
    .forEach((talk, doc) => {
      if (talk.videoId && !bundledVideos.has(talk.videoId)) bundledVideos.set(talk.videoId, doc);
    });

  /** A catalogue video's talk from the stored keys and one card record, in a large catalogue. */
  const quickTalk = async (videoId: string): Promise<StoredTalk | undefined> => {
    const { keys, importedTalks } = await keysRead();
    if (importedTalks < QUICK_PANEL_FROM) return undefined;
    const bundledTalk = bundledCatalogue.talksByVideoId.get(videoId);
    const bundledDoc = bundledVideos.get(videoId);
    if (bundledTalk && bundledDoc !== undefined)
      return { doc: bundledDoc, card: talkCard(bundledTalk, bundledCatalogue) };
    // The first catalogue with this video has its talk, as in the whole catalogue.
    for (const { id, keys: catalogueKeys } of keys) {
      const at = catalogueKeys?.videoIds.indexOf(videoId) ?? -1;
      if (at < 0) continue;
      const doc = catalogueKeys?.videoDocs?.[at];
      if (doc === undefined) return undefined;
      const [record] = await store.cardChunks(id, [cardChunkOf(doc)]);
      const card = cardIn(record, doc);
      // A card of another import (the catalogue replaced since its keys were read) is not this video's.
      return card?.url?.includes(videoId)
        ? { catalogueId: id, doc, card: asCatalogueSays(card, bundledCatalogue) }
        : undefined;
    }
    return undefined;
  };

  // The panel of the video whose talk was just shown, being worked out for the request that follows.
  let ranking: { videoId: string; panel: Promise<PanelContent | undefined> } | undefined;
  const rankedPanel = async (videoId: string, known?: StoredTalk): Promise<PanelContent | undefined> => {
    const talk = known ?? (await quickTalk(videoId));
    if (!talk) return undefined;
    try {
      const related = await storedRelated.relatedTo(talk);
      return (
        related && {
          kind: 'talk',
          talk: panelTalkOfCard(talk.card),
          related: related.map((r) => relatedOfCard(r.card, r.reasons)),
        }
      );
    } catch (error) {
      return forgetStored(error);
    }
  };

  /** A catalogue replaced while it was read (or a bug): read afresh next time; the whole catalogue answers now. */
  const forgetStored = (error: unknown): undefined => {
    console.warn('Talkmark: the stored indexes could not give this panel', error);
    storedSearch.reset();
    storedRelated.reset();
    return undefined;
  };

  /** The talks a title is plainly about (null: none), for a video outside a large catalogue. */
  const aboutTitle = async (videoId: string, title: string): Promise<PanelContent | null | undefined> => {
    const { keys, importedTalks } = await keysRead();
    if (importedTalks < QUICK_PANEL_FROM) return undefined;
    // A catalogue video (its card unreadable a moment ago) is the whole catalogue's to answer.
    if (bundledVideos.has(videoId) || keys.some((entry) => entry.keys?.videoIds.includes(videoId))) return undefined;
    try {
      const about = await storedRelated.aboutTitle(title);
      if (!about) return undefined;
      return about.length > 0 ? { kind: 'about', related: about.map((r) => relatedOfCard(r.card, r.reasons)) } : null;
    } catch (error) {
      return forgetStored(error);
    }
  };

  return {
    catalogue: async () => (await load()).catalogue,
    async mayHavePanel(videoId, title) {
      return (await keysRead()).mayHave(videoId, title);
    },
    async storedPanel(videoId, title) {
      const talk = await quickTalk(videoId);
      if (talk) {
        const panel = rankedPanel(videoId, talk);
        // Ranked from memory in a few milliseconds: shown whole, not in two steps.
        if (storedRelated.isWarm()) return panel;
        // The panel asks for the related talks next: they are ranked meanwhile.
        ranking = { videoId, panel };
        return { kind: 'talk', talk: panelTalkOfCard(talk.card), related: [], relatedPending: true };
      }
      return title === undefined ? undefined : aboutTitle(videoId, title);
    },
    storedPanelRelated(videoId) {
      // The ranking its talk started, taken once: a later visit ranks afresh (the catalogues may have changed).
      const started = ranking?.videoId === videoId ? ranking.panel : undefined;
      ranking = undefined;
      return started ?? rankedPanel(videoId);
    },
    search: async () => (await search.get()).search,
    invalidate() {
      ranking = undefined;
      storedSearch.reset();
      storedRelated.reset();
      for (const cached of [loaded, storedIndexes, storedKeys, search]) cached.reset();
    },
  };
}

/**
 * A value worked out on first use and kept until `reset` (the imports changed). A failure is not kept, nor a value
 * `keep` refuses (one made from a fallback), so the next use tries again.
 */
function cachedUntilReset<T>(make: () => Promise<T>, keep: (value: T) => boolean = () => true) {
  let value: Promise<T> | undefined;
  return {
    get(): Promise<T> {
      if (!value) {
        const made = make();
        value = made;
        made.then(
          (result) => {
            if (value === made && !keep(result)) value = undefined;
          },
          () => {
            if (value === made) value = undefined;
          },
        );
      }
      return value;
    },
    reset() {
      value = undefined;
    },
  };
}

/** Reads once more after a failure: a database busy or closed a moment ago usually answers the second time. */
async function onceMore<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    console.warn('Talkmark: a read failed; trying once more', error);
    return read();
  }
}
