import { describe, expect, it, vi } from 'vitest';
import { buildCatalogue, type EventFile, type Talk, topicNameIn } from '../../data';
import { bundledEventFiles, bundledCatalogue as catalogue } from '../../data/events';
import { say } from '../../utils/i18n';
import {
  RelatedNeighbours,
  rankRelatedByPosition,
  rankRelatedTalks,
  readRelatedIndex,
  relatedIndexOf,
  talksForVideoTitle,
} from '../../utils/related';

const talk = (id: string) => {
  const found = catalogue.talksById.get(id);
  if (!found) throw new Error(id);
  return found;
};
const ids = (related: { talk: { id: string } }[]) => related.map((r) => r.talk.id);

describe('rankRelatedTalks', () => {
  it('never lists the talk itself and gives 3 to 5 talks for every catalogue talk', () => {
    for (const current of catalogue.talks) {
      const related = rankRelatedTalks(current, catalogue);
      expect(ids(related), current.id).not.toContain(current.id);
      expect(related.length, current.id).toBeGreaterThanOrEqual(3);
      expect(related.length, current.id).toBeLessThanOrEqual(5);
      for (const r of related) expect(r.reasons.length, `${current.id} → ${r.talk.id}`).toBeGreaterThan(0);
    }
  });

  it('puts talks by the same speaker first and says so', () => {
    const related = rankRelatedTalks(talk('vitess-stateless-storage'), catalogue);
    expect(ids(related.slice(0, 2))).toEqual(expect.arrayContaining(['kubernetes-podcast-81']));
    expect(say(related[0]!.reasons[0]!)).toMatch(/^Also by Sugu Sougoumarane/);
  });

  it('relates talks that share rare topics', () => {
    const related = rankRelatedTalks(talk('aks-to-gke-in-an-hour'), catalogue);
    expect(related[0]?.talk.id).toBe('migrate-mysql-to-vitess');
    expect(related[0]?.reasons.map(say)).toContain('Also about Migration and Vitess');
  });

  it('relates the extensions talk through Kubernetes only', () => {
    const related = rankRelatedTalks(talk('extensions-design-patterns'), catalogue);
    expect(related[0]?.reasons.map(say).join(' ')).toMatch(/Kubernetes/);
  });
});

describe('talksForVideoTitle', () => {
  it.each([
    ['Vitess: Sharding MySQL on Kubernetes (tutorial)', 'geo-partitioning-with-vitess'],
    ['Sugu Sougoumarane on databases', 'migrate-mysql-to-vitess'],
    ['How PlanetScale runs MySQL', 'migrate-mysql-to-vitess'],
    ['Deepthi Sigireddi: Vitess at scale', 'geo-partitioning-with-vitess'],
    ['Migrating to Vitess in production', 'migrate-mysql-to-vitess'],
  ])('"%s" is about the catalogue, best match %s', (title, best) => {
    const related = talksForVideoTitle(title, catalogue);
    expect(related.length).toBeGreaterThanOrEqual(3);
    expect(related[0]?.talk.id).toBe(best);
  });

  it('lists the talks of a speaker named in the title first', () => {
    const related = talksForVideoTitle('A chat with Sugu Sougoumarane', catalogue);
    expect(related.slice(0, 3).every((r) => r.talk.speakerIds.includes('sugu-sougoumarane'))).toBe(true);
    expect(related[0]?.reasons.map(say)).toContain('Sugu Sougoumarane speaks');
  });

  it.each([
    'Kubernetes tutorial for beginners',
    'MySQL in 100 seconds',
    'Never Gonna Give You Up',
    'Lucy’s Tacos San Diego food tour',
    'Eric Clapton - Tears in Heaven',
    'Tune your guitar in 5 minutes',
    'invitess party', // "vitess" inside another word is not Vitess
    '',
  ])('"%s" is not plainly about the catalogue', (title) => {
    expect(talksForVideoTitle(title, catalogue)).toEqual([]);
  });
});

