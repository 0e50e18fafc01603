import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../data';
import { bundledEventFiles as eventFiles } from '../../data/events';
import { parseScheduleFile } from '../../utils/import';
import { catalogueKeys, createPanelGate, panelFor, readCatalogueKeys, storedKeysOf } from '../../utils/panel';

const xml = readFileSync(new URL('../fixtures/schedules/small-frab.xml', import.meta.url), 'utf8');
const parsed = parseScheduleFile(xml, 'schedule.xml');
if (!parsed.ok) throw new Error('fixture refused');
const files = [...eventFiles, parsed.catalogue.file];
const gate = createPanelGate(files.map(catalogueKeys));
const catalogue = buildCatalogue(files);

describe('the panel gate', () => {
  it('opens for a catalogue talk’s video, bundled or imported, whatever the title', () => {
    expect(gate('two3TzF9mVY')).toBe(true);
    expect(gate('ZYXWVUTSRQP', 'anything')).toBe(true);
  });

  it('opens for a title naming a speaker or a subject, in any case or accent', () => {
    expect(gate('other123456', 'An interview with ANA MULLER')).toBe(true);
    expect(gate('other123456', 'Vitess in production')).toBe(true);
  });

  it('stays shut for the rest, and without a title judges by the id alone', () => {
    expect(gate('other123456', 'How to tune a guitar')).toBe(false);
    expect(gate('other123456', 'Ana at the beach')).toBe(false);
    expect(gate('other123456')).toBe(false);
  });

  it('never hides a panel that would show', async () => {
    const titles = [
      'Vitess: sharding MySQL',
      'Sugu Sougoumarane on databases',
      'Kubernetes tutorial',
      'Ana Müller live',
      'PlanetScale news',
      'Cooking pasta',
      'Deepthi Sigireddi and Morgan Tocker',
    ];
    for (const title of titles) {
      if (await panelFor('other123456', title, catalogue)) expect(gate('other123456', title), title).toBe(true);
    }
    for (const talk of catalogue.talks) if (talk.videoId) expect(gate(talk.videoId)).toBe(true);
  });

  it('reads back what it stores, as lines, and keys stored as lists by the previous release', () => {
    const keys = catalogueKeys(parsed.catalogue.file);
    expect(keys.videoDocs).toEqual([0, 2]);
    expect(readCatalogueKeys(storedKeysOf(keys))).toEqual(keys);
    const none = { videoIds: [], videoDocs: [], names: [] };
    expect(readCatalogueKeys(storedKeysOf(none))).toEqual(none);
    expect(readCatalogueKeys({ videoIds: ['a'], names: ['b'] })).toEqual({ videoIds: ['a'], names: ['b'] });
    expect(readCatalogueKeys({ videoIds: 'a', names: 'b' })).toBeUndefined();
  });
});
