import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The tree's rules, read from the imports themselves (ARCHITECTURE.md draws them). A room is a folder with one
// face, its index.ts; code outside a room imports only that face; rooms depend on each other only as listed here.

const ROOT = join(import.meta.dirname, '..', '..');

/** Each room and the rooms it may import. Lower rooms come first; nothing may import upwards. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'utils/text': [],
  'utils/i18n': [],
  'utils/youtube': [],
  data: [],
  'data/events': ['data'],
  'utils/search': ['data', 'utils/text'],
  'utils/related': ['data', 'utils/text', 'utils/i18n', 'utils/search'],
  'utils/panel': ['data', 'utils/text', 'utils/i18n', 'utils/youtube', 'utils/search', 'utils/related'],
  'utils/import': [
    'data',
    'utils/text',
    'utils/i18n',
    'utils/youtube',
    'utils/search',
    'utils/related',
    'utils/panel',
    'utils/marks',
  ],
  'utils/marks': ['data'],
  'utils/storage': ['data', 'utils/search', 'utils/related', 'utils/panel', 'utils/import', 'utils/marks'],
  'utils/subscriptions': ['data', 'utils/i18n'],
  'utils/messaging': ['data', 'utils/i18n', 'utils/panel', 'utils/marks', 'utils/subscriptions'],
  'utils/settings': ['utils/messaging'],
  'utils/service': [
    'data',
    'utils/text',
    'utils/i18n',
    'utils/search',
    'utils/related',
    'utils/panel',
    'utils/import',
    'utils/storage',
    'utils/messaging',
    'utils/marks',
    'utils/subscriptions',
  ],
  components: [
    'data',
    'utils/text',
    'utils/i18n',
    'utils/import',
    'utils/marks',
    'utils/storage',
    'utils/messaging',
    'utils/settings',
  ],
};

/** Rooms of pure logic: no browser API, no Preact, no database (so they run and are tested anywhere). */
const PURE = [
  'data',
  'data/events',
  'utils/text',
  'utils/search',
  'utils/related',
  'utils/panel',
  'utils/import',
  'utils/marks',
];
const BROWSER_APIS = /from '(#imports|wxt\/browser|preact[^']*|idb)'|\bindexedDB\b|\bbrowser\.[a-z]/;

const MAX_LINES = 300;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'artifacts' || name === 'fixtures') return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const PRODUCT = ['data', 'utils', 'components', 'entrypoints'].flatMap(sourceFiles);
const EVERY = [...PRODUCT, ...sourceFiles('tests'), ...sourceFiles('bench')];

/** The room a file belongs to, or undefined for entry points, tests and the bench (which belong to none). */
function roomOf(file: string): string | undefined {
  const [top, second, third] = file.split('/');
  if (top === 'utils' && third !== undefined) return `utils/${second}`;
  if (top === 'data') return second === 'events' && third !== undefined ? 'data/events' : 'data';
  if (top === 'components') return 'components';
  return undefined;
}

/** Every relative import of a file (static, type-only and dynamic), resolved to a project path. */
function importsOf(file: string): Array<{ spec: string; target: string }> {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => {
    const spec = match[1] as string;
    const base = normalize(join(dirname(file), spec));
    const candidates = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base];
    const target = candidates.find((path) => EVERY.includes(path)) ?? base;
    return { spec, target };
  });
}

const edges = EVERY.flatMap((file) => importsOf(file).map(({ spec, target }) => ({ file, spec, target })));

describe('the tree', () => {
  it('has rooms of one face each, and nothing loose in utils/', () => {
    const rooms = new Set(PRODUCT.map(roomOf).filter((room) => room !== undefined));
    expect([...rooms].sort()).toEqual(Object.keys(ALLOWED).sort());
    for (const room of rooms) {
      const face = readFileSync(join(ROOT, room, 'index.ts'), 'utf8');
      // A face only re-exports: importing it runs nothing.
      const statements = face.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(statements.replace(/export (type )?(\*|\{[^}]*\}) from '[^']+';/g, '').trim(), room).toBe('');
    }
    expect(PRODUCT.filter((file) => dirname(file) === 'utils')).toEqual([]);
    expect(EVERY.filter((file) => /(^|\/)utils\.tsx?$/.test(file))).toEqual([]);
  });

  it('enters every room through its face', () => {
    const reachingIn = edges.filter(({ file, target }) => {
      const room = roomOf(target);
      return room !== undefined && room !== roomOf(file) && target !== `${room}/index.ts` && /\.tsx?$/.test(target);
    });
    expect(reachingIn.map(({ file, spec }) => `${file} → ${spec}`)).toEqual([]);
  });

  it('runs dependencies one way, as the table allows', () => {
    const upwards = edges.filter(({ file, target }) => {
      const from = roomOf(file);
      const to = roomOf(target);
      return from !== undefined && to !== undefined && from !== to && !ALLOWED[from]?.includes(to);
    });
    expect(upwards.map(({ file, spec }) => `${file} → ${spec}`)).toEqual([]);
    // Entry points are the top: nothing outside them imports one, and each imports only its own folder's files.
    const intoEntrypoints = edges.filter(
      ({ file, target }) =>
        target.startsWith('entrypoints/') &&
        (!file.startsWith('entrypoints/') || file.split('/')[1] !== target.split('/')[1]) &&
        !(file === 'entrypoints/popup-dictionaries.ts' && target === 'entrypoints/popup/early-dictionaries.ts') &&
        !file.startsWith('tests/e2e/'),
    );
    expect(intoEntrypoints.map(({ file, spec }) => `${file} → ${spec}`)).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const next = new Map<string, string[]>();
    for (const { file, target } of edges) next.set(file, [...(next.get(file) ?? []), target]);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of next.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of EVERY) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps pure logic free of browser APIs, and IndexedDB in storage alone', () => {
    const impure = PRODUCT.filter((file) => PURE.includes(roomOf(file) ?? '')).filter((file) =>
      BROWSER_APIS.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(impure).toEqual([]);
    const database = PRODUCT.filter((file) => roomOf(file) !== 'utils/storage').filter((file) =>
      /from 'idb'|\bindexedDB\.open\b/.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(database).toEqual([]);
  });

  it(`keeps every source file under ${MAX_LINES} lines`, () => {
    const long = PRODUCT.map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${relative('.', file)}: ${lines}`);
    expect(long).toEqual([]);
  });
});
