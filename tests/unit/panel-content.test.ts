import { describe, expect, it } from 'vitest';
import { bundledCatalogue as catalogue } from '../../data/events';
import { panelFor } from '../../utils/panel';

describe('panelFor', () => {
  it('describes a catalogue talk, whatever the title, with its related talks', async () => {
    const panel = await panelFor('two3TzF9mVY', 'anything', catalogue);
    expect(panel?.kind).toBe('talk');
    if (panel?.kind !== 'talk') return;
    expect(panel.talk).toEqual({
      id: 'vitess-keynote',
      title: 'If you are moving to Kubernetes, don’t leave your data behind.',
      kind: 'keynote',
      eventName: 'KubeCon + CloudNativeCon North America 2019',
      speakers: [['Sugu Sougoumarane', 'PlanetScale', 'CTO and Co-Founder']],
      startSeconds: 105,
    });
    expect(panel.related.map((r) => r.id)).not.toContain('vitess-keynote');
    expect(panel.related.find((r) => r.id === 'thecube-interview')).toMatchObject({
      external: true,
      url: 'https://twitter.com/theCUBE365/status/1199689938209529857',
    });
  });

  it('needs the title to judge any other video, and survives a trip through messaging', async () => {
    expect(await panelFor('VitessShard', undefined, catalogue)).toBeUndefined();
    const about = await panelFor('VitessShard', 'Vitess: sharding MySQL on Kubernetes', catalogue);
    expect(about?.kind).toBe('about');
    expect(structuredClone(about)).toEqual(about);
    expect(await panelFor('whatever', 'Kubernetes tutorial for beginners', catalogue)).toBeUndefined();
  });
});
