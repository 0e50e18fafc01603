// Typed arrays are read within bounds fixed when the index was built (biome.json allows `!` in this folder).
import { SEARCH_INDEX_VERSION, type SearchIndexData } from './layout';

/**
 * The index as it is stored: a dictionary (the sorted terms and where their postings are), read whole, and the
 * postings in chunks of neighbouring terms, read only when a query reaches them. A popup opened cold at 50,000
 * talks reads 3 MB of dictionary and a few chunks before its first answer, not the 11 MB of postings and 20 MB of
 * talks a woken service worker reads.
 * Talk ids are not stored here: the background has them from the talks, and the popup from the stored cards.
 */
export interface IndexDictionary extends Omit<SearchIndexData, 'ids' | 'idStarts' | 'postingDocs' | 'postingImpacts'> {
  /** Stamped on the dictionary and its chunks when they are built: a chunk of another build is never mixed in. */
  build: string;
  /** Chunk c holds the postings of terms `chunkTermStarts[c]` to `chunkTermStarts[c + 1]`. */
  chunkTermStarts: Uint32Array;
}

export interface PostingChunk {
  build: string;
  docs: Uint32Array;
  impacts: Float32Array;
}

// About 56 KB a chunk: under the 64 KB above which Chromium keeps a stored value in a file of its own (a file
// read per chunk); a query word's prefix range usually falls in one or two, and 50,000 talks make ~170.
export const POSTINGS_PER_CHUNK = 7_168;
/** Chunks read together when the whole index is brought in: about 0.5 MB, a few milliseconds to copy. */
const CHUNKS_PER_READ = 8;

export function chunkCount(dictionary: IndexDictionary): number {
  return dictionary.chunkTermStarts.length - 1;
}

/** Cuts an index into its dictionary and posting chunks, each chunk ending on a term boundary. */
export function splitIndex(
  data: SearchIndexData,
  { build = crypto.randomUUID(), postingsPerChunk = POSTINGS_PER_CHUNK } = {},
): { dictionary: IndexDictionary; chunks: PostingChunk[] } {
  const { ids: _ids, idStarts: _idStarts, postingDocs, postingImpacts, ...rest } = data;
  const termCount = data.termStarts.length - 1;
  const starts = [0];
  for (let t = 0; t < termCount; t++) {
    // A term's postings are never split: one very common term makes one large chunk.
    if (data.postingStarts[t + 1]! - data.postingStarts[starts.at(-1)!]! >= postingsPerChunk) starts.push(t + 1);
  }
  if (starts.at(-1) !== termCount) starts.push(termCount);
  const chunks = starts.slice(0, -1).map((first, c) => {
    const from = data.postingStarts[first]!;
    const to = data.postingStarts[starts[c + 1]!]!;
    // Copies, not views: a stored view would store the whole buffer behind it.
    return { build, docs: postingDocs.slice(from, to), impacts: postingImpacts.slice(from, to) };
  });
  return { dictionary: { ...rest, build, chunkTermStarts: Uint32Array.from(starts) }, chunks };
}

/** The dictionary, or undefined when a stored value is of another version or shape (the index is then rebuilt). */
export function readIndexDictionary(value: unknown): IndexDictionary | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Partial<IndexDictionary>;
  const ok =
    data.version === SEARCH_INDEX_VERSION &&
    typeof data.build === 'string' &&
    typeof data.terms === 'string' &&
    data.chunkTermStarts instanceof Uint32Array &&
    data.termStarts instanceof Uint32Array &&
    data.postingStarts instanceof Uint32Array &&
    data.summaryStarts instanceof Uint32Array &&
    data.docWeights instanceof Float32Array &&
    data.postingStarts.length === data.termStarts.length &&
    data.chunkTermStarts.at(-1) === data.termStarts.length - 1;
  return ok ? (data as IndexDictionary) : undefined;
}

function isChunkOf(dictionary: IndexDictionary, c: number, chunk: PostingChunk | undefined): chunk is PostingChunk {
  const length = postingEnd(dictionary, c) - postingStart(dictionary, c);
  return (
    chunk?.build === dictionary.build &&
    chunk.docs instanceof Uint32Array &&
    chunk.impacts instanceof Float32Array &&
    chunk.docs.length === length &&
    chunk.impacts.length === length
  );
}

const postingStart = (dictionary: IndexDictionary, c: number) =>
  dictionary.postingStarts[dictionary.chunkTermStarts[c]!]!;
