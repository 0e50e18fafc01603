import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { extensionInLanguage, type LaunchedExtension, launchExtension, storeSubscription } from './harness';

const SCHEDULE = new URL('../fixtures/schedules/small-frab.xml', import.meta.url).pathname;

// German and Arabic, as a person whose browser speaks them meets Talkmark. Debian's Chromium has only its English
// interface, so each language runs from a copy of the build that speaks only it (see extensionInLanguage).

const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });
const VIDEOS = { OCS45iy5v1M: 'How to Migrate a MySQL Database to Vitess - Sugu Sougoumarane & Morgan Tocker' };

async function open(browser: LaunchedExtension, path: string, width = 400, height = 600): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}
const results = (popup: Page) => popup.getByRole('listbox').getByRole('option');
/** Text as read, without the invisible marks that keep a query's direction apart from the sentence's. */
const plain = (text: string | null) => (text ?? '').replace(/[\u2068\u2069]/g, '');

describe('in German', () => {
  let browser: LaunchedExtension;
  beforeAll(async () => {
    browser = await launchExtension({ extensionDir: extensionInLanguage('de') });
  });
  afterAll(() => browser?.close());

  it('the popup speaks German, in whole sentences, with German key names', async () => {
    const popup = await open(browser, 'popup.html');
    await results(popup).first().waitFor();
    expect(await popup.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      'de',
      'Vorträge suchen – Talkmark',
    ]);
    expect(await popup.locator('.status').textContent()).toBe('10 Vorträge im Katalog.');
    expect(await popup.locator('.keyboard-help').textContent()).toContain('Strg+S');
    await popup.getByLabel('Vorträge suchen').fill('vitess');
    await expect
      .poll(async () => plain(await popup.locator('.status').textContent()))
      .toBe('9 Vorträge passen zu „vitess“.');
    expect(await results(popup).first().locator('.result-meta').textContent()).toMatch(/^Vortrag/i);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('the options page counts one favourite in the singular', async () => {
    const popup = await open(browser, 'popup.html');
    await popup.getByRole('button', { name: /Favorit: If you are moving/ }).click();
    const options = await open(browser, 'options.html', 800, 900);
    expect(await options.title()).toBe('Talkmark-Einstellungen');
    await expect.poll(() => options.getByText('Sie haben 1 Vortrag markiert.').count()).toBe(1);
    expect(await axeViolations(options)).toEqual([]);
    await popup.getByRole('button', { name: /Favorit: If you are moving/ }).click();
    await popup.close();
    await options.close();
  });
});

describe('in Arabic, right to left', () => {
  let browser: LaunchedExtension;
  beforeAll(async () => {
    browser = await launchExtension({ extensionDir: extensionInLanguage('ar'), videos: VIDEOS });
  });
  afterAll(() => browser?.close());

  it('the popup lays out right to left: field icon on the right, stars on the left beside the titles', async () => {
    const popup = await open(browser, 'popup.html');
    await results(popup).first().waitFor();
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    const layout = await popup.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      return {
        field: box('#talk-search'),
        icon: box('.search-icon'),
        title: box('.results-list [role="option"] .result-title'),
        star: box('.results-stars .favourite-button'),
      };
    });
    if (!layout.field || !layout.icon || !layout.title || !layout.star) throw new Error('popup parts missing');
    expect(layout.icon.left).toBeGreaterThan(layout.field.left + layout.field.width / 2);
    expect(layout.star.right).toBeLessThanOrEqual(layout.title.left);
    await popup.getByLabel('البحث في المحاضرات').fill('vitess');
    await expect
      .poll(async () => plain(await popup.locator('.status').textContent()))
      .toBe('نتائج «vitess»: 9 محاضرات.');
    // Catalogue text stays as the catalogue wrote it, laid out in its own direction.
    expect(await results(popup).first().locator('.result-title').getAttribute('dir')).toBe('auto');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: `${ARTIFACTS}popup-ar.png` });
    await popup.close();
  });

  it('the options page lays out right to left and counts in Arabic', async () => {
    const options = await open(browser, 'options.html', 800, 900);
    expect(await options.evaluate(() => [document.documentElement.dir, document.title])).toEqual([
      'rtl',
      'إعدادات Talkmark',
    ]);
    await expect.poll(() => options.getByText('لا توجد محاضرات في مفضلتك.').count()).toBe(1);
    const heading = await options.locator('h1').boundingBox();
    // Right-aligned: the heading ends at the column's right edge.
    expect((heading?.x ?? 0) + (heading?.width ?? 0)).toBeGreaterThan(600);
    // A subscribed catalogue's row, in Arabic.
    await options.getByLabel('ملف الجدول المراد استيراده').setInputFiles(SCHEDULE);
    await storeSubscription(browser, 'tinyconf2024');
    await expect
      .poll(async () => plain(await options.locator('.subscription-status').textContent()))
      .toMatch(/تسجيلان جديدان/);
    expect(await axeViolations(options)).toEqual([]);
    await options.screenshot({ path: `${ARTIFACTS}options-ar.png`, fullPage: true });
    await options.close();
  });

  it('the YouTube panel lays out right to left in Arabic, on an English YouTube page', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('https://www.youtube.com/watch?v=OCS45iy5v1M');
    const panel = page.locator('talkmark-panel .panel');
    await expect.poll(() => panel.getAttribute('dir')).toBe('rtl');
    expect(await panel.getAttribute('lang')).toBe('ar');
    expect(await page.evaluate(() => document.documentElement.dir)).not.toBe('rtl');
    expect(await panel.locator('.related-heading').textContent()).toBe('محاضرات ذات صلة');
    expect(plain(await panel.locator('.current .speakers').textContent())).toBe(
      'Sugu Sougoumarane (PlanetScale، CTO and Co-Founder) وMorgan Tocker (PlanetScale)',
    );
    expect(await axeViolations(page, { include: [['talkmark-panel', '.panel']] })).toEqual([]);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}panel-ar.png` });
    await page.close();
  });
});
