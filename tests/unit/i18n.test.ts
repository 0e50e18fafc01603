import { afterEach, describe, expect, it, vi } from 'vitest';

/** The i18n module as a browser on `platform` loads it (it decides the key names once). */
async function i18nOn(platform: string) {
  vi.resetModules();
  vi.stubGlobal('navigator', { platform, userAgent: '' });
  return import('../../utils/i18n');
}
afterEach(() => vi.unstubAllGlobals());

describe('messages in English', () => {
  it('say one favourite in the singular and more in the plural, count first, whole sentences', async () => {
    const { plural } = await i18nOn('Linux x86_64');
    expect(plural('exported', 1, 'talkmark.json')).toBe('Exported 1 favourite to talkmark.json.');
    expect(plural('exported', 2, 'talkmark.json')).toBe('Exported 2 favourites to talkmark.json.');
    expect(plural('status_talks_match', 1_878, 'vitess')).toBe('1,878 talks match “vitess”.');
    expect(plural('status_more', 30)).toBe('The first 30 are listed; scroll for more.');
  });

  it('name the shortcut as the platform’s keyboard does', async () => {
    expect((await i18nOn('Linux x86_64')).shortcutName('S')).toBe('Ctrl+S');
    expect((await i18nOn('Win32')).shortcutName('S')).toBe('Ctrl+S');
    expect((await i18nOn('MacIntel')).shortcutName('S')).toBe('⌘S');
  });

  it('list speakers as English does', async () => {
    const { formatList } = await i18nOn('Linux x86_64');
    expect(formatList(['Sugu Sougoumarane'])).toBe('Sugu Sougoumarane');
    expect(formatList(['Sugu Sougoumarane', 'Morgan Tocker'])).toBe('Sugu Sougoumarane and Morgan Tocker');
    expect(formatList(['A', 'B', 'C'])).toBe('A, B, and C');
  });

  it('isolate right-to-left text set into an English sentence, and leave English text alone', async () => {
    const { t } = await i18nOn('Linux x86_64');
    expect(t('no_talks_match', 'vitess')).toBe('No talks match “vitess”.');
    expect(t('no_talks_match', 'فيتس')).toBe('No talks match “\u2068فيتس\u2069”.');
  });
});

describe('numbers where no extension API is at hand', () => {
  it('write megabytes in the language the page asked for, as the import worker must', async () => {
    const { megabytesIn } = await import('../../utils/i18n');
    expect(megabytesIn(60_000_000, 'en')).toBe('60.0');
    expect(megabytesIn(60_000_000, 'de')).toBe('60,0');
  });
});