const postingEnd = (dictionary: IndexDictionary, c: number) =>
  dictionary.postingStarts[dictionary.chunkTermStarts[c + 1]!]!;

/** Thrown when stored chunks do not belong to their dictionary (a catalogue replaced while it was being read). */
export class StaleIndexError extends Error {
  constructor() {
    super('The stored search index changed while it was being read');
    this.name = 'StaleIndexError';
  }
}

/** The index of a dictionary with its postings all zero, the size of the whole, for the chunks to be put in. */
function withoutPostings(dictionary: IndexDictionary, ids: string, idStarts: Uint32Array): SearchIndexData {
  const { build: _build, chunkTermStarts: _chunks, ...rest } = dictionary;
  const total = dictionary.postingStarts.at(-1)!;
  return {
    ...rest,
    version: SEARCH_INDEX_VERSION,
    ids,
    idStarts,
    postingDocs: new Uint32Array(total),
    postingImpacts: new Float32Array(total),
  };
}

/** Puts chunk `c` in its place in `data`, or throws when it is not the dictionary's chunk `c`. */
function putChunk(
  dictionary: IndexDictionary,
  data: SearchIndexData,
  c: number,
  chunk: PostingChunk | undefined,
): void {
  if (!isChunkOf(dictionary, c, chunk)) throw new StaleIndexError();
  data.postingDocs.set(chunk.docs, postingStart(dictionary, c));
  data.postingImpacts.set(chunk.impacts, postingStart(dictionary, c));
}

/** The whole index again, from its dictionary, every chunk in order, and the talk ids of its documents. */
export function joinIndex(
  dictionary: IndexDictionary,
  chunks: ReadonlyArray<PostingChunk | undefined>,
  talkIds: readonly string[],
): SearchIndexData {
  if (talkIds.length !== dictionary.docWeights.length || chunks.length !== chunkCount(dictionary))
    throw new StaleIndexError();
  const idStarts = new Uint32Array(talkIds.length + 1);
  talkIds.forEach((id, d) => {
    idStarts[d + 1] = idStarts[d]! + id.length;
  });
  const data = withoutPostings(dictionary, talkIds.join(''), idStarts);
  chunks.forEach((chunk, c) => {
    putChunk(dictionary, data, c, chunk);
  });
  return data;
}

/**
 * An index whose postings arrive chunk by chunk: its arrays are the size of the whole (zeros until loaded), so
 * the searcher reads it exactly as a loaded one once `load` has brought in the chunks of the terms it will read.
 * Talk ids are not known here (`ids` is empty): callers find their talks by document number.
 */
export function lazyIndex(
  dictionary: IndexDictionary,
  read: (chunks: number[]) => Promise<Array<PostingChunk | undefined>>,
): { data: SearchIndexData; load(terms: Iterable<number>): Promise<void>; loadAll(): Promise<void> } {
  const { chunkTermStarts } = dictionary;
  const data = withoutPostings(dictionary, '', new Uint32Array(dictionary.docWeights.length + 1));
  const loaded = new Uint8Array(chunkCount(dictionary));
  const chunkOf = (term: number) => {
    let low = 0;
    let high = chunkTermStarts.length - 1;
    while (high - low > 1) {
      const middle = (low + high) >>> 1;
      if (chunkTermStarts[middle]! <= term) low = middle;
      else high = middle;
    }
    return low;
  };
  const loadChunks = async (numbers: Iterable<number>) => {
    const wanted = [...new Set(numbers)].filter((c) => !loaded[c]);
    if (wanted.length === 0) return;
    const chunks = await read(wanted);
    wanted.forEach((c, i) => {
      putChunk(dictionary, data, c, chunks[i]);
      loaded[c] = 1;
    });
  };
  // Reads for queries go first: bringing in the rest waits for them between its reads.
  let queryReads: Promise<unknown> = Promise.resolve();
  return {
    data,
    load(terms) {
      const reading = loadChunks(Array.from(terms, chunkOf));
      queryReads = Promise.allSettled([queryReads, reading]);
      return reading;
    },
    async loadAll() {
      // Let a query waiting on the same dictionary start its reads first.
      await new Promise((resolve) => setTimeout(resolve));
      // A few at a time: each read's copying is a short task, and a keystroke meanwhile is not kept waiting.
      for (let c = 0; c < loaded.length; c += CHUNKS_PER_READ) {
        await queryReads;
        await loadChunks(Array.from({ length: Math.min(CHUNKS_PER_READ, loaded.length - c) }, (_, i) => c + i));
      }
    },
  };
}
