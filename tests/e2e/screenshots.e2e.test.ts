import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension, storeSubscription } from './harness';

const SCHEDULE = new URL('../fixtures/schedules/small-frab.xml', import.meta.url).pathname;

// Pictures of every UI in light and dark, for a person to look at (tests/e2e/artifacts/, not committed).
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

/** How light the page's own background is (0 black, 1 white): a light picture is light, a dark one dark. */
function backgroundLightness(page: Page, selector: string): Promise<number> {
  return page.evaluate((selector) => {
    let element: Element | null = document.querySelector(selector);
    let colour = 'rgba(0, 0, 0, 0)';
    while (element && /rgba\(.*, 0\)$|transparent/.test(colour)) {
      colour = getComputedStyle(element).backgroundColor;
      element = element.parentElement;
    }
    const [r = 255, g = 255, b = 255] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  }, selector);
}

/** Checks that the picture about to be taken is of what it is for, in its scheme. */
async function expectScheme(page: Page, selector: string, scheme: 'light' | 'dark') {
  const lightness = await backgroundLightness(page, selector);
  if (scheme === 'dark') expect(lightness).toBeLessThan(0.3);
  else expect(lightness).toBeGreaterThan(0.8);
}

/** Nothing wider than the window: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe.each(['light', 'dark'] as const)('screenshots in %s', (scheme) => {
  let browser: LaunchedExtension | undefined;
  afterEach(() => browser?.close());

  it('of the popup', async () => {
    browser = await launchExtension({ colorScheme: scheme });
    const popup = await browser.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('listbox').getByRole('option').first().waitFor();
    expect(await popup.getByRole('listbox').getByRole('option').count()).toBe(10);
    await expectScheme(popup, '.popup', scheme);
    await expectNoSidewaysScroll(popup);
    await popup.screenshot({ path: `${ARTIFACTS}popup-${scheme}.png` });

    await popup
      .getByRole('button', { name: /favourite/i })
      .nth(1)
      .click();
    await popup.getByLabel('Search talks').fill('vites migraton');
    await popup.keyboard.press('ArrowDown');
    await expect
      .poll(() => popup.getByRole('listbox').getByRole('option').first().locator('.result-title').textContent())
      .toMatch(/Migrate/);
    expect(await popup.locator('.status').textContent()).toMatch(/match “vites migraton”/);
    await popup.screenshot({ path: `${ARTIFACTS}popup-results-${scheme}.png` });

    await popup.getByLabel('Search talks').fill('kasten booth');
    await popup.locator('.empty-title').waitFor();
    expect(await popup.locator('.empty-title').textContent()).toBe('No talks match “kasten booth”.');
    await popup.screenshot({ path: `${ARTIFACTS}popup-empty-${scheme}.png` });

    await popup.getByLabel('Search talks').fill('');
    await popup.getByRole('tab', { name: /Favourites/ }).click();
    // The one talk starred above, listed under its tab.
    await expect.poll(() => popup.getByRole('listbox').getByRole('option').count()).toBe(1);
    expect(await popup.getByRole('tab', { name: /Favourites/ }).textContent()).toBe('Favourites 1');
    await popup.screenshot({ path: `${ARTIFACTS}popup-favourites-${scheme}.png` });
  });

  it('of the YouTube panel', async () => {
    browser = await launchExtension({
      colorScheme: scheme,
      videos: { OCS45iy5v1M: 'How to Migrate a MySQL Database to Vitess' },
    });
    const page = await browser.context.newPage();
    await page.goto(`https://www.youtube.com/watch?v=OCS45iy5v1M${scheme === 'dark' ? '&dark' : ''}`);
    await page.locator('talkmark-panel').first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('talkmark-panel .current .title').textContent()).toMatch(/Migrate a MySQL Database/);
    expect(await page.locator('talkmark-panel .related li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('talkmark-panel').getAttribute('data-theme')).toBe(scheme);
    await page.screenshot({ path: `${ARTIFACTS}panel-${scheme}.png` });

    // The mobile site at a phone's width, as Firefox for Android shows it.
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`https://m.youtube.com/watch?v=OCS45iy5v1M${scheme === 'dark' ? '&dark' : ''}`);
    await phone.locator('talkmark-panel .current .title').waitFor();
    await phone.waitForTimeout(300);
    // As wide as the phone, and no wider.
    const box = await phone.locator('talkmark-panel').boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await expectNoSidewaysScroll(phone);
    await phone.screenshot({ path: `${ARTIFACTS}panel-phone-${scheme}.png`, fullPage: true });
  });
});

describe.each(['light', 'dark'] as const)('screenshots with an imported conference in %s', (scheme) => {
  let browser: LaunchedExtension | undefined;
  afterEach(() => browser?.close());

  it('of the options page, the popup filtered by conference, and the panel on its recording', async () => {
    browser = await launchExtension({ colorScheme: scheme });
    const options = await browser.openExtensionPage('options.html');
    await options.setViewportSize({ width: 800, height: 900 });
    await options.getByLabel('Schedule file to import').setInputFiles(SCHEDULE);
    await options.locator('.catalogues .notice').waitFor();
    expect(await options.locator('.catalogues .notice').textContent()).toMatch(/TinyConf 2024/);
    expect(await options.getByRole('table', { name: 'Catalogues in Talkmark' }).textContent()).toMatch(/TinyConf 2024/);
    await storeSubscription(browser, 'tinyconf2024');
    await expect
      .poll(() => options.locator('.subscription-row .subscription-status').textContent())
      .toMatch(/: 2 new recordings, 1 talk removed, and 1 talk rescheduled\. Starred: “Sharding MySQL with Vitess”\.$/);
    await expectScheme(options, 'body', scheme);
    await options.screenshot({ path: `${ARTIFACTS}options-${scheme}.png`, fullPage: true });
    // Firefox for Android opens the options page full screen on a phone.
    await options.setViewportSize({ width: 360, height: 740 });
    await expectNoSidewaysScroll(options);
    await options.screenshot({ path: `${ARTIFACTS}options-phone-${scheme}.png`, fullPage: true });

    const popup = await browser.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('combobox', { name: 'Conference' }).selectOption({ label: 'TinyConf 2024' });
    await popup.getByLabel('Search talks').fill('vitess');
    await popup.getByRole('listbox').getByRole('option').first().waitFor();
    await expect.poll(() => popup.locator('.status').textContent()).toMatch(/vitess/);
    expect(await popup.getByRole('listbox').getByRole('option').first().textContent()).toMatch(/TinyConf 2024/);
    await popup.screenshot({ path: `${ARTIFACTS}popup-imported-${scheme}.png` });

    const page = await browser.context.newPage();
    await page.goto(`https://www.youtube.com/watch?v=ZYXWVUTSRQP${scheme === 'dark' ? '&dark' : ''}`);
    await page.locator('talkmark-panel').first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('talkmark-panel .current .title').textContent()).toBe('Sharding MySQL with Vitess');
    await page.screenshot({ path: `${ARTIFACTS}panel-imported-${scheme}.png` });
  });
});
