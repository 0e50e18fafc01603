import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension } from './harness';

const GEO = 'Geo-partitioning with Vitess';
const SLACK = "Scaling Resilient Systems: A Journey into Slack's Database Service";
const VIDEOS = { '-Hz6LFJu1cY': GEO };

const open: LaunchedExtension[] = [];
const scratch: string[] = [];
async function launch(userDataDir?: string) {
  const browser = await launchExtension({ userDataDir, videos: VIDEOS });
  open.push(browser);
  return browser;
}
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'talkmark-favourites-'));
  scratch.push(dir);
  return dir;
}
afterEach(async () => {
  for (const browser of open.splice(0)) await browser.close();
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function openPopup(browser: LaunchedExtension): Promise<Page> {
  const popup = await browser.openExtensionPage('popup.html');
  await popup.getByRole('listbox').getByRole('option').first().waitFor();
  return popup;
}
const star = (page: Page, title: string) =>
  page.getByRole('button', { name: new RegExp(`favourite.*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i') });
const favouritesTab = (popup: Page) => popup.getByRole('tab', { name: /Favourites/ });
const favouriteTitles = (popup: Page) =>
  popup.getByRole('listbox', { name: 'Favourite talks' }).locator('.result-title').allTextContents();

describe('favourites', () => {
  it('a star given in the popup shows on the YouTube panel, and the reverse, without a reload', async () => {
    const browser = await launch();
    const youtube = await browser.context.newPage();
    await youtube.goto('https://www.youtube.com/watch?v=-Hz6LFJu1cY');
    const panelStar = star(youtube, GEO);
    await expect.poll(() => panelStar.getAttribute('aria-pressed')).toBe('false');

    const popup = await openPopup(browser);
    await star(popup, GEO).click();
    await expect.poll(() => panelStar.getAttribute('aria-pressed')).toBe('true');

    await panelStar.click();
    await expect.poll(() => star(popup, GEO).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => favouritesTab(popup).textContent()).toBe('Favourites 0');
  });

  it('lists favourites newest first and keeps them when the browser restarts', async () => {
    const profile = scratchDir();
    let browser = await launch(profile);
    let popup = await openPopup(browser);
    await star(popup, SLACK).click();
    await expect.poll(() => star(popup, SLACK).getAttribute('aria-pressed')).toBe('true');
    await star(popup, GEO).click();
    await expect.poll(() => favouritesTab(popup).textContent()).toBe('Favourites 2');
    await browser.close();
    open.splice(open.indexOf(browser), 1);

    browser = await launch(profile);
    popup = await openPopup(browser);
    await expect.poll(() => favouritesTab(popup).textContent()).toBe('Favourites 2');
    await favouritesTab(popup).click();
    expect(await favouriteTitles(popup)).toEqual([GEO, SLACK]);
    expect(await popup.getByRole('link', { name: /Play all/ }).getAttribute('href')).toBe(
      'https://www.youtube.com/watch_videos?video_ids=-Hz6LFJu1cY,aTItjMJE17c',
    );
  });

  it('exports to a file that restores the stars in a fresh profile', async () => {
    const first = await launch();
    let popup = await openPopup(first);
    await star(popup, SLACK).click();
    await star(popup, GEO).click();
    await expect.poll(() => favouritesTab(popup).textContent()).toBe('Favourites 2');
    await favouritesTab(popup).click();
    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Export' }).click();
    const file = join(scratchDir(), (await download).suggestedFilename());
    await (await download).saveAs(file);
    await expect
      .poll(() => popup.locator('.notice-success').textContent())
      .toBe(`Exported 2 favourites to ${(await download).suggestedFilename()}.`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'talkmark-favourites',
      version: 3,
      favourites: [{ talkId: 'geo-partitioning-with-vitess', title: GEO }, { title: SLACK }],
    });

    const fresh = await launch();
    popup = await openPopup(fresh);
    await favouritesTab(popup).click();
    await popup.getByLabel('Favourites file to import').setInputFiles(file);
    await expect.poll(() => popup.locator('.notice-success').textContent()).toBe('Imported 2 favourites.');
    expect(await favouriteTitles(popup)).toEqual([GEO, SLACK]);
  });

  it('lists only starred talks under “Favourites only”, with a query too', async () => {
    const browser = await launch();
    const popup = await openPopup(browser);
    await star(popup, GEO).click();
    await expect.poll(() => favouritesTab(popup).textContent()).toBe('Favourites 1');
    await popup.getByLabel('Favourites only').check();
    await expect.poll(() => popup.getByRole('listbox').getByRole('option').count()).toBe(1);
    await popup.getByLabel('Search talks').fill('vitess');
    await expect.poll(() => popup.locator('.status').textContent()).toBe('1 talk matches “vitess” with these filters.');
    await popup.getByLabel('Favourites only').uncheck();
    await expect.poll(() => popup.locator('.status').textContent()).toBe('9 talks match “vitess”.');
  });

  it('says an export of one favourite in the singular', async () => {
    const browser = await launch();
    const popup = await openPopup(browser);
    await star(popup, GEO).click();
    await expect.poll(() => favouritesTab(popup).textContent()).toBe('Favourites 1');
    await favouritesTab(popup).click();
    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Export' }).click();
    await expect
      .poll(() => popup.locator('.notice-success').textContent())
      .toBe(`Exported 1 favourite to ${(await download).suggestedFilename()}.`);
    expect(await popup.getByRole('link', { name: /Play/ }).textContent()).toBe('▶ Play the video');
  });

  it('keeps a star whose talk has left the catalogue, shows it as such, and lets it be removed', async () => {
    const browser = await launch();
    await openPopup(browser); // the background has created the database by now
    // Written straight into the extension's IndexedDB, as an older catalogue would have left it.
    await browser.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('talkmark');
          request.onsuccess = () => {
            const tx = request.result.transaction('favourites', 'readwrite');
            tx.objectStore('favourites').put({ talkId: 'a-retired-talk', starredAt: Date.UTC(2025, 0, 1) });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    const popup = await openPopup(browser);
    await favouritesTab(popup).click();
    expect(await favouriteTitles(popup)).toEqual(['A talk no longer in the catalogue']);
    await star(popup, 'a-retired-talk').click();
    await expect.poll(() => favouritesTab(popup).textContent()).toBe('Favourites 0');
  });

  it.each([
    ['not JSON', 'favourites.json', 'this is not json', /not JSON\. Nothing was imported\./],
    ['another app’s JSON', 'bookmarks.json', '{"bookmarks":[1,2]}', /not a Talkmark favourites export/],
    [
      'a newer format',
      'future.json',
      '{"format":"talkmark-favourites","version":4,"favourites":[]}',
      /newer Talkmark \(format 4\)/,
    ],
    [
      'a talk this browser lacks with nothing to say what it was',
      'other.json',
      '{"format":"talkmark-favourites","version":2,"favourites":[{"talkId":"nope","starredAt":"2026-01-01T00:00:00Z"}]}',
      /Favourite number 1 .* damaged/,
    ],
    ['a file of many megabytes', 'huge.json', 'x'.repeat(3_000_000), /3\.0 MB, far too big/],
  ])('refuses %s with a clear message and changes nothing', async (_label, name, content, message) => {
    const browser = await launch();
    const popup = await openPopup(browser);
    await star(popup, GEO).click();
    await favouritesTab(popup).click();
    await expect.poll(() => favouriteTitles(popup)).toEqual([GEO]);
    const file = join(scratchDir(), name);
    writeFileSync(file, content);
    await popup.getByLabel('Favourites file to import').setInputFiles(file);
    await expect.poll(() => popup.locator('.notice-error').textContent()).toMatch(message);
    expect(await favouriteTitles(popup)).toEqual([GEO]);
    expect(await favouritesTab(popup).textContent()).toBe('Favourites 1');
  });

  it('restores a version 1 backup naming a talk this browser lacks, as a star that says what it was', async () => {
    const browser = await launch();
    const popup = await openPopup(browser);
    await favouritesTab(popup).click();
    const file = join(scratchDir(), 'old-backup.json');
    writeFileSync(
      file,
      '{"format":"talkmark-favourites","version":1,"favourites":[{"talkId":"fosdem-2026/1234","title":"Some Other Talk","starredAt":"2026-01-01T00:00:00Z"}]}',
    );
    await popup.getByLabel('Favourites file to import').setInputFiles(file);
    await expect
      .poll(() => popup.locator('.notice-success').textContent())
      .toBe(
        'Imported 1 favourite. 1 of them is a talk this browser has in no catalogue: it is kept with its title and its video.',
      );
    await expect.poll(() => favouriteTitles(popup)).toEqual(['Some Other Talk']);
  });
});
