import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension, stopServiceWorkers, storedStarIds } from './harness';

// What can happen to a person's browser while Talkmark works: its storage cleared under it, its service worker
// stopped between a write and the notice of it, a popup that cannot hold a file picker. Stars must survive and
// every view must end up showing what is stored.

const GEO = 'Geo-partitioning with Vitess';
const SLACK = "Scaling Resilient Systems: A Journey into Slack's Database Service";

let browser: LaunchedExtension | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function openPopup(launched: LaunchedExtension): Promise<Page> {
  const popup = await launched.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.getByRole('listbox').getByRole('option').first().waitFor();
  return popup;
}
const star = (popup: Page, title: string) => popup.getByRole('button', { name: `Favourite: ${title}` });
const favouritesTab = (popup: Page) => popup.getByRole('tab', { name: /Favourites/ });

/** The favourites as stored, read from the extension's own database (not through any view). */
const storedFavourites = (launched: LaunchedExtension) => storedStarIds(launched.worker);

describe('under fault', () => {
  it('the browser clearing Talkmark’s storage under it: the next star still saves, with no restart', async () => {
    browser = await launchExtension();
    const popup = await openPopup(browser);
    await star(popup, GEO).click();
    await expect.poll(() => storedFavourites(browser as LaunchedExtension)).toEqual(['geo-partitioning-with-vitess']);
    // "Clear site data" for the extension's origin: the browser deletes the database and closes every connection.
    const session = await browser.context.newCDPSession(popup);
    await session.send('Storage.clearDataForOrigin', {
      origin: `chrome-extension://${browser.extensionId}`,
      storageTypes: 'indexeddb',
    });
    await star(popup, SLACK).click();
    await expect.poll(() => storedFavourites(browser as LaunchedExtension)).toEqual(['slack-database-service']);
    await expect.poll(() => star(popup, SLACK).getAttribute('aria-pressed')).toBe('true');
    expect(await popup.locator('.notice-error').count()).toBe(0);
  });

  it('the service worker stopped after a write committed but before its notice: every view converges', async () => {
    browser = await launchExtension();
    const starring = await openPopup(browser);
    const watching = await openPopup(browser);
    await favouritesTab(watching).click();
    await expect.poll(() => favouritesTab(watching).textContent()).toBe('Favourites 0');

    // The worker will die between committing the star and announcing it: its notice never leaves.
    await browser.worker.evaluate(() => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: { set: (items: object) => unknown } } } })
        .chrome.storage.local;
      storage.set = () => new Promise(() => {});
    });
    await star(starring, GEO).click();
    await expect.poll(() => storedFavourites(browser as LaunchedExtension)).toEqual(['geo-partitioning-with-vitess']);
    await stopServiceWorkers(browser.context, starring);

    // The view that starred learns what is stored (the star went through): pressed, no error.
    await expect.poll(() => star(starring, GEO).getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => starring.locator('.notice-error').count()).toBe(0);
    // The other view hears of it from the next worker.
    await expect.poll(() => favouritesTab(watching).textContent(), { timeout: 15_000 }).toBe('Favourites 1');
    expect(await watching.getByRole('listbox').getByRole('option').locator('.result-title').allTextContents()).toEqual([
      GEO,
    ]);
  });

  it('the worker stopped right after the panel unstarred a talk: an open popup shows it unstarred too', async () => {
    browser = await launchExtension({ videos: { '-Hz6LFJu1cY': GEO } });
    const popup = await openPopup(browser);
    await star(popup, GEO).click();
    await expect.poll(() => storedFavourites(browser as LaunchedExtension)).toEqual(['geo-partitioning-with-vitess']);
    const youtube = await browser.context.newPage();
    await youtube.goto('https://www.youtube.com/watch?v=-Hz6LFJu1cY');
    const panelStar = youtube.locator('talkmark-panel').getByRole('button', { name: `Favourite: ${GEO}` });
    await expect.poll(() => panelStar.getAttribute('aria-pressed')).toBe('true');

    // The worker commits the panel's change, then dies before it can tell anyone.
    await browser.worker.evaluate(() => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: { set: (items: object) => unknown } } } })
        .chrome.storage.local;
      storage.set = () => new Promise(() => {});
    });
    await panelStar.click();
    await expect.poll(() => storedFavourites(browser as LaunchedExtension)).toEqual([]);
    await stopServiceWorkers(browser.context, popup);

    await expect.poll(() => panelStar.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('false');
    await expect.poll(() => star(popup, GEO).getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('false');
    await expect.poll(() => favouritesTab(popup).textContent(), { timeout: 15_000 }).toBe('Favourites 0');
  });

  it('the toolbar popup sends favourites imports to the options page, where a file picker does not close it', async () => {
    browser = await launchExtension();
    const popup = await browser.openToolbarPopup();
    await popup.getByRole('listbox').getByRole('option').first().waitFor();
    await favouritesTab(popup).click();
    expect(await popup.locator('input[type="file"]').count()).toBe(0);
    await popup.getByRole('button', { name: 'Import…' }).click();
    await expect
      .poll(() => (browser as LaunchedExtension).openedUrls())
      .toContain(`chrome-extension://${browser.extensionId}/options.html#favourites`);
    // In a tab, the popup's page keeps its own file picker.
    const inTab = await openPopup(browser);
    await favouritesTab(inTab).click();
    expect(await inTab.getByLabel('Favourites file to import').count()).toBe(1);
  });
});
