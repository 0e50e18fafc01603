import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension } from './harness';

let browser: LaunchedExtension;
beforeAll(async () => {
  browser = await launchExtension({ videos: { '-Hz6LFJu1cY': 'Geo-partitioning with Vitess' } });
});
afterAll(() => browser?.close());

describe('the options page', () => {
  it('turns the YouTube panel off and on in open tabs, and keeps the choice', async () => {
    const youtube = await browser.context.newPage();
    await youtube.goto('https://www.youtube.com/watch?v=-Hz6LFJu1cY');
    const panel = youtube.locator('talkmark-panel');
    await expect.poll(() => panel.count()).toBe(1);

    const options = await browser.openExtensionPage('options.html');
    const toggle = options.getByLabel(/Show the Talkmark panel/);
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => panel.count()).toBe(0);

    await youtube.reload();
    await youtube.waitForTimeout(400);
    expect(await panel.count()).toBe(0);
    await options.reload();
    expect(await options.getByLabel(/Show the Talkmark panel/).isChecked()).toBe(false);

    await options.getByLabel(/Show the Talkmark panel/).check();
    await expect.poll(() => panel.count()).toBe(1);
    await options.close();
    await youtube.close();
  });

  it('keeps the panel off on a page whose navigation events come before the settings are read', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByLabel(/Show the Talkmark panel/).uncheck();
    const youtube = await browser.context.newPage();
    // YouTube announces navigations as it starts: here, from the first moment and every few milliseconds, so
    // that one reaches the content script before it has read the settings.
    await youtube.addInitScript(() => {
      let fired = 0;
      const timer = setInterval(() => {
        document.dispatchEvent(new Event('yt-navigate-finish'));
        if (++fired > 200) clearInterval(timer);
      }, 2);
    });
    await youtube.goto('https://www.youtube.com/watch?v=-Hz6LFJu1cY');
    await youtube.waitForTimeout(1000);
    expect(await youtube.locator('talkmark-panel').count()).toBe(0);
    await options.getByLabel(/Show the Talkmark panel/).check();
    await expect.poll(() => youtube.locator('talkmark-panel').count()).toBe(1);
    await options.close();
    await youtube.close();
  });

  it('offers favourites export and import', async () => {
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => options.getByRole('button', { name: 'Import…' }).count()).toBe(1);
    expect(await options.getByRole('button', { name: 'Export', exact: true }).count()).toBe(1);
    await options.close();
  });
});
