import { describe, expect, it } from 'vitest';
import type { EventFile } from '../../data';
import { buildCatalogue, speakersOf, talkUrl, validateCatalogue } from '../../data';
import { bundledCatalogue as catalogue, bundledEventFiles as eventFiles } from '../../data/events';
import { formatTimestamp } from '../../utils/i18n';

/** The recap's facts, copied by hand from it: the catalogue must hold exactly these. */
const RECAP_TALKS = [
  [
    'keynote',
    'two3TzF9mVY',
    'If you are moving to Kubernetes, don’t leave your data behind.',
    ['Sugu Sougoumarane'],
    'https://youtu.be/two3TzF9mVY?t=105',
  ],
  [
    'talk',
    'z63dtNj6ctY',
    'Vitess: Stateless Storage in the Cloud',
    ['Sugu Sougoumarane'],
    'https://www.youtube.com/watch?v=z63dtNj6ctY&t=1s',
  ],
  [
    'talk',
    'OCS45iy5v1M',
    'How to Migrate a MySQL Database to Vitess',
    ['Sugu Sougoumarane', 'Morgan Tocker'],
    'https://www.youtube.com/watch?v=OCS45iy5v1M',
  ],
  [
    'talk',
    '469NOldFOgw',
    'Building a Database as a Service on Kubernetes',
    ['Abhi Vaidyanatha', 'Lucy Burns'],
    'https://www.youtube.com/watch?v=469NOldFOgw',
  ],
  [
    'talk',
    '-Hz6LFJu1cY',
    'Geo-partitioning with Vitess',
    ['Deepthi Sigireddi', 'Jitendra Vaidya'],
    'https://www.youtube.com/watch?v=-Hz6LFJu1cY',
  ],
  [
    'talk',
    'aTItjMJE17c',
    "Scaling Resilient Systems: A Journey into Slack's Database Service",
    ['Rafael Chacon', 'Guido Iaquinti'],
    'https://youtu.be/aTItjMJE17c',
  ],
  [
    'talk',
    'KpygSD-v_ws',
    'Gone in 60 Minutes: Migrating 20 TB from AKS to GKE in an Hour with Vitess',
    ['Derek Perkins'],
    'https://youtu.be/KpygSD-v_ws',
  ],
  [
    'talk',
    'ph4a9TzK29U',
    'Growth and Design Patterns in the Extensions Ecosystem',
    ['Eric Tune'],
    'https://www.youtube.com/watch?v=ph4a9TzK29U',
  ],
  [
    'interview',
    undefined,
    'The Cube',
    ['Sugu Sougoumarane'],
    'https://twitter.com/theCUBE365/status/1199689938209529857',
  ],
  [
    'podcast',
    undefined,
    'Kubernetes Podcast',
    ['Jitendra Vaidya', 'Sugu Sougoumarane'],
    'https://kubernetespodcast.com/episode/081-vitess/',
  ],
] as const;

const RECAP_SPEAKERS = [
  ['Sugu Sougoumarane', 'PlanetScale', 'CTO and Co-Founder'],
  ['Morgan Tocker', 'PlanetScale', undefined],
  ['Abhi Vaidyanatha', 'PlanetScale', undefined],
  ['Lucy Burns', 'PlanetScale', undefined],
  ['Deepthi Sigireddi', 'PlanetScale', undefined],
  ['Jitendra Vaidya', 'PlanetScale', undefined],
  ['Rafael Chacon', 'Slack', undefined],
  ['Guido Iaquinti', 'Slack', undefined],
  ['Derek Perkins', 'Nozzle', undefined],
  ['Eric Tune', 'Google', 'Kubernetes contributor and API reviewer'],
] as const;

