import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension } from './harness';

// TinyConf: three talks, one of them Sugu Sougoumarane's (who is also in the bundled recap), with a YouTube
// recording, and one whose title is HTML with a script in it.
const SCHEDULE = readFileSync(new URL('../fixtures/schedules/small-frab.xml', import.meta.url));
const SHARDING = 'Sharding MySQL with Vitess';
const SCRIPT_TITLE = '<script>alert("x")</script> & friends';
const SHARDING_VIDEO = 'ZYXWVUTSRQP';

let browser: LaunchedExtension;
let scratch: string;
const dialogs: string[] = [];
// Errors no page caught (the options page, its import worker, the popup): a bad file must cause none.
const uncaught: string[] = [];
beforeAll(async () => {
  browser = await launchExtension({ videos: { unrelated01: 'How to tune a guitar' } });
  browser.context.on('page', (page) => {
    page.on('dialog', (dialog) => dialogs.push(dialog.message()));
    page.on('pageerror', (error) => uncaught.push(error.message));
    page.on('worker', (worker) =>
      worker.on('console', (message) => message.type() === 'error' && uncaught.push(message.text())),
    );
  });
  scratch = mkdtempSync(join(tmpdir(), 'talkmark-catalogues-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function optionsPage(): Promise<Page> {
  const page = await browser.openExtensionPage('options.html');
  await page.getByRole('table', { name: 'Catalogues in Talkmark' }).waitFor();
  return page;
}
const catalogueNames = (page: Page) =>
  page.getByRole('table', { name: 'Catalogues in Talkmark' }).locator('tbody th').allTextContents();
const chooseFile = (page: Page, file: { name: string; mimeType: string; buffer: Buffer } | string) =>
  page.getByLabel('Schedule file to import').setInputFiles(file);
const notice = (page: Page) => page.locator('.catalogues .notice');

async function popupSearch(query: string): Promise<Page> {
  const popup = await browser.openExtensionPage('popup.html');
  await popup.getByRole('combobox', { name: 'Search talks' }).fill(query);
  return popup;
}
const resultTitles = (popup: Page) => popup.getByRole('listbox').locator('.result-title').allTextContents();

describe('importing a conference schedule', () => {
  it('imports a frab schedule from the options page and lists it with its talk count and format', async () => {
    // A popup already open hears of the import at once.
    const openPopup = await browser.openExtensionPage('popup.html');
    await expect.poll(() => openPopup.getByRole('tab', { name: /Talks/ }).textContent()).toBe('Talks 10');
    const options = await optionsPage();
    expect(await catalogueNames(options)).toEqual(['KubeCon + CloudNativeCon North America 2019']);
    await chooseFile(options, { name: 'schedule.xml', mimeType: 'text/xml', buffer: SCHEDULE });
    await expect
      .poll(() => notice(options).textContent())
      .toBe(
        'Imported “TinyConf 2024”: 3 talks. 1 event without a title was left out. 1 event that repeats an earlier event’s id was left out.',
      );
    expect(await catalogueNames(options)).toEqual(['KubeCon + CloudNativeCon North America 2019', 'TinyConf 2024']);
    const row = options.getByRole('row', { name: /TinyConf 2024/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['3', 'frab/pentabarf XML']));
    await expect.poll(() => openPopup.getByRole('tab', { name: /Talks/ }).textContent()).toBe('Talks 13');
    await openPopup.close();
    await options.close();
  });

  it('finds the imported talk first by its title in the popup, with a conference filter, and stars it', async () => {
    const popup = await popupSearch('shardng mysql');
    await expect.poll(async () => (await resultTitles(popup))[0]).toBe(SHARDING);
    // Sugu is one person with the recap's Sugu (same name), so his organisation shows; Ana has none: no brackets.
    const first = popup.getByRole('listbox').getByRole('option').first();
    expect(await first.locator('.result-speakers').textContent()).toBe(
      'Sugu Sougoumarane (PlanetScale) and Ana Müller',
    );
    expect(await first.locator('.result-event').textContent()).toBe('TinyConf 2024');

    const conference = popup.getByRole('combobox', { name: 'Conference' });
    await conference.selectOption({ label: 'TinyConf 2024' });
    await popup.getByRole('combobox', { name: 'Search talks' }).fill('');
    await expect.poll(() => resultTitles(popup)).toEqual([SHARDING, SCRIPT_TITLE, 'A talk without a guid']);
    await expect.poll(() => popup.getByRole('tab', { name: /Talks/ }).textContent()).toBe('Talks 13');

    await popup.getByRole('button', { name: `Favourite: ${SHARDING}` }).click();
    await expect.poll(() => popup.getByRole('tab', { name: /Favourites/ }).textContent()).toBe('Favourites 1');
    await popup.close();
  });

  it('shows HTML and scripts in a title as text, never running them', async () => {
    const popup = await popupSearch('friends');
    await expect.poll(async () => (await resultTitles(popup))[0]).toBe(SCRIPT_TITLE);
    expect(await popup.locator('.result-title script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await popup.close();
  });

  it('answers a typed search from its own stored index, even when the background cannot answer at all', async () => {
    const popup = await browser.context.newPage();
    // Every message to the background fails, as when its worker cannot start.
    await popup.addInitScript(() => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: unknown } } }).chrome.runtime;
      runtime.sendMessage = () => Promise.reject(new Error('Could not establish connection.'));
    });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('combobox', { name: 'Search talks' }).fill('shardng mysql');
    await expect.poll(async () => (await resultTitles(popup))[0]).toBe(SHARDING);
    expect(await popup.getByRole('listbox').getByRole('option').first().locator('.result-speakers').textContent()).toBe(
      'Sugu Sougoumarane (PlanetScale) and Ana Müller',
    );
    // The star given in an earlier test shows too: the popup reads stars from the database itself.
    await expect
      .poll(() => popup.getByRole('button', { name: `Favourite: ${SHARDING}` }).getAttribute('aria-pressed'))
      .toBe('true');
    // Cleared, the search gives way to the list as it was last shown (earlier tests opened the popup), not to
    // the search's rows under a count that no longer fits them.
    await popup.getByRole('combobox', { name: 'Search talks' }).fill('');
    await expect.poll(() => popup.locator('.status').textContent()).toMatch(/^\d+ talks in the catalogue\./);
    expect(await resultTitles(popup)).not.toEqual([SHARDING]);
    // What only the background knows (favourites) says it could not be reached, in words.
    await popup.getByRole('tab', { name: /Favourites/ }).click();
    await expect.poll(() => popup.getByText(/background/i).count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('shows the panel on the imported talk’s recording, starred, with related talks from both catalogues', async () => {
    const youtube = await browser.context.newPage();
    await youtube.goto(`https://www.youtube.com/watch?v=${SHARDING_VIDEO}`);
    const panel = youtube.locator('talkmark-panel');
    await expect.poll(() => panel.locator('.current .title').textContent()).toBe(SHARDING);
    const panelStar = panel.getByRole('button', { name: `Favourite: ${SHARDING}` });
    await expect.poll(() => panelStar.getAttribute('aria-pressed')).toBe('true');
    // Speakers with no organisation or role are named plainly.
    expect(await panel.locator('.speakers').textContent()).toContain('Sugu Sougoumarane');
    expect(await panel.locator('.speakers').textContent()).not.toContain('()');
    const related = await panel.locator('.related-title').allTextContents();
    expect(related).toContain('Vitess: Stateless Storage in the Cloud'); // the bundled recap, same speaker
    expect(related).toContain(SCRIPT_TITLE); // TinyConf itself, same speaker (Ana Müller)
    await youtube.close();
  });

  it('refuses every bad file with a sentence, leaving the catalogues as they were', async () => {
    const options = await optionsPage();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const huge = join(scratch, 'huge.json');
    writeFileSync(huge, Buffer.alloc(60_000_000, 0x20));
    const cases: Array<[Parameters<typeof chooseFile>[1], RegExp]> = [
      [{ name: 'photo.xml', mimeType: 'text/xml', buffer: png }, /not a text file/],
      [{ name: 'cut.xml', mimeType: 'text/xml', buffer: SCHEDULE.subarray(0, 900) }, /damaged or cut short/],
      [
        {
          name: 'bomb.xml',
          mimeType: 'text/xml',
          buffer: Buffer.from(
            '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><schedule><conference><title>&b;</title></conference></schedule>',
          ),
        },
        /declares entities of its own/,
      ],
      [
        { name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x"}') },
        /not a schedule Talkmark knows/,
      ],
      [huge, /is 60\.0 MB; Talkmark reads schedules of up to 50\.0 MB/],
    ];
    for (const [file, sentence] of cases) {
      await chooseFile(options, file);
      await expect.poll(() => notice(options).textContent()).toMatch(sentence);
      expect(await notice(options).textContent()).toMatch(/Nothing was imported\.$/);
      expect(await notice(options).getAttribute('role')).toBe('alert');
      expect(await catalogueNames(options)).toEqual(['KubeCon + CloudNativeCon North America 2019', 'TinyConf 2024']);
      // The next file's notice must be a new one, not this one left over: its words are wiped (the region itself
      // stays, as a live region must), and only a new sentence fills them again.
      await options.evaluate(() => {
        const words = document.querySelector('.catalogues .notice')?.firstChild;
        if (words) words.textContent = '';
      });
    }
    expect(uncaught).toEqual([]);
    await options.close();
  });

  it('imports a dropped file, and re-importing the same conference replaces it in place, stars kept', async () => {
    const options = await optionsPage();
    const changed = SCHEDULE.toString('utf8').replace('A talk without a guid', 'A talk renamed since');
    const dataTransfer = await options.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'schedule-v2.xml', { type: 'text/xml' }));
      return transfer;
    }, changed);
    await options.locator('.catalogues').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => notice(options).textContent()).toMatch(/^Updated “TinyConf 2024”: now 3 talks\./);
    expect(await catalogueNames(options)).toEqual(['KubeCon + CloudNativeCon North America 2019', 'TinyConf 2024']);

    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('tab', { name: /Favourites/ }).click();
    await expect.poll(() => resultTitles(popup)).toEqual([SHARDING]);
    await popup.getByRole('tab', { name: /Talks/ }).click();
    await popup.getByRole('combobox', { name: 'Search talks' }).fill('renamed since');
    await expect.poll(async () => (await resultTitles(popup))[0]).toBe('A talk renamed since');
    await popup.close();
    await options.close();
  });

  it('exports a catalogue as a Talkmark catalogue file', async () => {
    const options = await optionsPage();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export TinyConf 2024 as a Talkmark catalogue' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('talkmark-catalogue-tinyconf2024.json');
    const path = join(scratch, 'export.json');
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(exported).toMatchObject({ format: 'talkmark-catalogue', version: 1, event: { id: 'tinyconf2024' } });
    expect(exported.talks).toHaveLength(3);
    await options.close();
  });

  it('removes a catalogue; its starred talk stays, as no longer in the catalogue', async () => {
    // A panel left open on one of its recordings while the catalogue is removed.
    const watching = await browser.context.newPage();
    await watching.goto(`https://www.youtube.com/watch?v=${SHARDING_VIDEO}`);
    const panelStar = watching.locator('talkmark-panel').getByRole('button', { name: `Favourite: ${SHARDING}` });
    await expect.poll(() => panelStar.getAttribute('aria-pressed')).toBe('true');

    const options = await optionsPage();
    await options.getByRole('button', { name: 'Remove TinyConf 2024' }).click();
    await expect.poll(() => notice(options).textContent()).toMatch(/^Removed “TinyConf 2024”\./);
    expect(await catalogueNames(options)).toEqual(['KubeCon + CloudNativeCon North America 2019']);

    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('tab', { name: /Favourites/ }).click();
    // The star says what its talk was, and still opens its video.
    await expect.poll(() => resultTitles(popup)).toEqual([SHARDING]);
    const row = popup.getByRole('listbox').getByRole('option').first();
    expect(await row.textContent()).toContain('TinyConf 2024');

    // A backup made now restores that star, with its title and video, in a browser that never had TinyConf.
    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Export' }).click();
    const backup = join(scratch, (await download).suggestedFilename());
    await (await download).saveAs(backup);
    const fresh = await launchExtension();
    try {
      const restoring = await fresh.openExtensionPage('popup.html');
      await restoring.getByRole('tab', { name: /Favourites/ }).click();
      await restoring.getByLabel('Favourites file to import').setInputFiles(backup);
      await expect
        .poll(() => restoring.locator('.notice-success').textContent())
        .toBe(
          'Imported 1 favourite. 1 of them is a talk this browser has in no catalogue: it is kept with its title and its video.',
        );
      await expect.poll(() => resultTitles(restoring)).toEqual([SHARDING]);
      // Opened from the list (here by the keyboard, as a person would: its first row is highlighted).
      await restoring.getByLabel('Search talks').press('Enter');
      await expect.poll(() => fresh.openedUrls()).toContain(`https://www.youtube.com/watch?v=${SHARDING_VIDEO}`);
    } finally {
      await fresh.close();
    }
    await popup.getByRole('tab', { name: /Talks/ }).click();
    await expect.poll(() => popup.getByRole('tab', { name: /Talks/ }).textContent()).toBe('Talks 10');
    // One conference again: no conference filter to choose from.
    expect(await popup.getByRole('combobox', { name: 'Conference' }).count()).toBe(0);
    await popup.close();

    // The open panel: unstarring the removed talk works; starring it again is refused, and the panel says why.
    await panelStar.click();
    await expect.poll(() => panelStar.getAttribute('aria-pressed')).toBe('false');
    await panelStar.click();
    await expect
      .poll(() => watching.locator('talkmark-panel [role="alert"]').textContent())
      .toMatch(/^There is no talk “.*” to star\.$/);
    expect(await panelStar.getAttribute('aria-pressed')).toBe('false');
    await watching.close();

    const youtube = await browser.context.newPage();
    await youtube.goto(`https://www.youtube.com/watch?v=${SHARDING_VIDEO}`);
    await youtube.waitForTimeout(500);
    expect(await youtube.locator('talkmark-panel').count()).toBe(0);
    await youtube.close();
    await options.close();
  });
});
