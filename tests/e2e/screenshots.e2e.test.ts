import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
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
    await popup.locator('.talk-title').first().waitFor();
    await popup.screenshot({ path: `${ARTIFACTS}popup-${scheme}.png` });
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  });

  it('of the YouTube panel', async () => {
    browser = await launchExtension({
      colorScheme: scheme,
      videos: { OCS45iy5v1M: 'How to Migrate a MySQL Database to Vitess' },
    });
    const page = await browser.context.newPage();
    await page.goto(`https://www.youtube.com/watch?v=OCS45iy5v1M${scheme === 'dark' ? '&dark' : ''}`);
    await page.locator('talkmark-panel .talk-title').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}panel-${scheme}.png` });
  });
});
