import { describe, expect, it } from 'vitest';
import {
  boundedEditDistance,
  buildSearchIndex,
  createTalkSearch,
  IndexSearcher,
  joinIndex,
  lazyIndex,
  readIndexDictionary,
  type SearchDocument,
  StaleIndexError,
  searchOver,
  splitIndex,
} from '../../utils/search';
import { tokenize } from '../../utils/text';

const doc = (id: string, title: string, extra: Partial<SearchDocument> = {}): SearchDocument => ({
  id,
  title,
  speakers: '',
  organisations: '',
  topics: '',
  summary: '',
  context: 'Talk',
  ...extra,
});

const DOCUMENTS = [
  doc('a', 'Geo-partitioning with Vitess', { speakers: 'Deepthi Sigireddi', topics: 'sharding' }),
  doc('b', 'Kernel release engineering', { summary: 'How the kernel ships every nine weeks.' }),
  doc('c', 'Café culture in Zürich', { speakers: 'Zoë Ångström' }),
  doc('d', 'Don’t leave your data behind', { organisations: 'PlanetScale' }),
  doc('e', 'Scaling Slack’s database', { summary: 'Vitess at Slack: kernel of the matter.' }),
];

describe('the search index', () => {
  const search = createTalkSearch(DOCUMENTS);
  const first = (query: string) => search.search(query)[0]?.id;

  it('finds every talk by each word of its title', () => {
    for (const document of DOCUMENTS) {
      for (const word of tokenize(document.title)) {
        expect(
          search.search(word, 100).map((hit) => hit.id),
          `${word} → ${document.id}`,
        ).toContain(document.id);
      }
    }
  });

  it.each([
    ['geo-part', 'a', 'a prefix through a hyphen'],
    ['geopartitioning', 'a', 'the joined compound'],
    ['partit', 'a', 'a prefix mid-word'],
    ['krenel', 'b', 'two letters swapped'],
    ['kernal releese', 'b', 'two typos'],
    ['sigiredy', 'a', 'a misspelt surname'],
    ['cafe zurich', 'c', 'accents typed without'],
    ['ZOË ANGSTROM', 'c', 'case and accents'],
    ['dont', 'd', 'an apostrophe left out'],
    ['slacks', 'e', 'a possessive'],
    ['planetscale', 'd', 'the organisation'],
  ])('“%s” finds %s first (%s)', (query, expected) => {
    expect(first(query)).toBe(expected);
  });

  it('ranks a title match above a summary-only match, and matches a one-letter word outside summaries only', () => {
    expect(search.search('kernel').map((hit) => hit.id)).toEqual(['b', 'e']);
    expect(search.search('k').map((hit) => hit.id)).toEqual(['b']);
  });

  it('counts every match and filters inside the search', () => {
    expect(search.find('vitess', { limit: 1 })).toMatchObject({ total: 2, hits: [{ id: 'a' }] });
    expect(search.find('vitess', { limit: 5, accept: (id) => id !== 'a' })).toMatchObject({
      total: 1,
      hits: [{ id: 'e' }],
    });
  });

  it('searches several indexes as one, and an index rebuilt without a talk no longer finds it', () => {
    const split = searchOver([buildSearchIndex(DOCUMENTS.slice(0, 2)), buildSearchIndex(DOCUMENTS.slice(2))]);
    expect(
      split
        .search('vitess')
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(['a', 'e']);
    const without = createTalkSearch(DOCUMENTS.filter((document) => document.id !== 'b'));
    expect(without.search('kernel release').map((hit) => hit.id)).not.toContain('b');
    expect(without.search('krenel').map((hit) => hit.id)).toEqual(['e']);
  });

  it('leaves nothing behind between queries (the reused score arrays are cleared)', () => {
    // A filter (even one that keeps everything) bypasses the cache of recent answers: this really searches again.
    const run = (query: string) =>
      search.find(query, { limit: 10, accept: () => true }).hits.map((hit) => [hit.id, hit.score, hit.terms]);
    const once = run('vitess slack');
    run('v');
    run('kernel engineering');
    run('zzzz qqqq');
    expect(run('vitess slack')).toEqual(once);
  });
});

describe('the index as stored: a dictionary and posting chunks', () => {
  const index = buildSearchIndex(DOCUMENTS);
  const QUERIES = ['geo-part', 'krenel', 'kernal releese', 'cafe zurich', 'vitess', 'k', 'sigiredy', 'nothing here'];

  it.each([1, 3, 16, 1_000_000])('cut every %i postings, joins back to the same index', (postingsPerChunk) => {
    const { dictionary, chunks } = splitIndex(index, { postingsPerChunk });
    // One chunk per term at the smallest size (a term's postings are never split), one in all at the largest.
    if (postingsPerChunk === 1) expect(chunks.length).toBe(dictionary.termStarts.length - 1);
    if (postingsPerChunk === 1_000_000) expect(chunks.length).toBe(1);
    // What is stored is what IndexedDB would give back: structured clones.
    const joined = joinIndex(
      structuredClone(dictionary),
      chunks.map((chunk) => structuredClone(chunk)),
      DOCUMENTS.map((document) => document.id),
    );
    expect(joined).toEqual(index);
  });

  it.each([1, 3, 16])(
    'read chunk by chunk (every %i postings), answers as the whole index',
    async (postingsPerChunk) => {
      const { dictionary, chunks } = splitIndex(index, { postingsPerChunk });
      const read: number[] = [];
      const lazy = lazyIndex(dictionary, async (wanted) => {
        read.push(...wanted);
        return wanted.map((c) => chunks[c]);
      });
      const whole = searchOver([index]);
      const onDemand = searchOver([lazy.data], (_, terms) => lazy.load(terms));
      for (const query of QUERIES) {
        const expected = whole.find(query, { limit: 10 });
        const found = await onDemand.findLoading(query, { limit: 10 });
        expect(
          found.hits.map((hit) => [DOCUMENTS[hit.doc]?.id, hit.score, hit.terms]),
          query,
        ).toEqual(expected.hits.map((hit) => [hit.id, hit.score, hit.terms]));
        expect(found.total, query).toBe(expected.total);
      }
      // Only what the queries reached was read, each chunk once.
      expect(new Set(read).size).toBe(read.length);
      if (postingsPerChunk === 1) expect(read.length).toBeLessThan(chunks.length);
    },
  );

  it('refuses a chunk of another build, a missing one, or one of the wrong length', async () => {
    const { dictionary, chunks } = splitIndex(index, { postingsPerChunk: 3 });
    const ids = DOCUMENTS.map((document) => document.id);
    const other = splitIndex(index, { postingsPerChunk: 3 }).chunks;
    expect(() => joinIndex(dictionary, other, ids)).toThrow(StaleIndexError);
    expect(() => joinIndex(dictionary, chunks.slice(1), ids)).toThrow(StaleIndexError);
    expect(() => joinIndex(dictionary, chunks, ids.slice(1))).toThrow(StaleIndexError);
    const short = chunks.map((chunk, c) => (c === 0 ? { ...chunk, docs: chunk.docs.slice(1) } : chunk));
    expect(() => joinIndex(dictionary, short, ids)).toThrow(StaleIndexError);
    const lazy = lazyIndex(dictionary, async (wanted) => wanted.map(() => undefined));
    await expect(lazy.load([0])).rejects.toThrow(StaleIndexError);
  });

  it('reads a stored dictionary only of this layout', () => {
    const { dictionary } = splitIndex(index);
    expect(readIndexDictionary(structuredClone(dictionary))).toEqual(dictionary);
    expect(readIndexDictionary({ ...dictionary, version: 1 })).toBeUndefined();
    expect(readIndexDictionary({ ...dictionary, chunkTermStarts: new Uint32Array([0]) })).toBeUndefined();
    expect(readIndexDictionary('nonsense')).toBeUndefined();
  });
});

describe('similar talks', () => {
  // "the" is in every title, a word that common says nothing about which talks are alike; "chaos" is in 2 of 12.
  const titles = [
    'The chaos monkey',
    'Chaos engineering at the edge',
    'The art of the keynote',
    'The sharding of the database',
    'The release train',
    'The joy of the kernel',
    'The cost of the cloud',
    'The queue',
    'The future of the web',
    'The last mile',
    'The cache',
    'The schema',
  ];
  const search = createTalkSearch(titles.map((title, i) => doc(`t${i}`, title)));

  it('leaves out a word in more than a fifth of the talks', () => {
    expect(
      search
        .similarTo('The chaos in the kernel', 20)
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(['t0', 't1', 't5']);
  });

  it('keeps the words when all of them are that common', () => {
    expect(search.similarTo('The the', 20)).toHaveLength(titles.length);
  });
});

describe('typo lookups', () => {
  // Words of many lengths, sharing letters, so that length windows and letter sets both matter.
  const words = [
    'kernel',
    'kernels',
    'kennel',
    'krenel',
    'keel',
    'kern',
    'colonel',
    'kernelspace',
    'ker',
    'k',
    'zürich',
  ];
  const index = buildSearchIndex(words.map((word, i) => doc(`w${i}`, word)));
  const searcher = new IndexSearcher(index);
  const terms = Array.from({ length: index.termStarts.length - 1 }, (_, t) => searcher.term(t));

  it.each([
    ['kernal', 1],
    ['kernal', 2],
    ['kenrel', 2],
    ['kerm', 1],
    ['zurch', 1],
  ])('“%s” (not itself a term) with %i typos finds exactly the terms that close', (text, typos) => {
    const found = searcher
      .candidates({ text, prefix: false, typos, mainFieldsOnly: false })
      .map(({ term }) => searcher.term(term))
      .sort();
    const expected = terms.filter((term) => boundedEditDistance(text, term, 0, term.length, typos) <= typos).sort();
    expect(found).toEqual(expected);
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('boundedEditDistance', () => {
  it.each([
    ['kernel', 'kernel', 0],
    ['krenel', 'kernel', 1],
    ['kernal', 'kernel', 1],
    ['kernl', 'kernel', 1],
    ['kerneel', 'kernel', 1],
    ['kenrle', 'kernel', 2],
    ['abc', 'xyz', 3],
  ])('%s ↔ %s is %i', (a, b, distance) => {
    expect(boundedEditDistance(a, b, 0, b.length, 3)).toBe(distance);
    expect(boundedEditDistance(a, `xx${b}yy`, 2, 2 + b.length, 3)).toBe(distance);
  });

  it('stops early past the limit', () => {
    expect(boundedEditDistance('abcdef', 'uvwxyz', 0, 6, 1)).toBe(2);
  });
});
