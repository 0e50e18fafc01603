import type { EventFile } from '../data/schema';
import { MAX_NAME_WORDS, phrasesOf, tokenize } from './words';

/**
 * What decides whether a YouTube video can have a panel at all, kept apart from the talks: the videos a catalogue
 * has, and the names (speakers, subjects) a video's title must say to be "plainly about" it. Most videos people
 * watch are in no catalogue; with these, a service worker woken by such a video answers "no panel" without
 * reading 50,000 talks.
 */
export interface CatalogueKeys {
  videoIds: string[];
  /**
   * The document (position in the file) of each video's talk: with the stored cards, the panel can show the talk
   * before the catalogue is read. Absent in keys stored before it existed.
   */
  videoDocs?: number[];
  /** Speakers' names and the event's subjects, as normalised words joined by spaces. */
  names: string[];
}

export function catalogueKeys(file: EventFile): CatalogueKeys {
  return {
    videoIds: file.talks.flatMap((talk) => talk.videoId ?? []),
    videoDocs: file.talks.flatMap((talk, doc) => (talk.videoId ? [doc] : [])),
    names: [...file.speakers.map((speaker) => speaker.name), ...file.event.subjects]
      .map((name) => tokenize(name).join(' '))
      .filter(Boolean),
  };
}

/** Whether any of these catalogues could have a panel for the video: its id is theirs, or its title names theirs. */
export function createPanelGate(keys: readonly CatalogueKeys[]): (videoId: string, title?: string) => boolean {
  // Each set is made when first needed: a worker woken by a catalogue video answers without the 40,000 names.
  let videoIds: Set<string> | undefined;
  let names: Set<string> | undefined;
  return (videoId, title) => {
    videoIds ??= new Set(keys.flatMap((key) => key.videoIds));
    if (videoIds.has(videoId)) return true;
    if (title === undefined) return false;
    names ??= new Set(keys.flatMap((key) => key.names));
    for (const phrase of phrasesOf(tokenize(title), MAX_NAME_WORDS)) if (names.has(phrase)) return true;
    return false;
  };
}

/**
 * The keys as stored: each list as one string (lines), the documents as a typed array. A woken worker reads them
 * on every watch page; a few strings copy out of the database in a few milliseconds, 60,000 small ones in 25.
 */
export interface StoredCatalogueKeys {
  videoIds: string;
  videoDocs: Uint32Array;
  names: string;
}

export function storedKeysOf(keys: CatalogueKeys): StoredCatalogueKeys {
  return {
    videoIds: keys.videoIds.join('\n'),
    videoDocs: Uint32Array.from(keys.videoDocs ?? []),
    names: keys.names.join('\n'),
  };
}

const lines = (text: string) => (text === '' ? [] : text.split('\n'));

/**
 * The stored keys, or undefined when a stored value is of neither shape (the catalogue is then read in full).
 * Keys stored as lists (before they were stored as lines) are read as they are.
 */
export function readCatalogueKeys(value: unknown): CatalogueKeys | undefined {
  const keys = value as Partial<CatalogueKeys> | Partial<StoredCatalogueKeys> | undefined;
  if (typeof keys?.videoIds === 'string' && typeof keys.names === 'string' && keys.videoDocs instanceof Uint32Array) {
    const storedNames = keys.names;
    let names: string[] | undefined;
    return {
      videoIds: lines(keys.videoIds),
      videoDocs: Array.from(keys.videoDocs),
      // Split when first needed: a catalogue video's panel never needs the names.
      get names() {
        names ??= lines(storedNames);
        return names;
      },
    };
  }
  return Array.isArray(keys?.videoIds) && Array.isArray(keys?.names) ? (keys as CatalogueKeys) : undefined;
}
