import { describe, expect, it } from 'vitest';
import { bundledCatalogue as catalogue } from '../../data/events';
import { createCatalogueSearch, createTalkSearch } from '../../utils/search';
import { highlightMatches, normalizeWord, tokenize } from '../../utils/text';
import { LABELLED_QUERIES } from '../search-queries';

const search = createCatalogueSearch(catalogue);
const ids = (query: string) => search.search(query).map((hit) => hit.id);

describe('catalogue search', () => {
  it.each(LABELLED_QUERIES)('"$query" finds $expected first ($why)', ({ query, expected }) => {
    expect(ids(query)[0]).toBe(expected);
  });

  it('finds nothing for a blank query or for words in no talk', () => {
    expect(ids('   ')).toEqual([]);
    expect(ids('kasten')).toEqual([]);
    expect(ids('zzzzqqq')).toEqual([]);
  });

  it('lists every talk of a speaker when their name is typed', () => {
    expect(ids('sougoumarane').sort()).toEqual(
      [
        'kubernetes-podcast-81',
        'migrate-mysql-to-vitess',
        'thecube-interview',
        'vitess-keynote',
        'vitess-stateless-storage',
      ].sort(),
    );
  });

  it('requires every word to match when some talk has them all', () => {
    expect(ids('vitess geo')).toEqual(['geo-partitioning-with-vitess']);
  });

  it('falls back to talks matching some of the words', () => {
    expect(ids('sharding kasten')).toEqual(['geo-partitioning-with-vitess']);
  });

  it('ranks a title match above a summary-only match', () => {
    const docs = [
      {
        id: 'in-summary',
        title: 'Other',
        speakers: '',
        organisations: '',
        topics: '',
        summary: 'about caching',
        context: '',
      },
      { id: 'in-title', title: 'Caching', speakers: '', organisations: '', topics: '', summary: 'other', context: '' },
    ];
    expect(
      createTalkSearch(docs)
        .search('caching')
        .map((hit) => hit.id),
    ).toEqual(['in-title', 'in-summary']);
  });

  it('reports the matched words for highlighting', () => {
    const [hit] = search.search('migr');
    expect(hit?.terms).toContain('migrate');
  });
});

describe('text normalisation', () => {
  it.each([
    ['Don’t', 'dont'],
    ["Slack's", 'slack'],
    ['Vitess’s', 'vitess'],
    ['Ñoño', 'nono'],
    ['GDPR', 'gdpr'],
  ])('%s → %s', (word, normalised) => {
    expect(normalizeWord(word)).toBe(normalised);
  });

  it('splits on punctuation but keeps inner apostrophes', () => {
    expect(tokenize('Geo-partitioning: don’t, 20 TB!')).toEqual(['geo', 'partitioning', 'dont', '20', 'tb']);
  });
});

describe('highlightMatches', () => {
  it('marks matched words and keeps the text intact', () => {
    const parts = highlightMatches('How to Migrate a MySQL Database', new Set(['migrate', 'mysql']));
    expect(parts.map((part) => part.text).join('')).toBe('How to Migrate a MySQL Database');
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['Migrate', 'MySQL']);
  });

  it('marks words that differ only by accent or apostrophe', () => {
    const parts = highlightMatches('don’t leave', new Set(['dont']));
    expect(parts[0]).toEqual({ text: 'don’t', match: true });
  });
});
