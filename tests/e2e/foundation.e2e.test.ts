import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type LaunchedExtension, launchExtension } from './harness';

describe('the built extension in Chromium', () => {
  let browser: LaunchedExtension;
  beforeAll(async () => {
    browser = await launchExtension({ videos: { two3TzF9mVY: 'Keynote: KubeCon NA 2019', dQw4w9WgXcQ: 'A song' } });
  });
  afterAll(() => browser?.close());

  it('asks only for storage and YouTube', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage']);
    expect([...manifest.host_permissions].sort()).toEqual(['https://m.youtube.com/*', 'https://www.youtube.com/*']);
  });

  it('lists the whole catalogue in the popup, keynote first', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    const options = popup.locator('.talk-title');
    await expect.poll(() => options.count()).toBe(10);
    await expect.poll(() => options.first().textContent()).toContain('don’t leave your data behind');
    await popup.close();
  });

  it('shows the panel on a catalogue talk’s watch page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.youtube.com/watch?v=two3TzF9mVY&t=105');
    const panel = page.locator('talkmark-panel');
    await expect
      .poll(() => panel.locator('.talk-title').first().textContent())
      .toBe('If you are moving to Kubernetes, don’t leave your data behind.');
    await page.close();
  });

  it('stays silent on a video that is not about the catalogue', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await page.waitForTimeout(500);
    expect(await page.locator('talkmark-panel').count()).toBe(0);
    await page.close();
  });
});
