import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension } from './harness';

let browser: LaunchedExtension;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(() => browser?.close());

interface Suggestion {
  content: string;
  description: string;
}
type Handlers = {
  omniboxInputChanged(text: string, suggest: (s: Suggestion[]) => void): void;
  omniboxInputEntered(text: string, disposition: string): Promise<void>;
  contextMenuClicked(info: { menuItemId: string; selectionText: string }): Promise<void>;
};

describe('address bar (keyword "talk")', () => {
  it('suggests matching talks as you type, matches marked', async () => {
    const suggestions = await browser.worker.evaluate(
      (text) =>
        new Promise<Suggestion[]>((resolve) =>
          (globalThis as unknown as { talkmark: Handlers }).talkmark.omniboxInputChanged(text, resolve),
        ),
      'geo partitoning',
    );
    expect(suggestions[0]?.content).toBe('https://www.youtube.com/watch?v=-Hz6LFJu1cY');
    expect(suggestions[0]?.description).toContain('<match>Geo</match>');
  });

  it('opens the best match on Enter', async () => {
    await browser.worker.evaluate(
      (text) =>
        (globalThis as unknown as { talkmark: Handlers }).talkmark.omniboxInputEntered(text, 'newForegroundTab'),
      'aks gke',
    );
    await expect.poll(() => browser.openedUrls()).toContain('https://www.youtube.com/watch?v=KpygSD-v_ws');
  });

  it('declares the keyword in the manifest', async () => {
    const manifest = await browser.worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { getManifest(): { omnibox: { keyword: string } } } } }
      ).chrome.runtime.getManifest(),
    );
    expect(manifest.omnibox.keyword).toBe('talk');
  });
});

describe('context menu on selected text', () => {
  const click = (text: string) =>
    browser.worker.evaluate(
      (selection) =>
        (globalThis as unknown as { talkmark: Handlers }).talkmark.contextMenuClicked({
          menuItemId: 'search-talks',
          selectionText: selection,
        }),
      text,
    );
  type ChromeInWorker = {
    chrome: {
      action: { openPopup(): Promise<void> };
      storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
    };
  };

  it('opens the toolbar popup, which takes the selection as its query', async () => {
    await click('  sharding ');
    // The popup (invisible to the test in headless Chromium) consumes the query the background left for it.
    await expect
      .poll(() =>
        browser.worker.evaluate(async () =>
          Object.keys(await (globalThis as unknown as ChromeInWorker).chrome.storage.session.get('pending-query')),
        ),
      )
      .toEqual([]);
    expect(browser.context.pages().some((page) => page.url().includes('popup.html?q='))).toBe(false);
  });

  it('opens the search in a tab, its address carrying the query, where the popup cannot open', async () => {
    await browser.worker.evaluate(() => {
      (globalThis as unknown as ChromeInWorker).chrome.action.openPopup = () => Promise.reject(new Error('no popup'));
    });
    await click('sharding');
    let page: Page | undefined;
    await expect
      .poll(() => (page = browser.context.pages().find((p) => p.url().includes('popup.html?q=sharding'))))
      .toBeDefined();
    await expect.poll(() => (page as Page).getByLabel('Search talks').inputValue()).toBe('sharding');
    await expect
      .poll(() =>
        (page as Page).getByRole('listbox').getByRole('option').first().locator('.result-title').textContent(),
      )
      .toBe('Geo-partitioning with Vitess');
    await (page as Page).close();
  });

  it('opens a shared search address as a full page', async () => {
    const page = await browser.openExtensionPage('popup.html?q=morgan');
    await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.classList.contains('fluid'))).toBe(true);
    await page.close();
  });
});
