import { existsSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../data';
import { bundledEventFiles as eventFiles } from '../../data/events';
import {
  clashWith,
  createCatalogueFile,
  decodeSchedule,
  type ImportedCatalogue,
  isRecordingLabel,
  parseScheduleFile,
  plainText,
  recordingOf,
  shorten,
} from '../../utils/import';
import { createCatalogueSearch } from '../../utils/search';
import { sharedMissing } from '../real-talks';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/schedules/${name}`, import.meta.url), 'utf8');

function imported(text: string, fileName = 'schedule.xml'): ImportedCatalogue {
  const result = parseScheduleFile(text, fileName);
  if (!result.ok) throw new Error(`refused: ${result.error.join(' ')}`);
  return result.catalogue;
}

function refusal(text: string, fileName = 'file'): string {
  const result = parseScheduleFile(text, fileName);
  if (result.ok) throw new Error('imported a file that should be refused');
  return result.error[0];
}

describe('frab / pentabarf XML', () => {
  const catalogue = imported(fixture('small-frab.xml'));
  const [vitess, script, noGuid] = catalogue.file.talks;

  it('reads the conference and every titled event once, saying what it left out', () => {
    expect(catalogue.format).toBe('frab-xml');
    expect(catalogue.id).toBe('tinyconf2024');
    expect(catalogue.file.event).toMatchObject({ name: 'TinyConf 2024', location: 'Lyon', when: '2024-03-09' });
    expect(catalogue.file.talks.map((talk) => talk.title)).toEqual([
      'Sharding MySQL with Vitess',
      '<script>alert("x")</script> & friends',
      'A talk without a guid',
    ]);
    expect(catalogue.skipped).toEqual({ untitled: 1, repeated: 1 });
  });

  it('keeps ids stable: the guid, else the schedule id, under the conference', () => {
    expect(vitess?.id).toBe('tinyconf2024/7c1c9a34-5b8e-4bd4-9a43-2f5c5a2d0c01');
    expect(noGuid?.id).toBe('tinyconf2024/105');
    expect(imported(fixture('small-frab.xml')).file.talks.map((t) => t.id)).toEqual(
      catalogue.file.talks.map((t) => t.id),
    );
  });

  it('takes the recording only from a link labelled as one, in any YouTube form', () => {
    expect(vitess?.videoId).toBe('ZYXWVUTSRQP');
    expect(vitess?.watchUrl).toBeUndefined();
    expect(noGuid?.videoId).toBe('LIVE5678901');
    // Not on YouTube: the MP4 recording becomes the talk's "watch" link.
    expect(script?.videoId).toBeUndefined();
    expect(script?.watchUrl).toBe('https://video.tinyconf.example/102.mp4');
  });

  it('makes speakers one person by name, and abstracts plain text', () => {
    expect(vitess?.speakerIds).toEqual(['sugu-sougoumarane', 'ana-muller']);
    expect(script?.speakerIds).toEqual(['ana-muller']);
    expect(catalogue.file.speakers.map((s) => s.name)).toEqual(['Sugu Sougoumarane', 'Ana Müller']);
    expect(catalogue.file.speakers[0]?.organisation).toBeUndefined();
    expect(vitess?.summary).toBe('From one primary to many — How we split a database & lived.');
    expect(vitess?.kind).toBe('keynote');
    expect(vitess?.topics).toEqual(['databases']);
    expect(catalogue.file.event.topicNames?.['web-security']).toBe('Web & Security');
    expect(vitess?.link).toBe('https://tinyconf.example/2024/talk/101');
  });

  it.each([
    ['truncated', fixture('small-frab.xml').slice(0, 900), 'import_xml_damaged'],
    [
      'a billion-laughs bomb',
      '<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><schedule><conference><title>&lol2;</title></conference></schedule>',
      'import_xml_entities',
    ],
    [
      'an external entity',
      '<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><schedule><conference><title>&xxe;</title></conference></schedule>',
      'import_xml_entities',
    ],
    [
      'an undeclared entity',
      '<schedule><conference><title>&oops;</title></conference></schedule>',
      'import_xml_entities',
    ],
    [
      'another XML document',
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><g/></svg>',
      'import_xml_not_schedule',
    ],
    [
      'a schedule without talks',
      '<schedule><conference><title>Empty</title></conference></schedule>',
      'import_no_talks',
    ],
    ['an HTML page', '<!doctype html><html><body>Hi</body></html>', 'import_xml_damaged'],
  ])('refuses %s with a sentence', (_name, text, key) => {
    expect(refusal(text)).toBe(key);
  });
});

describe('frab-compatible JSON (pretalx)', () => {
  const catalogue = imported(fixture('small-pretalx.json'), 'schedule.json');
  const [operators, lightning] = catalogue.file.talks;

  it('reads events from every room of every day, leniently', () => {
    expect(catalogue.format).toBe('frab-json');
    expect(catalogue.id).toBe('tiny-json');
    expect(catalogue.file.event.name).toBe('Tiny JSON Camp');
    expect(catalogue.file.talks).toHaveLength(2);
    expect(operators?.id).toBe('tiny-json/0b1f0c0e-0000-4000-8000-000000000007');
    expect(operators?.videoId).toBe('EMBED678901');
    expect(operators?.summary).toBe('We wrote three operators. Here is what we learned.');
    expect(lightning?.speakerIds).toEqual(['somebody-else']);
    expect(lightning?.topics).toEqual([]);
  });
});

describe('Sessionize JSON', () => {
  it('identifies the event by its content, never by the name the file was saved under', () => {
    const text = fixture('small-sessionize.json');
    const first = imported(text, 'All.json');
    // The same event downloaded again, saved as the browser names a second copy: the same catalogue, same talks.
    const again = imported(text, 'All (1).json');
    expect(again.id).toBe(first.id);
    expect(again.file.event.name).toBe('All');
    expect(again.file.talks.map((talk) => talk.id)).toEqual(first.file.talks.map((talk) => talk.id));
    // Another event, also saved as All.json: another catalogue, which replaces nothing.
    const other = imported(text.replaceAll('900', '700'), 'All.json');
    expect(other.id).not.toBe(first.id);
  });

  it('names the catalogue after the file and takes videoUrl as the recording', () => {
    const catalogue = imported(fixture('small-sessionize.json'), 'kotlinconf-2025.json');
    expect(catalogue.format).toBe('sessionize-json');
    expect(catalogue.file.event.name).toBe('kotlinconf-2025');
    expect(catalogue.file.talks.map((talk) => [talk.title, talk.videoId])).toEqual([
      ['Coroutines deep dive', 'KOTLIN67890'],
      ['Lunch', undefined],
    ]);
    expect(catalogue.file.speakers).toEqual([
      { id: 'roman-example', name: 'Roman Example', role: 'Kotlin Lead at JetBrains' },
    ]);
  });
});

describe('Talkmark catalogue JSON', () => {
  it('bounds what a file declares: its subjects (count, length, no common words) and its summaries', () => {
    const file = createCatalogueFile(imported(fixture('small-frab.xml')).file);
    const hostile = {
      ...file,
      event: {
        ...file.event,
        subjects: [
          'video',
          'Vitess',
          'The Video',
          '2024',
          'x'.repeat(200),
          'vitess',
          'ab',
          ...Array.from({ length: 50 }, (_, n) => `Project ${n}`),
        ],
      },
      talks: file.talks.map((talk, n) => (n === 0 ? { ...talk, summary: 'word '.repeat(100_000) } : talk)),
    };
    const read = imported(JSON.stringify(hostile), 'hostile.json');
    expect(read.file.event.subjects.slice(0, 3)).toEqual(['Vitess', 'Project 0', 'Project 1']);
    expect(read.file.event.subjects).toHaveLength(12);
    expect(read.file.talks[0]?.summary?.length).toBeLessThanOrEqual(1_001);
  });

  it('reads a file with tens of thousands of tracks, or of persons in one event, in linear time', () => {
    const tracks = Array.from({ length: 40_000 }, (_, n) => `<track name="Track ${n}" slug="track-${n}"/>`).join('');
    const persons = Array.from({ length: 40_000 }, (_, n) => `<person id="${n}">Person ${n}</person>`).join('');
    const xml = `<?xml version="1.0"?><schedule><conference><acronym>big</acronym><title>Big</title>${tracks}</conference><day index="1" date="2024-01-01"><room name="A"><event guid="g1" id="1"><title>Everyone</title><track>Track 7</track><persons>${persons}</persons></event></room></day></schedule>`;
    const started = performance.now();
    const catalogue = imported(xml, 'big.xml');
    // Quadratic work in either count took minutes here; linear work takes well under a second.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(catalogue.file.talks[0]?.speakerIds).toHaveLength(40_000);
    expect(catalogue.file.event.topicNames?.['track-7']).toBe('Track 7');
  });

  it('round-trips an exported catalogue exactly', () => {
    const file = imported(fixture('small-frab.xml')).file;
    const again = imported(JSON.stringify(createCatalogueFile(file)), 'x.json');
    expect(again.format).toBe('talkmark-json');
    expect(again.file).toEqual(file);
  });

  it('exports the bundled recap in the same format', () => {
    const recap = eventFiles[0];
    if (!recap) throw new Error('no bundled catalogue');
    const again = imported(JSON.stringify(createCatalogueFile(recap)), 'recap.json');
    expect(again.file.talks).toEqual(recap.talks);
    expect(again.file.speakers).toEqual(recap.speakers);
  });

  it.each([
    ['a newer version', { format: 'talkmark-catalogue', version: 2 }, 'import_catalogue_newer'],
    ['no event', { format: 'talkmark-catalogue', version: 1, speakers: [], talks: [] }, 'import_catalogue_damaged'],
    [
      'an unknown speaker',
      {
        format: 'talkmark-catalogue',
        version: 1,
        event: { id: 'x', name: 'X', subjects: [] },
        speakers: [],
        talks: [{ id: 't', kind: 'talk', title: 'T', speakerIds: ['nobody'], topics: [] }],
      },
      'import_catalogue_damaged',
    ],
    [
      'a bad video id',
      {
        format: 'talkmark-catalogue',
        version: 1,
        event: { id: 'x', name: 'X', subjects: [] },
        speakers: [],
        talks: [{ id: 't', kind: 'talk', title: 'T', speakerIds: [], topics: [], videoId: 'short' }],
      },
      'import_catalogue_damaged',
    ],
    ['a favourites export', { format: 'talkmark-favourites', version: 1, favourites: [] }, 'import_is_favourites'],
  ])('refuses %s', (_name, data, key) => {
    expect(refusal(JSON.stringify(data))).toBe(key);
  });
});

describe('files that are not schedules', () => {
  it.each([
    ['a PNG renamed .xml', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'import_binary'],
    ['bytes that are not text', 'GIF89a\uFFFD\uFFFD\u0000', 'import_binary'],
    ['plain text', 'Hello, this is a note.', 'import_not_schedule'],
    ['an iCalendar file', 'BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR', 'import_not_schedule'],
    ['truncated JSON', '{"schedule": {"conference": {"days": [', 'import_json_damaged'],
    ['JSON of another shape', '{"name": "package", "version": "1.0.0"}', 'import_json_not_schedule'],
    ['a JSON array', '[1, 2, 3]', 'import_json_not_schedule'],
    ['a schedule without days', '{"schedule": {"conference": {"title": "X"}}}', 'import_json_not_schedule'],
  ])('refuses %s', (_name, text, key) => {
    expect(refusal(text)).toBe(key);
  });

  it('refuses a schedule of 100,000 events instead of half-reading it', () => {
    const event = (n: number) => ({ guid: `g${n}`, title: `Talk ${n}`, persons: [], links: [] });
    const text = JSON.stringify({
      schedule: {
        conference: { title: 'Huge', days: [{ rooms: { A: Array.from({ length: 100_000 }, (_, n) => event(n)) } }] },
      },
    });
    expect(refusal(text)).toBe('import_too_many');
  });
});

describe('recordings and text', () => {
  it.each([
    ['Video recording', true],
    ['Video recording (mp4)', true],
    ['video recording (WebM/VP9)', true],
    ['RECORDING', true],
    ['Video', true],
    ['Video - YouTube', true],
    ['Recording of a previous iteration of the talk', false],
    ['My talk on RustCon Asia', false],
    ['Slides', false],
    ['Video of my last talk', false],
  ])('“%s” is a recording label: %s', (label, expected) => {
    expect(isRecordingLabel(label)).toBe(expected);
  });

  it('takes the first YouTube recording, else an MP4, else nothing', () => {
    expect(recordingOf([{ url: 'https://youtu.be/abcdefghijk', label: 'Slides' }])).toEqual({});
    expect(recordingOf([{ url: 'javascript:alert(1)', label: 'Video' }])).toEqual({});
    expect(
      recordingOf([
        { url: 'https://media.ccc.de/v/31c3-1', label: 'Recording' },
        { url: 'https://www.youtube.com/watch?feature=share&v=abcdefghijk&t=3', label: 'Video' },
      ]),
    ).toEqual({ videoId: 'abcdefghijk' });
  });

  it('drops markup, scripts included, and cuts long text at a word', () => {
    expect(plainText('<p>Hello <script>alert(1)</script><b>world</b> &amp; &#233;t&#xE9;</p>')).toBe(
      'Hello world & été',
    );
    expect(shorten('one two three four', 12)).toBe('one two…');
  });
});

// The real schedules in ../shared (see its SOURCES.md); never copied into the project.
const samples = new URL('../../../shared/talk-data/samples/', import.meta.url);
const haveSamples = existsSync(samples);
if (!haveSamples) sharedMissing('The real-schedule imports', samples);

describe.skipIf(!haveSamples)('the real schedules in ../shared/talk-data/samples', () => {
  const read = (name: string) => readFileSync(new URL(name, samples), 'utf8');
  it.each([
    ['fosdem-2020-schedule.xml', 'frab-xml', 'fosdem-2020', 872, 'Welcome to FOSDEM 2020'],
    ['ccc-31c3-fahrplan-frab.xml', 'frab-xml', '31c3', 138, 'SS7: Locate. Track. Manipulate.'],
    [
      'ccc-39c3-hub-schedule-20251206.xml',
      'frab-xml',
      '39c3',
      215,
      'All my Deutschlandtickets gone: Fraud at an industrial scale',
    ],
    ['pretalx-mch2022-schedule.json', 'frab-json', 'mch2021-2020', 183, '⚠️ May Contain Hackers 2022 Opening'],
    ['pretalx-rc3-channels-2020-schedule.json', 'frab-json', undefined, 48, undefined],
    ['frab-camp2019-schedule.json', 'frab-json', 'camp2019', 79, undefined],
    [
      'kotlinconf-2025-conference.json',
      'sessionize-json',
      'sessionize-85fbb0ea-565d-4d7f-b57a-ce71c2892e29',
      112,
      'Opening keynote',
    ],
  ])('%s imports as %s with its exact talk count', (name, format, id, count, title) => {
    const catalogue = imported(read(name), name);
    expect(catalogue.format).toBe(format);
    if (id) expect(catalogue.id).toBe(id);
    expect(catalogue.file.talks.length + catalogue.skipped.untitled + catalogue.skipped.repeated).toBe(count);
    expect(catalogue.file.talks).toHaveLength(count);
    if (title) expect(catalogue.file.talks.map((talk) => talk.title)).toContain(title);
    // A talk of each, searched by its title among the bundled talks and this catalogue's, comes first.
    const search = createCatalogueSearch(buildCatalogue([...eventFiles, catalogue.file]));
    const titles = catalogue.file.talks.map((talk) => talk.title);
    const unique = catalogue.file.talks.filter((talk) => titles.indexOf(talk.title) === titles.lastIndexOf(talk.title));
    const wanted = (title && unique.find((talk) => talk.title === title)) || unique[Math.floor(unique.length / 2)];
    // Every sample has a title of its own; without one this check would compare nothing with nothing.
    expect(wanted?.id).toEqual(expect.any(String));
    expect(search.search(wanted?.title ?? '')[0]?.id).toBe(wanted?.id);
  });

  it('FOSDEM 2020: video.fosdem.org recordings, and speakers’ own YouTube links are not recordings', () => {
    const { file } = imported(read('fosdem-2020-schedule.xml'));
    const welcome = file.talks.find((talk) => talk.title === 'Welcome to FOSDEM 2020');
    expect(welcome?.watchUrl).toBe('https://video.fosdem.org/2020/Janson/keynotes_welcome.mp4');
    expect(welcome?.speakerIds).toEqual(['fosdem-staff']);
    expect(file.talks.filter((talk) => talk.watchUrl).length).toBeGreaterThanOrEqual(700);
    // Two YouTube links are labelled as recordings ("Video recording (YouTube)", "Video"); the other 20-odd are
    // speakers' links to other talks ("Recording of a previous iteration of the talk", "LCA 2020 Video (full talk)").
    expect(file.talks.flatMap((talk) => talk.videoId ?? []).sort()).toEqual(['A-aG0ClSiZ0', 'fS3NAbvJD7Y']);
  });

  it('KotlinConf 2025: 76 sessions with their YouTube recording', () => {
    const { file } = imported(read('kotlinconf-2025-conference.json'), 'kotlinconf-2025-conference.json');
    expect(file.talks.filter((talk) => talk.videoId)).toHaveLength(76);
    expect(file.talks.find((talk) => talk.title === 'Opening keynote')).toMatchObject({
      videoId: 'F5NaqGF9oT4',
      kind: 'keynote',
    });
  });

  it('refuses the files that are not schedules it reads, with a sentence', () => {
    expect(refusal(read('sched-jococruise-2024.ics'))).toBe('import_not_schedule');
    expect(refusal(read('c3voc-schedule-schema.json'))).toBe('import_json_not_schedule');
  });
});

describe('the committed JSON Schema of the Talkmark catalogue format', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../data/talkmark-catalogue.schema.json', import.meta.url), 'utf8'),
  );
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

  it('accepts every catalogue Talkmark exports: the bundled recap and imported schedules', () => {
    const exports = [
      ...eventFiles.map(createCatalogueFile),
      createCatalogueFile(imported(fixture('small-frab.xml')).file),
      createCatalogueFile(imported(fixture('small-pretalx.json'), 'x.json').file),
      createCatalogueFile(imported(fixture('small-sessionize.json'), 'x.json').file),
    ];
    for (const file of exports) {
      expect(validate(JSON.parse(JSON.stringify(file))), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('refuses what the importer refuses', () => {
    const good = JSON.parse(JSON.stringify(createCatalogueFile(imported(fixture('small-frab.xml')).file)));
    const broken = [
      { ...good, version: 2 },
      { ...good, event: { ...good.event, name: ' ' } },
      { ...good, talks: [{ ...good.talks[0], videoId: 'short' }] },
      { ...good, talks: [{ ...good.talks[0], kind: 'panel' }] },
      { ...good, talks: [] },
    ];
    for (const file of broken) {
      expect(validate(file)).toBe(false);
      expect(parseScheduleFile(JSON.stringify(file), 'x.json').ok).toBe(false);
    }
  });
});

describe('hostile names', () => {
  it('quotes at most a short piece of what a file says in a refusal', () => {
    const result = parseScheduleFile(`<${'a'.repeat(5000)}/>`, 'x.xml');
    expect(!result.ok && result.error).toEqual(['import_xml_not_schedule', `${'a'.repeat(80)}…`]);
  });

  it('treats tracks and guids named like object internals as plain text', () => {
    const event = (guid: string, track: string) =>
      `<event guid="${guid}"><title>T ${guid}</title><track>${track}</track></event>`;
    const xml = `<schedule><conference><title>Proto</title></conference><day><room>${event('__proto__', 'constructor')}${event('constructor', '__proto__')}</room></day></schedule>`;
    const { file } = imported(xml);
    expect(file.talks.map((talk) => talk.id)).toEqual(['proto/__proto__', 'proto/constructor']);
    expect(Object.getPrototypeOf(file.event.topicNames)).toBe(Object.prototype);
    expect(Object.entries(file.event.topicNames ?? {})).toEqual([
      ['constructor', 'constructor'],
      ['proto', '__proto__'],
    ]);
  });
});

describe('decoding a schedule file', () => {
  const xml = (encoding: string) =>
    `<?xml version="1.0" encoding="${encoding}"?><schedule><title>Zoë Ångström</title></schedule>`;

  it('honours the encoding an XML file declares, and a UTF-16 byte order mark', () => {
    const latin1 = Uint8Array.from(xml('ISO-8859-1'), (char) => char.charCodeAt(0));
    expect(decodeSchedule(latin1)).toContain('Zoë Ångström');
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(Uint16Array.from(xml('UTF-16'), (char) => char.charCodeAt(0)).buffer),
    ]);
    expect(decodeSchedule(utf16)).toContain('Zoë Ångström');
  });

  it('reads everything else as UTF-8', () => {
    expect(decodeSchedule(new TextEncoder().encode(xml('UTF-8')))).toContain('Zoë Ångström');
    expect(decodeSchedule(new TextEncoder().encode('{"schedule": "Zoë"}'))).toBe('{"schedule": "Zoë"}');
    expect(decodeSchedule(new TextEncoder().encode(xml('x-unknown-encoding')))).toContain('Zoë Ångström');
  });
});

describe('an import that would clash with the catalogues already there', () => {
  const tiny = imported(fixture('small-frab.xml'));
  const asShared = (edit: (file: ReturnType<typeof createCatalogueFile>) => void) => {
    const file = JSON.parse(JSON.stringify(createCatalogueFile(tiny.file)));
    edit(file);
    return imported(JSON.stringify(file), 'shared.json');
  };

  it('refuses to replace a bundled catalogue, or to reuse a talk id of one', () => {
    const recap = asShared((file) => {
      file.event.id = 'kubecon-na-2019';
    });
    expect(clashWith(recap, eventFiles, [])?.[0]).toBe('import_is_bundled');
    const reusing = asShared((file) => {
      file.event.id = 'other';
      file.talks[0]!.id = 'vitess-keynote';
    });
    expect(clashWith(reusing, eventFiles, [])).toEqual([
      'import_talk_id_taken',
      'vitess-keynote',
      'KubeCon + CloudNativeCon North America 2019',
    ]);
  });

  it('refuses another catalogue’s talk ids, but not its own earlier version’s', () => {
    const copy = asShared((file) => {
      file.event.id = 'a-copy';
    });
    expect(clashWith(copy, eventFiles, [tiny.file])?.slice(0, 1)).toEqual(['import_talk_id_taken']);
    expect(clashWith(tiny, eventFiles, [tiny.file])).toBeUndefined();
  });
});
