import { mkdirSync } from 'node:fs';
import { afterEach, describe, it } from 'vitest';
import { type LaunchedExtension, launchExtension } from './harness';

const SCHEDULE = new URL('../fixtures/schedules/small-frab.xml', import.meta.url).pathname;

// Pictures of every UI in light and dark, for a person to look at (tests/e2e/artifacts/, not committed).
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

describe.each(['light', 'dark'] as const)('screenshots in %s', (scheme) => {
  let browser: LaunchedExtension | undefined;
  afterEach(() => browser?.close());

  it('of the popup', async () => {
    browser = await launchExtension({ colorScheme: scheme });
    const popup = await browser.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('listbox').getByRole('option').first().waitFor();
    await popup.screenshot({ path: `${ARTIFACTS}popup-${scheme}.png` });

    await popup
      .getByRole('button', { name: /favourite/i })
      .nth(1)
      .click();
    await popup.getByLabel('Search talks').fill('vites migraton');
    await popup.keyboard.press('ArrowDown');
    await popup.screenshot({ path: `${ARTIFACTS}popup-results-${scheme}.png` });

    await popup.getByLabel('Search talks').fill('kasten booth');
    await popup.locator('.empty-title').waitFor();
    await popup.screenshot({ path: `${ARTIFACTS}popup-empty-${scheme}.png` });

    await popup.getByLabel('Search talks').fill('');
    await popup.getByRole('tab', { name: /Favourites/ }).click();
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
    await page.screenshot({ path: `${ARTIFACTS}panel-${scheme}.png` });

    // The mobile site at a phone's width, as Firefox for Android shows it.
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`https://m.youtube.com/watch?v=OCS45iy5v1M${scheme === 'dark' ? '&dark' : ''}`);
    await phone.locator('talkmark-panel .current .title').waitFor();
    await phone.waitForTimeout(300);
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
    await options.screenshot({ path: `${ARTIFACTS}options-${scheme}.png`, fullPage: true });
    // Firefox for Android opens the options page full screen on a phone.
    await options.setViewportSize({ width: 360, height: 740 });
    await options.screenshot({ path: `${ARTIFACTS}options-phone-${scheme}.png`, fullPage: true });

    const popup = await browser.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('combobox', { name: 'Conference' }).selectOption({ label: 'TinyConf 2024' });
    await popup.getByLabel('Search talks').fill('vitess');
    await popup.getByRole('listbox').getByRole('option').first().waitFor();
    await popup.screenshot({ path: `${ARTIFACTS}popup-imported-${scheme}.png` });

    const page = await browser.context.newPage();
    await page.goto(`https://www.youtube.com/watch?v=ZYXWVUTSRQP${scheme === 'dark' ? '&dark' : ''}`);
    await page.locator('talkmark-panel').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${ARTIFACTS}panel-imported-${scheme}.png` });
  });
});
