import { mkdirSync } from 'node:fs';
import { afterEach, describe, it } from 'vitest';
import { type LaunchedExtension, launchExtension } from './harness';

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
  });
});

describe('screenshot of the options page', () => {
  it('in light', async () => {
    const browser = await launchExtension();
    try {
      const options = await browser.openExtensionPage('options.html');
      await options.setViewportSize({ width: 800, height: 420 });
      await options.getByRole('button', { name: 'Export' }).waitFor();
      await options.screenshot({ path: `${ARTIFACTS}options-light.png` });
    } finally {
      await browser.close();
    }
  });
});