describe('the related index', () => {
  const made = (id: string, speakerIds: string[], topics: string[], eventId = 'a'): Talk => ({
    id,
    eventId,
    kind: 'talk',
    title: id,
    speakerIds,
    topics,
  });
  /** The talks as one event's file (the event of the first talk). */
  const fileOf = (talks: Talk[]): EventFile => ({
    event: { id: talks[0]?.eventId ?? 'a', name: 'Conf', subjects: [] },
    speakers: [],
    talks,
  });
  const first = relatedIndexOf(fileOf([made('a1', ['ada'], ['x', 'y']), made('a2', ['bob', 'bob'], ['y', 'y'])]), 'b1');
  const second = relatedIndexOf(
    fileOf([made('b1', ['bob'], ['y'], 'b'), made('b2', [], [], 'b'), made('b3', ['ada'], ['z'], 'b')]),
  );

  it('numbers talks across catalogues in order, each speaker and topic once per talk', () => {
    const neighbours = new RelatedNeighbours([first, second]);
    expect(neighbours.talkCount).toBe(5);
    expect(neighbours.speakersAt(1)).toEqual(['bob']);
    expect(neighbours.topicsAt(1)).toEqual(['y']);
    expect(neighbours.withSpeaker('ada')).toEqual([0, 4]);
    expect(neighbours.withSpeaker('bob')).toEqual([1, 2]);
    expect(neighbours.withSpeaker('nobody')).toEqual([]);
    expect(neighbours.withTopic('y', 2)).toEqual({ positions: [0, 1], count: 3 });
    expect(neighbours.eventAt(3)).toBe('b');
    expect(neighbours.topicsAt(3)).toEqual([]);
  });

  it('finds the speakers a title names, by the name the first catalogue describing them gives', () => {
    const described = (talks: Talk[], speakers: Array<[id: string, name: string]>): EventFile => ({
      ...fileOf(talks),
      speakers: speakers.map(([id, name]) => ({ id, name })),
    });
    const neighbours = new RelatedNeighbours([
      relatedIndexOf(described([made('a1', ['ada'], [])], [['ada', 'Ada Lovelace']])),
      relatedIndexOf(
        described(
          [made('b1', ['ada', 'grace'], [], 'b')],
          [
            ['ada', 'Ada L'],
            ['grace', 'Grace Hopper'],
          ],
        ),
      ),
    ]);
    expect(neighbours.speakersNamed(new Set(['grace hopper', 'ada lovelace']))).toEqual(['ada', 'grace']);
    expect(neighbours.speakersNamed(new Set(['ada l']))).toEqual([]);
  });

  it('ranks shared speakers over shared topics, then the earlier talk, never the talk itself', () => {
    const neighbours = new RelatedNeighbours([first, second]);
    const ranked = rankRelatedByPosition(1, neighbours, []);
    expect(ranked.map((related) => related.position)).toEqual([2, 0]);
    expect(ranked[0]).toMatchObject({ sharedSpeakers: ['bob'], sharedTopics: ['y'] });
    // Found similar by the search only: ranked by how close its score is to the talk's own.
    const similar = rankRelatedByPosition(3, neighbours, [
      { position: 3, score: 10 },
      { position: 4, score: 5 },
      { position: 0, score: 8 },
    ]);
    expect(similar.map((related) => [related.position, related.score])).toEqual([
      [0, 3.2],
      [4, 2],
    ]);
  });

  it('lists a talk found twice (in two catalogues, or the one on screen again) once, at its best place', () => {
    const titled = (id: string, title: string, eventId: string): Talk => ({
      ...made(id, ['ada'], ['x'], eventId),
      title,
    });
    const one = relatedIndexOf(
      fileOf([titled('a1', 'Vitess at Scale', 'a'), titled('a2', 'Sharding: the hard parts', 'a')]),
    );
    const two = relatedIndexOf(
      fileOf([
        titled('b1', 'vitess at scale!', 'b'),
        titled('b2', 'Sharding — the Hard Parts', 'b'),
        titled('b3', 'Backups', 'b'),
      ]),
    );
    const ranked = rankRelatedByPosition(0, new RelatedNeighbours([one, two]), []);
    expect(ranked.map((related) => related.position)).toEqual([1, 4]);
  });

  it('is read back only whole, of the expected build and size', () => {
    const stored = structuredClone(first);
    expect(readRelatedIndex(stored, 'b1', 2)).toEqual(first);
    expect(readRelatedIndex(stored, 'other build', 2)).toBeUndefined();
    expect(readRelatedIndex(stored, 'b1', 3)).toBeUndefined();
    expect(readRelatedIndex({ ...stored, docTopics: [0, 1] }, 'b1', 2)).toBeUndefined();
    expect(readRelatedIndex({ ...stored, docSpeakers: Uint32Array.of(0, 7) }, 'b1', 2)).toBeUndefined();
    expect(readRelatedIndex(undefined, 'b1', 2)).toBeUndefined();
  });
});

describe('the words of a reason', () => {
  it('list names in the messages’ language, not the browser’s, and name topics as their conference does', async () => {
    vi.resetModules();
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const english = fakeBrowser.i18n.getMessage;
    // German messages, whatever language the browser's Intl would pick by itself.
    fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) =>
      key === 'locale_language' ? 'de' : english(key as never, substitutions)) as typeof english;
    try {
      const { relatedReasons } = await import('../../utils/related');
      expect(relatedReasons(['Ana Müller', 'Ben Ito'], [])[0]).toEqual(['reason_also_by', 'Ana Müller und Ben Ito']);
    } finally {
      fakeBrowser.i18n.getMessage = english;
      vi.resetModules();
    }
    const withNames = buildCatalogue([
      {
        ...bundledEventFiles[0]!,
        event: { ...bundledEventFiles[0]!.event, topicNames: { migration: 'Moving house', vitess: 'Vitess' } },
      },
    ]);
    const related = rankRelatedTalks(talk('aks-to-gke-in-an-hour'), withNames);
    expect(related[0]?.reasons.map(say)).toContain('Also about Moving house and Vitess');
    // A topic its conference does not name is said in words, not as a slug.
    const unnamed = buildCatalogue([
      { ...bundledEventFiles[0]!, event: { ...bundledEventFiles[0]!.event, topicNames: {} } },
    ]);
    expect(rankRelatedTalks(talk('aks-to-gke-in-an-hour'), unnamed)[0]?.reasons.map(say)).toContain(
      'Also about migration and vitess',
    );
    expect(topicNameIn('ethics-society-politics', [])).toBe('ethics society politics');
  });
});
