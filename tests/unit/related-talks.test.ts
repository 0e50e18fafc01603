import { describe, expect, it } from 'vitest';
import { catalogue } from '../../data/catalogue';
import { say } from '../../utils/i18n';
import { rankRelatedTalks, talksForVideoTitle } from '../../utils/related-talks';

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
    expect(related[0]?.reasons.map(say)).toContain('Also about migration and vitess');
  });

  it('relates the extensions talk through Kubernetes only', () => {
    const related = rankRelatedTalks(talk('extensions-design-patterns'), catalogue);
    expect(related[0]?.reasons.map(say).join(' ')).toMatch(/kubernetes/);
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
