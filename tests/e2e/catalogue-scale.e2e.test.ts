import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asFrabScheduleJson, loadRealTalks, type RealTalk } from '../real-talks';
import { type LaunchedExtension, launchExtension } from './harness';
import { putProgressRecords } from './progress-records';

// 50,000 real talks (../shared/talk-data), imported as one schedule.json the way a person would.
const talks = loadRealTalks()?.slice(0, 50_000);

describe.skipIf(!talks)('a schedule of 50,000 real talks', () => {
  let browser: LaunchedExtension;
  let scratch: string;
  let file: string;
  beforeAll(async () => {
    browser = await launchExtension();
    scratch = mkdtempSync(join(tmpdir(), 'talkmark-scale-'));
    file = join(scratch, 'schedule.json');
    writeFileSync(file, asFrabScheduleJson(talks as RealTalk[], 'real-talks'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('leaves nothing behind when the options page is closed in the middle of an import', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('table', { name: 'Catalogues in Talkmark' }).waitFor();
    await options.getByLabel('Schedule file to import').setInputFiles(file);
    await options.getByRole('progressbar').waitFor({ timeout: 5_000 });
    // Closing the page ends its import worker wherever it was: reading, indexing or writing.
    await options.close();

    const again = await browser.openExtensionPage('options.html');
    await again.getByRole('table', { name: 'Catalogues in Talkmark' }).waitFor();
    await again.waitForTimeout(500);
    const stored = await again.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('talkmark');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
        });
      const counts = [
        await count('catalogues'),
        await count('catalogue-contents'),
        await count('search-indexes'),
        await count('catalogue-keys'),
        // Some records each, or none.
        Math.min(1, await count('search-postings')),
        Math.min(1, await count('talk-cards')),
      ];
      db.close();
      return counts;
    });
    // All written together or none: never a catalogue without its talks, its index, its cards or its keys.
    expect([
      [0, 0, 0, 0, 0, 0],
      [1, 1, 1, 1, 1, 1],
    ]).toContainEqual(stored);
    expect(await again.locator('tbody th').count()).toBe(1 + stored[0]!);
    await again.close();
  });

  it('cancels an import when asked: it says so, and the catalogues stay as they were', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('table', { name: 'Catalogues in Talkmark' }).waitFor();
    await options.waitForTimeout(300);
    const rows = await options.locator('tbody th').allTextContents();
    await options.getByLabel('Schedule file to import').setInputFiles(file);
    await options.getByRole('progressbar').waitFor({ timeout: 5_000 });
    await options.getByRole('button', { name: 'Cancel import' }).click();
    await expect
      .poll(() => options.locator('.catalogues .notice').textContent())
      .toBe('You cancelled the import. Nothing was imported.');
    expect(await options.locator('.catalogues .notice').getAttribute('role')).toBe('alert');
    expect(await options.getByRole('progressbar').count()).toBe(0);
    await options.waitForTimeout(500);
    expect(await options.locator('tbody th').allTextContents()).toEqual(rows);
    // The file picker works again at once.
    expect(await options.getByLabel('Schedule file to import').isDisabled()).toBe(false);
    await options.close();
  });

  it('imports with a progress bar while the options page keeps drawing frames, then is searchable', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByRole('table', { name: 'Catalogues in Talkmark' }).waitFor();
    // Record the longest gap between animation frames while the import runs: a frozen page draws none.
    await options.evaluate(() => {
      const state = { last: performance.now(), longest: 0, running: true };
      Object.assign(window, { frames: state });
      const tick = (now: number) => {
        state.longest = Math.max(state.longest, now - state.last);
        state.last = now;
        if (state.running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await options.getByLabel('Schedule file to import').setInputFiles(file);
    await options.getByRole('progressbar').waitFor({ timeout: 5_000 });
    await expect
      .poll(() => options.locator('.catalogues .notice').textContent(), { timeout: 60_000 })
      .toBe('Imported “Real talks (50000)”: 50,000 talks.');
    const longestFrameGap = await options.evaluate(() => {
      const state = (window as unknown as { frames: { longest: number; running: boolean } }).frames;
      state.running = false;
      return state.longest;
    });
    expect(longestFrameGap).toBeLessThan(500);
    expect(
      await options
        .getByRole('row', { name: /Real talks/ })
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe('50,000');

    const wanted = (talks as RealTalk[])[12_345] as RealTalk;
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('combobox', { name: 'Search talks' }).fill(wanted.title);
    await expect
      .poll(() => popup.getByRole('listbox').locator('.result-title').first().textContent(), { timeout: 60_000 })
      .toBe(wanted.title);
    // The list holds a page of rows under a true count; scrolling or arrowing down asks for the next page.
    await popup.getByRole('combobox', { name: 'Search talks' }).fill('');
    const listed = popup.getByRole('listbox').getByRole('option');
    // The list with nothing typed comes from the background, which reads the 50,000 talks first.
    await expect
      .poll(() => popup.locator('.status').textContent(), { timeout: 30_000 })
      .toBe('50,010 talks in the catalogue. The first 20 are listed; scroll for more.');
    expect(await listed.count()).toBe(20);
    await popup.locator('.view').evaluate((view) => view.scrollTo(0, view.scrollHeight));
    await expect.poll(() => listed.count()).toBe(40);
    // Arrowing to within eight rows of the end (row 32 of 40) asks for the next page.
    for (let i = 0; i < 35; i++) await popup.keyboard.press('ArrowDown');
    await expect.poll(() => listed.count()).toBe(60);
  }, 180_000);

  it('lists, counts and filters with 5,000 talks’ watch progress', async () => {
    const all = talks as RealTalk[];
    // Every other talk of the first 5,000 was watched; the rest were left at 2:00, the later in the list the
    // more recently. Written as the background keeps them: one mark of kind `watch` each.
    const options = await browser.openExtensionPage('options.html');
    await putProgressRecords(
      options,
      all.slice(0, 5_000).map((talk) => `real-talks/${talk.id}`),
    );
    await options.close();

    const popup = await browser.openExtensionPage('popup.html');
    const continueTab = popup.getByRole('tab', { name: /Continue/ });
    await expect.poll(() => continueTab.textContent(), { timeout: 30_000 }).toBe('Continue 2,500');
    await continueTab.click();
    await expect
      .poll(() => popup.locator('.status').textContent())
      .toBe('You have 2,500 talks to continue. The first 20 are listed; scroll for more.');
    // The most recently watched first: talk 4,999.
    const titles = popup.getByRole('listbox').locator('.result-title');
    expect(await titles.first().textContent()).toBe(all[4_999]?.title);
    expect(await titles.nth(1).textContent()).toBe(all[4_997]?.title);
    // A search inside the view finds a started talk among the 50,000, and no watched one.
    await popup.getByRole('combobox', { name: 'Search talks' }).fill(all[1_001]?.title ?? '');
    await expect.poll(() => titles.first().textContent()).toBe(all[1_001]?.title);
    await popup.getByRole('combobox', { name: 'Search talks' }).fill(all[1_000]?.title ?? '');
    await expect.poll(() => titles.allTextContents()).not.toContain(all[1_000]?.title);
    // Hide watched, inside the search, counts every talk left.
    await popup.getByRole('combobox', { name: 'Search talks' }).fill('');
    await popup.getByRole('tab', { name: /Talks/ }).click();
    await popup.getByLabel('Hide watched').check();
    await expect
      .poll(() => popup.locator('.status').textContent(), { timeout: 30_000 })
      .toBe('47,510 talks match these filters. The first 20 are listed; scroll for more.');
    await popup.close();
  }, 120_000);
});
