import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, filterChoices } from '../../data';
import { bundledEventFiles as eventFiles } from '../../data/events';
import { formatList } from '../../utils/i18n';
import { parseScheduleFile } from '../../utils/import';
import { panelFor } from '../../utils/panel';
import { createCatalogueSearch, findTalks, omniboxSuggestions } from '../../utils/search';

// Bundled + imported talks as the background sees them: one catalogue.
function importedFile(name: string) {
  const result = parseScheduleFile(
    readFileSync(new URL(`../fixtures/schedules/${name}`, import.meta.url), 'utf8'),
    name,
  );
  if (!result.ok) throw new Error(result.error.join(' '));
  return result.catalogue.file;
}
const catalogue = buildCatalogue([...eventFiles, importedFile('small-frab.xml'), importedFile('small-pretalx.json')]);
const search = createCatalogueSearch(catalogue);
const SHARDING = 'tinyconf2024/7c1c9a34-5b8e-4bd4-9a43-2f5c5a2d0c01';

describe('bundled and imported talks as one catalogue', () => {
  it('makes a speaker who is in two catalogues one person, keeping the fuller description', async () => {
    expect(catalogue.speakers.get('sugu-sougoumarane')).toMatchObject({
      name: 'Sugu Sougoumarane',
      organisation: 'PlanetScale',
    });
    expect(catalogue.speakers.get('lucy-burns')?.organisation).toBe('PlanetScale');
    const sugu = catalogue.talks.filter((talk) => talk.speakerIds.includes('sugu-sougoumarane')).map((t) => t.eventId);
    expect(new Set(sugu)).toEqual(new Set(['kubecon-na-2019', 'tinyconf2024']));
  });

  it('finds imported talks by title, typos included, and filters by conference inside the search', async () => {
    expect(search.search('shardng mysql')[0]?.id).toBe(SHARDING);
    const page = findTalks(
      { query: 'vitess', filters: { eventId: 'tinyconf2024' }, view: 'talks', limit: 50 },
      catalogue,
      search,
      [],
    );
    expect(page.rows.map((row) => row.id)).toEqual([SHARDING]);
    expect(page.total).toBe(1);
  });

  it('hides watched talks inside the search, so the count is of the talks left', async () => {
    const all = findTalks({ query: 'vitess', filters: {}, view: 'talks', limit: 2 }, catalogue, search, []);
    const watched = new Set([SHARDING, 'geo-partitioning-with-vitess']);
    const page = findTalks(
      { query: 'vitess', filters: { hideWatched: true }, view: 'talks', limit: 2 },
      catalogue,
      search,
      [],
      watched,
    );
    expect(page.total).toBe(all.total - 2);
    expect(page.rows.map((row) => row.id)).not.toContain(SHARDING);
    expect(page.rows).toHaveLength(2);
    // With nothing typed too.
    const listed = findTalks(
      { query: '', filters: { hideWatched: true }, view: 'talks', limit: 3 },
      catalogue,
      search,
      [],
      watched,
    );
    expect(listed.total).toBe(catalogue.talks.length - 2);
  });

  it('lists the talks to continue in the order given, searched and filtered, without talks no catalogue has', () => {
    const started = ['geo-partitioning-with-vitess', 'gone/talk', SHARDING];
    const listed = findTalks(
      { query: '', filters: {}, view: 'continue', limit: 10 },
      catalogue,
      search,
      [],
      new Set(),
      started,
    );
    expect(listed.rows.map((row) => row.id)).toEqual(['geo-partitioning-with-vitess', SHARDING]);
    expect(listed.total).toBe(2);
    const searched = findTalks(
      { query: 'shardng', filters: {}, view: 'continue', limit: 10 },
      catalogue,
      search,
      [],
      new Set(),
      started,
    );
    // Ranked by the query, not by when they were watched.
    expect(searched.rows[0]?.id).toBe(SHARDING);
    expect(searched.rows[0]?.terms.length).toBeGreaterThan(0);
    const filtered = findTalks(
      { query: '', filters: { eventId: 'tinyconf2024' }, view: 'continue', limit: 10 },
      catalogue,
      search,
      [],
      new Set(),
      started,
    );
    expect(filtered.rows.map((row) => row.id)).toEqual([SHARDING]);
    // Counted whole even when only one row is sent.
    expect(
      findTalks({ query: '', filters: {}, view: 'continue', limit: 1 }, catalogue, search, [], new Set(), started)
        .total,
    ).toBe(2);
  });

  it('counts every match, not only the rows it sends', async () => {
    const page = findTalks({ query: '', filters: {}, view: 'talks', limit: 3 }, catalogue, search, []);
    expect(page.rows).toHaveLength(3);
    expect(page.total).toBe(catalogue.talks.length);
  });

  it('finds a low-ranked favourite, and keeps a favourite whose talk has gone', async () => {
    const favourites = [
      { talkId: 'tinyconf2024/105', starredAt: 3 },
      { talkId: 'gone/1', starredAt: 2 },
    ];
    const all = findTalks({ query: '', filters: {}, view: 'favourites', limit: 50 }, catalogue, search, favourites);
    expect(all.rows.map((row) => [row.id, row.talk?.title])).toEqual([
      ['tinyconf2024/105', 'A talk without a guid'],
      ['gone/1', undefined],
    ]);
    const talk = findTalks({ query: 'guid', filters: {}, view: 'favourites', limit: 1 }, catalogue, search, favourites);
    expect(talk.rows.map((row) => row.id)).toEqual(['tinyconf2024/105']);
  });

  it('offers each conference, and topics by their names', async () => {
    const choices = filterChoices(catalogue);
    expect(choices.events).toEqual([
      ['kubecon-na-2019', 'KubeCon + CloudNativeCon North America 2019'],
      ['tinyconf2024', 'TinyConf 2024'],
      ['tiny-json', 'Tiny JSON Camp'],
    ]);
    expect(choices.topics).toContainEqual(['web-security', 'Web & Security']);
    expect(choices.organisations).not.toContain(undefined);
  });

  it('gives the panel of an imported recording, naming speakers without empty brackets, related across catalogues', async () => {
    const panel = await panelFor('ZYXWVUTSRQP', undefined, catalogue);
    expect(panel?.kind).toBe('talk');
    if (panel?.kind !== 'talk') return;
    expect(panel.talk.speakers).toEqual([['Sugu Sougoumarane', 'PlanetScale', 'CTO and Co-Founder'], ['Ana Müller']]);
    const events = new Set(panel.related.map((related) => catalogue.talksById.get(related.id)?.eventId));
    expect(events).toEqual(new Set(['kubecon-na-2019', 'tinyconf2024']));
    const lucy = await panelFor('EMBED678901', undefined, catalogue);
    expect(lucy?.kind === 'talk' && lucy.related.map((related) => related.title)).toContain(
      'Building a Database as a Service on Kubernetes',
    );
  });

  it('suggests imported talks in the address bar, opening their recording', async () => {
    expect(omniboxSuggestions('kubernetes operators', search, catalogue, false, formatList)[0]?.content).toBe(
      'https://www.youtube.com/watch?v=EMBED678901',
    );
  });
});

