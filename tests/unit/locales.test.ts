import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { filterChoices } from '../../data';
import { bundledCatalogue as catalogue } from '../../data/events';

type Messages = Record<string, { message: string }>;

const LOCALES_DIR = new URL('../../public/_locales/', import.meta.url);
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`${locale}/messages.json`, LOCALES_DIR), 'utf8'));
const english = read('en');
const locales = readdirSync(LOCALES_DIR);
const translations = locales.filter((locale) => locale !== 'en');

// A plural message is one key per CLDR category: `<base>_one`, `<base>_other`, and the language's others.
const CATEGORY = /_(zero|one|two|few|many|other)$/;
// Plural messages are the English keys with both a `_one` and an `_other` form (not `storage_other`).
const pluralBases = Object.keys(english).flatMap((key) =>
  key.endsWith('_other') && english[`${key.slice(0, -6)}_one`] ? [key.slice(0, -6)] : [],
);
const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

describe('the languages', () => {
  it('are English, German and a right-to-left language', () => {
    expect(locales.sort()).toEqual(['ar', 'de', 'en']);
    expect(read('ar').locale_direction?.message).toBe('rtl');
    for (const locale of locales) expect(read(locale).locale_language?.message).toBe(locale);
  });

  it.each(translations)('%s translates every English message, and adds only plural forms', (locale) => {
    const messages = read(locale);
    const singleKeys = Object.keys(english).filter(
      (key) => !CATEGORY.test(key) || !pluralBases.some((b) => key.startsWith(`${b}_`)),
    );
    for (const key of singleKeys) expect(messages[key]?.message, key).toBeTruthy();
    for (const key of Object.keys(messages)) {
      if (english[key]) continue;
      expect(
        pluralBases.some((base) => key.startsWith(`${base}_`) && CATEGORY.test(key)),
        key,
      ).toBe(true);
    }
  });

  it.each(locales)('%s has exactly the plural categories its language uses, for every plural message', (locale) => {
    const messages = read(locale);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const base of pluralBases) {
      const present = Object.keys(messages)
        .filter((key) => key.startsWith(`${base}_`) && CATEGORY.test(key) && key.slice(base.length + 1).match(/^\w+$/))
        .map((key) => key.slice(base.length + 1))
        .filter((category) => !category.includes('_'));
      expect(present.sort(), base).toEqual([...categories].sort());
    }
  });

  it.each(translations)('%s keeps every placeholder of the English sentence', (locale) => {
    const messages = read(locale);
    for (const [key, { message }] of Object.entries(messages)) {
      const base = pluralBases.find(
        (b) => key.startsWith(`${b}_`) && CATEGORY.test(key) && !key.slice(b.length + 1).includes('_'),
      );
      // A plural form may leave out the count ("one talk"), never anything else.
      const source = base ? english[`${base}_other`] : english[key];
      const expected = placeholders(source?.message ?? '');
      const found = placeholders(message);
      if (base)
        expect(
          found.filter((p) => !expected.includes(p)),
          key,
        ).toEqual([]);
      else expect(found, key).toEqual(expected);
      if (base)
        expect(
          expected.filter((p) => p !== '$1' && !found.includes(p)),
          key,
        ).toEqual([]);
    }
  });
});

describe('plurals in Arabic', () => {
  it('pick the form for zero, one, two, a few, many and other counts', async () => {
    const arabic = read('ar');
    fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | Array<string | number>) => {
      const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []).map(String);
      return (arabic[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
    };
    const { plural } = await import('../../utils/i18n');
    const said = (count: number) => plural('status_talks', count).replace(/[\u2068\u2069]/g, '');
    expect(said(0)).toBe(arabic.status_talks_zero?.message);
    expect(said(1)).toBe(arabic.status_talks_one?.message);
    expect(said(2)).toBe(arabic.status_talks_two?.message);
    expect(said(5)).toBe('في الكتالوج 5 محاضرات.');
    expect(said(11)).toBe('في الكتالوج 11 محاضرة.');
    expect(said(100)).toBe('في الكتالوج 100 محاضرة.');
  });
});

describe('the Topic filter', () => {
  it('labels every topic of the bundled catalogue in words, not as a slug', () => {
    const { topics } = filterChoices(catalogue);
    expect(topics.length).toBeGreaterThan(10);
    for (const [slug, name] of topics) {
      expect(name, slug).not.toBe(slug);
      expect(name, slug).toMatch(/^[A-Z]/);
    }
    expect(topics).toContainEqual(['database-as-a-service', 'Database as a service']);
  });
});
