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
    const imported = await store.files();
    return { catalogue: buildCatalogue([...bundled, ...imported]), imported };
  });
  const load = () =>
    loaded.get().catch((error: unknown): Loaded => {
      console.error('Talkmark: imported catalogues could not be read', error);
      return { catalogue: buildCatalogue(bundled), imported: [] };
    });

  const storedIndexes = cachedUntilReset(() => store.indexes());
  const readIndexes = () =>
    storedIndexes.get().catch((error: unknown) => {
      console.error('Talkmark: stored search indexes could not be read; rebuilding them', error);
      return [];
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

  const search = cachedUntilReset(async (): Promise<TalkSearch> => {
    const [{ imported }, stored] = await Promise.all([load(), readIndexes()]);
    const storedById = new Map(stored.map((entry) => [entry.id, entry]));
    bundledIndex ??= indexEventFiles(bundled);
    const segments = imported.map((file) => {
      const entry = storedById.get(file.event.id);
      const dictionary = readIndexDictionary(entry?.dictionary);
      try {
        if (entry && dictionary)
          return joinIndex(
            dictionary,
            entry.chunks,
            file.talks.map((talk) => talk.id),
          );
      } catch {
        // Chunks of another build or count (an interrupted write cannot leave this; a bug could): rebuilt below.
      }
      const { search: rebuilt, index } = storedSearchFor(file);
      store.saveIndex(file.event.id, rebuilt).catch((error: unknown) => {
        console.error('Talkmark: a rebuilt search index could not be stored', error);
      });
      return index;
    });
    return searchOver([bundledIndex, ...segments]);
  });

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
    search: () => search.get(),
    invalidate() {
      ranking = undefined;
      storedSearch.reset();
      storedRelated.reset();
      for (const cached of [loaded, storedIndexes, storedKeys, search]) cached.reset();
    },
  };
}

/**
 * A value worked out on first use and kept until `reset` (the imports changed); a failure is not kept, so the
 * next use tries again.
 */
function cachedUntilReset<T>(make: () => Promise<T>): { get(): Promise<T>; reset(): void } {
  let value: Promise<T> | undefined;
  return {
    get() {
      if (!value) {
        const made = make();
        value = made;
        made.catch(() => {
          if (value === made) value = undefined;
        });
      }
      return value;
    },
    reset() {
      value = undefined;
    },
  };
}
