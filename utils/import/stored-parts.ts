import { buildCatalogue, type EventFile, talkCard } from '../../data';
import { catalogueKeys, type StoredCatalogueKeys, storedKeysOf } from '../panel';
import { type RelatedIndex, relatedIndexOf } from '../related';
import {
  CARDS_PER_CHUNK,
  type IndexDictionary,
  indexEventFiles,
  type PostingChunk,
  type SearchIndexData,
  splitIndex,
} from '../search';

/** What is stored to search an imported catalogue: its index, cut for reading on demand, and its talks' cards. */
export interface StoredSearch {
  /** Its videos and names, for the YouTube panel (utils/panel). */
  keys: StoredCatalogueKeys;
  dictionary: IndexDictionary;
  postings: PostingChunk[];
  /**
   * The talks as lists show them, in document (file) order, `CARDS_PER_CHUNK` to a record, each record as JSON:
   * a string is copied out of the database far faster than as many objects, and is parsed only when shown.
   */
  cards: string[];
  /** Its talks' speakers, topics and event, for related talks (utils/related). */
  related: RelatedIndex;
}

/** The index and cards of one event file, built once when it is imported (in the import worker). */
export function storedSearchFor(
  file: EventFile,
  postingsPerChunk?: number,
): { search: StoredSearch; index: SearchIndexData } {
  const from = buildCatalogue([file]);
  const index = indexEventFiles([file], from);
  const { dictionary, chunks } = splitIndex(index, postingsPerChunk ? { postingsPerChunk } : {});
  const cards: string[] = [];
  for (let start = 0; start < file.talks.length; start += CARDS_PER_CHUNK) {
    cards.push(JSON.stringify(file.talks.slice(start, start + CARDS_PER_CHUNK).map((talk) => talkCard(talk, from))));
  }
  const related = relatedIndexOf(file, dictionary.build);
  return { search: { keys: storedKeysOf(catalogueKeys(file)), dictionary, postings: chunks, cards, related }, index };
}
