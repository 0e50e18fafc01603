import type { EventFile } from '../../data';
import { MAX_NAME_WORDS, phrasesOf, tokenize } from '../text';

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
  // Scans, not sets: a worker is woken for one video, and a set of 50,000 video ids or 40,000 names takes 10 to
  // 20 ms to make, while scanning them takes well under one (the title's few phrases, each compared in turn).
  return (videoId, title) => {
    if (keys.some((key) => key.videoIds.includes(videoId))) return true;
    if (title === undefined) return false;
    const phrases = [...phrasesOf(tokenize(title), MAX_NAME_WORDS)];
    return keys.some((key) => phrases.some((phrase) => key.names.includes(phrase)));
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
