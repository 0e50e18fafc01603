import { describe, expect, it } from 'vitest';
import { createTalkSearch, type SearchDocument, searchOver } from '../../utils/search';
import { buildSearchIndex } from '../../utils/search-index/build';
import { boundedEditDistance } from '../../utils/search-index/query';
import { tokenize } from '../../utils/words';

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