describe('the shipped catalogue', () => {
  it('passes validation', () => {
    expect(validateCatalogue(eventFiles)).toEqual([]);
  });

  it('holds the KubeCon NA 2019 event with the recap as its source', () => {
    const event = catalogue.events.get('kubecon-na-2019');
    expect(event).toMatchObject({
      name: 'KubeCon + CloudNativeCon North America 2019',
      location: 'San Diego',
      source: { title: 'PlanetScale and Vitess at KubeCon NA 2019', author: 'Lucy Burns', published: '2019-12-09' },
    });
  });

  it('holds every talk of the recap, exactly, keynote first', () => {
    const actual = catalogue.talks.map((talk) => [
      talk.kind,
      talk.videoId,
      talk.title,
      speakersOf(talk, catalogue).map((speaker) => speaker.name),
      talk.link,
    ]);
    expect(actual).toEqual(RECAP_TALKS);
  });

  it('holds the ten speakers with organisation and role', () => {
    const actual = [...catalogue.speakers.values()].map((speaker) => [
      speaker.name,
      speaker.organisation,
      speaker.role,
    ]);
    expect(actual).toEqual(RECAP_SPEAKERS);
  });

  it('starts the keynote at the Vitess segment', () => {
    const keynote = catalogue.talksByVideoId.get('two3TzF9mVY');
    expect(keynote?.startSeconds).toBe(105);
    expect(keynote && talkUrl(keynote)).toBe('https://www.youtube.com/watch?v=two3TzF9mVY&t=105');
  });

  it('gives every talk topics and a summary of its own', () => {
    for (const talk of catalogue.talks) {
      expect(talk.topics.length, talk.id).toBeGreaterThan(0);
      expect((talk.summary ?? '').length, talk.id).toBeGreaterThan(40);
    }
    expect(catalogue.talksById.get('geo-partitioning-with-vitess')?.topics).toEqual(
      expect.arrayContaining(['geo-partitioning', 'gdpr', 'sharding']),
    );
  });

  it('opens interviews at their own link', () => {
    const podcast = catalogue.talksById.get('kubernetes-podcast-81');
    expect(podcast && talkUrl(podcast)).toBe('https://kubernetespodcast.com/episode/081-vitess/');
  });
});

describe('validateCatalogue', () => {
  const valid = (): EventFile => structuredClone(eventFiles[0] as EventFile);

  it.each<[string, (file: EventFile) => void, RegExp]>([
    ['a duplicate talk id', (f) => f.talks.push({ ...f.talks[0]!, videoId: 'AAAAAAAAAAA' }), /used more than once/],
    ['an unknown speaker', (f) => f.talks[1]!.speakerIds.push('nobody'), /speaker "nobody" does not exist/],
    ['a short video id', (f) => (f.talks[1]!.videoId = 'abc'), /not 11 characters/],
    ['a video id with a bad character', (f) => (f.talks[1]!.videoId = 'abc$efghijk'), /not 11 characters/],
    ['an http link', (f) => (f.talks[2]!.link = 'http://example.com/'), /not an https link/],
    ['a link that is not a URL', (f) => (f.talks[2]!.link = 'console.planetscale.com/signup'), /not an https link/],
    ['an empty title', (f) => (f.talks[3]!.title = ' '), /"title" is empty/],
    ['an empty summary', (f) => (f.talks[3]!.summary = ''), /"summary" is empty/],
    ['no topics', (f) => (f.talks[3]!.topics = []), /"topics" is empty/],
    ['an empty speaker name', (f) => (f.speakers[0]!.name = ''), /"name" is empty/],
    ['a talk filed under another event', (f) => (f.talks[4]!.eventId = 'elsewhere'), /belongs to event/],
    ['a start with no video', (f) => (f.talks[8]!.startSeconds = 5), /has a start but no video/],
  ])('reports %s', (_label, breakIt, expected) => {
    const file = valid();
    breakIt(file);
    expect(validateCatalogue([file]).join('\n')).toMatch(expected);
  });

  it('accepts ids with - and _', () => {
    const file = valid();
    file.talks[1]!.videoId = '-_aZ09-_aZ0';
    expect(validateCatalogue([file])).toEqual([]);
  });

  it('reports a speaker described differently in two event files', () => {
    const other = valid();
    other.event.id = 'another-event';
    for (const talk of other.talks) {
      talk.id = `other-${talk.id}`;
      talk.eventId = 'another-event';
      delete talk.videoId;
      delete talk.startSeconds;
    }
    other.speakers[0]!.organisation = 'Elsewhere';
    expect(validateCatalogue([valid(), other]).join('\n')).toMatch(/sugu-sougoumarane: is described differently/);
  });

  it('merges a second event file into one catalogue, ordered by kind', () => {
    const other = valid();
    other.event.id = 'another-event';
    other.talks = [{ ...other.talks[0]!, id: 'another-keynote', eventId: 'another-event', videoId: 'BBBBBBBBBBB' }];
    const merged = buildCatalogue([valid(), other]);
    expect(merged.talks.slice(0, 2).map((talk) => talk.id)).toEqual(['vitess-keynote', 'another-keynote']);
    expect(merged.events.size).toBe(2);
  });
});

describe('formatTimestamp', () => {
  it.each([
    [105, '1:45'],
    [5, '0:05'],
    [3723, '1:02:03'],
  ])('%i s is %s', (seconds, expected) => {
    expect(formatTimestamp(seconds)).toBe(expected);
  });
});
