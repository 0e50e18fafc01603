import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { say } from '../../utils/i18n';
import { createFavouritesFile, parseFavouritesFile } from '../../utils/import';

const known = (id: string) => ['vitess-keynote', 'geo-partitioning-with-vitess'].includes(id);
const titles: Record<string, string> = { 'vitess-keynote': 'Keynote', 'geo-partitioning-with-vitess': 'Geo' };

describe('favourites file', () => {
  it('round-trips an export', () => {
    const favourites = [
      { talkId: 'vitess-keynote', starredAt: Date.UTC(2026, 0, 2) },
      { talkId: 'geo-partitioning-with-vitess', starredAt: Date.UTC(2026, 0, 1) },
    ];
    const file = createFavouritesFile(favourites, (id) => titles[id], new Date(Date.UTC(2026, 0, 3)));
    expect(file).toMatchObject({ format: 'talkmark-favourites', version: 3, exportedAt: '2026-01-03T00:00:00.000Z' });
    expect(file).not.toHaveProperty('progress');
    expect(file.favourites[0]).toEqual({
      talkId: 'vitess-keynote',
      title: 'Keynote',
      starredAt: '2026-01-02T00:00:00.000Z',
    });
    expect(parseFavouritesFile(JSON.stringify(file), known)).toEqual({
      ok: true,
      favourites: favourites.map((favourite) => ({ ...favourite, snapshot: { title: titles[favourite.talkId] } })),
      described: 0,
      progress: [],
    });
  });

  it('carries how far each talk was watched, and when, in version 3', () => {
    const progress = [
      { talkId: 'vitess-keynote', state: { position: 41.6, duration: 135, watched: false }, at: Date.UTC(2026, 0, 4) },
      {
        talkId: 'tinyconf2024/105',
        state: { position: 0, duration: 0, watched: true, byHand: true },
        at: Date.UTC(2026, 0, 5),
      },
    ];
    const file = createFavouritesFile([], (id) => titles[id], new Date(Date.UTC(2026, 0, 6)), progress);
    expect(file.progress).toEqual([
      { talkId: 'vitess-keynote', position: 42, duration: 135, at: '2026-01-04T00:00:00.000Z' },
      {
        talkId: 'tinyconf2024/105',
        position: 0,
        duration: 0,
        watched: true,
        byHand: true,
        at: '2026-01-05T00:00:00.000Z',
      },
    ]);
    const parsed = parseFavouritesFile(JSON.stringify(file), known);
    expect(parsed.ok && parsed.progress).toEqual([
      { ...progress[0], state: { position: 42, duration: 135, watched: false } },
      progress[1],
    ]);
  });

  it.each<[string, unknown]>([
    ['a negative position', { talkId: 'a', position: -1, duration: 10, at: '2026-01-01T00:00:00Z' }],
    ['a position that is not a number', { talkId: 'a', position: '12', duration: 10, at: '2026-01-01T00:00:00Z' }],
    ['an absurd length', { talkId: 'a', position: 1, duration: 1e12, at: '2026-01-01T00:00:00Z' }],
    ['no date', { talkId: 'a', position: 1, duration: 10 }],
    ['no talk', { position: 1, duration: 10, at: '2026-01-01T00:00:00Z' }],
  ])('refuses a whole file whose watch progress has %s', (_label, entry) => {
    const text = JSON.stringify({
      format: 'talkmark-favourites',
      version: 3,
      exportedAt: '2026-01-01T00:00:00Z',
      favourites: [],
      progress: [entry],
    });
    const result = parseFavouritesFile(text, known);
    expect(!result.ok && say(result.error)).toMatch(/Watch progress number 1 .* damaged/);
  });

  const valid = { format: 'talkmark-favourites', version: 1, exportedAt: '2026-01-01T00:00:00Z', favourites: [] };
  it.each<[string, string, RegExp]>([
    ['not JSON', 'hello, world', /not JSON/],
    ['an empty file', '', /not JSON/],
    ['JSON of another kind', '{"bookmarks": []}', /not a Talkmark favourites export/],
    ['a JSON array', '[]', /not a Talkmark favourites export/],
    ['a newer version', JSON.stringify({ ...valid, version: 7 }), /newer Talkmark \(format 7\)/],
    ['a nonsense version', JSON.stringify({ ...valid, version: 'one' }), /format version Talkmark does not know/],
    ['no favourites list', JSON.stringify({ ...valid, favourites: 'all' }), /no list of favourites/],
    [
      'a damaged entry',
      JSON.stringify({ ...valid, favourites: [{ talkId: 'vitess-keynote' }] }),
      /number 1 .* damaged/,
    ],
    [
      'a talk this browser lacks, with nothing to say what it was',
      JSON.stringify({ ...valid, favourites: [{ talkId: 'x', starredAt: '2026-01-01T00:00:00Z' }] }),
      /number 1 .* damaged/,
    ],
  ])('refuses %s with a clear message', (_label, text, message) => {
    const result = parseFavouritesFile(text, known);
    expect(result.ok).toBe(false);
    expect(!result.ok && say(result.error)).toMatch(message);
  });

  it('refuses a file of many megabytes before reading it', () => {
    const result = parseFavouritesFile('{}', known, 25_000_000);
    expect(!result.ok && say(result.error)).toMatch(/25\.0 MB, far too big/);
  });

  it('restores stars of talks this browser lacks, from a version 1 title or a version 2 snapshot', () => {
    const v1 = parseFavouritesFile(
      JSON.stringify({
        ...valid,
        favourites: [{ talkId: 'gone/1', title: 'x'.repeat(600_000), starredAt: '2026-01-01T00:00:00Z' }],
      }),
      known,
    );
    expect(v1.ok && v1.described).toBe(1);
    expect(v1.ok && v1.favourites[0]?.snapshot?.title).toHaveLength(500);
    const v2 = parseFavouritesFile(
      JSON.stringify({
        ...valid,
        version: 2,
        favourites: [
          {
            talkId: 'tinyconf2024/105',
            title: 'Sharding MySQL with Vitess',
            starredAt: '2026-01-01T00:00:00Z',
            snapshot: {
              title: 'Sharding MySQL with Vitess',
              eventName: 'TinyConf 2024',
              speakers: ['Ana Müller', 42],
              videoId: 'ZYXWVUTSRQP',
              watchUrl: 'javascript:alert(1)',
              startSeconds: -5,
            },
          },
        ],
      }),
      known,
    );
    expect(v2).toEqual({
      ok: true,
      described: 1,
      progress: [],
      favourites: [
        {
          talkId: 'tinyconf2024/105',
          starredAt: Date.parse('2026-01-01T00:00:00Z'),
          snapshot: {
            title: 'Sharding MySQL with Vitess',
            eventName: 'TinyConf 2024',
            speakers: ['Ana Müller'],
            videoId: 'ZYXWVUTSRQP',
          },
        },
      ],
    });
  });

  it('writes a refused file’s size as the person’s language writes numbers', async () => {
    vi.resetModules();
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const previous = fakeBrowser.i18n.getMessage;
    const german: Record<string, { message: string }> = JSON.parse(
      readFileSync('public/_locales/de/messages.json', 'utf8'),
    );
    fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
      const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
      return (german[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
    }) as typeof previous;
    try {
      const { parseFavouritesFile: parseInGerman } = await import('../../utils/import');
      const { say: sayInGerman } = await import('../../utils/i18n');
      const big = parseInGerman('{}', known, 25_000_000);
      expect(!big.ok && sayInGerman(big.error)).toMatch(/25,0 MB/);
    } finally {
      fakeBrowser.i18n.getMessage = previous;
      vi.resetModules();
    }
  });

  it('names a starred talk that left the catalogue in the person’s language, not in English placeholders', () => {
    const file = createFavouritesFile([{ talkId: 'gone', starredAt: 0 }], () => undefined);
    expect(file.favourites[0]?.title).toBe('A talk no longer in the catalogue');
  });
});