describe('related talks in a catalogue too large to weigh every talk', () => {
  // 3,000 filler talks by other people on other subjects, then the same tiny conferences as above.
  const filler = {
    event: { id: 'filler', name: 'Filler Conf', subjects: [] },
    speakers: Array.from({ length: 300 }, (_, n) => ({ id: `person-${n}`, name: `Person ${n}` })),
    talks: Array.from({ length: 3000 }, (_, n) => ({
      id: `filler/${n}`,
      eventId: 'filler',
      kind: 'talk' as const,
      title: `Gardening tips number ${n}`,
      speakerIds: [`person-${n % 300}`],
      topics: ['gardening'],
      summary: 'Soil, seeds and patience.',
    })),
  };
  const large = buildCatalogue([...eventFiles, filler, importedFile('small-frab.xml')]);
  const largeSearch = createCatalogueSearch(large);

  it('still finds the same speaker’s talks in another catalogue, and similar titles through the search', async () => {
    const panel = await panelFor('ZYXWVUTSRQP', undefined, large, largeSearch);
    expect(panel?.kind === 'talk' && panel.related.map((related) => related.id)).toEqual(
      expect.arrayContaining(['migrate-mysql-to-vitess', 'tinyconf2024/7c1c9a34-5b8e-4bd4-9a43-2f5c5a2d0c02']),
    );
  });

  it('recognises a speaker named in a video title among thousands of speakers', async () => {
    const about = await panelFor('NotInCatalog', 'Person 42 on composting', large, largeSearch);
    expect(about?.kind).toBe('about');
    expect(about?.related.every((related) => related.speakerNames.includes('Person 42'))).toBe(true);
    expect(await panelFor('NotInCatalog', 'Composting for beginners', large, largeSearch)).toBeUndefined();
  });
});
