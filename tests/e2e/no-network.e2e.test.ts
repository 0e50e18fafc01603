import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshconfSchedule, startScheduleServer } from '../schedule-server';
import { type LaunchedExtension, launchExtension } from './harness';

const SCHEDULE = new URL('../fixtures/schedules/small-frab.xml', import.meta.url).pathname;

let browser: LaunchedExtension;
beforeAll(async () => {
  browser = await launchExtension({
    videos: { '-Hz6LFJu1cY': 'Geo-partitioning with Vitess', VitessShard: 'Vitess: sharding MySQL', other: 'Cooking' },
  });
});
afterAll(() => browser?.close());

describe('no network', () => {
  it('makes no request of its own while every feature is used', async () => {
    const visited = new Set<string>();
    const youtube = await browser.context.newPage();
    const visit = async (url: string) => {
      visited.add(url);
      await youtube.goto(url);
    };
    await visit('https://www.youtube.com/watch?v=-Hz6LFJu1cY');
    const panel = youtube.locator('talkmark-panel');
    await panel.getByRole('button', { name: /favourite/i }).click();
    await panel.getByRole('button', { name: 'Hide' }).click();
    await panel.getByRole('button', { name: 'Show' }).click();
    await visit('https://www.youtube.com/watch?v=VitessShard');
    await panel.locator('.related li').first().waitFor();
    await visit('https://www.youtube.com/watch?v=other');
    await youtube.waitForTimeout(400);

    const popup = await browser.openExtensionPage('popup.html');
    const search = popup.getByLabel('Search talks');
    await search.pressSequentially('vites migraton');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Control+s');
    await popup.getByLabel('Organisation').selectOption('PlanetScale');
    await popup.getByRole('tab', { name: /Favourites/ }).click();
    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Export' }).click();
    await download;

    const options = await browser.openExtensionPage('options.html');
    await options.getByLabel(/Show the Talkmark panel/).uncheck();
    await options.getByLabel(/Show the Talkmark panel/).check();
    // A schedule full of links (YouTube, video.fosdem-like hosts, talk pages): importing it fetches none of them.
    await options.getByLabel('Schedule file to import').setInputFiles(SCHEDULE);
    await options.locator('.catalogues .notice').waitFor();
    const exported = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export TinyConf 2024 as a Talkmark catalogue' }).click();
    await exported;
    await search.fill('shardng mysql');
    await popup.getByRole('tab', { name: /Talks/ }).click();
    await popup.getByRole('listbox').getByRole('option').first().waitFor();
    await visit('https://www.youtube.com/watch?v=ZYXWVUTSRQP');
    await panel.locator('.related li').first().waitFor();
    await options.getByRole('button', { name: 'Remove TinyConf 2024' }).click();

    await browser.worker.evaluate(
      () =>
        new Promise((resolve) =>
          (
            globalThis as unknown as { talkmark: { omniboxInputChanged(t: string, s: (x: unknown) => void): void } }
          ).talkmark.omniboxInputChanged('vitess', resolve),
        ),
    );
    await youtube.waitForTimeout(300);

    // What remains is the browser loading the pages the test itself opened (and their favicon).
    const own = browser.requests.filter((url) => !visited.has(url) && !url.endsWith('/favicon.ico'));
    expect(own).toEqual([]);
    expect(browser.requests.length).toBeGreaterThan(0); // the recorder works: the test's own page loads are in it
  });

  it('subscribing asks the browser for that one site from the click itself, and fetches nothing until allowed', async () => {
    // Headless Chromium shows its permission prompt to no one, so it stays open: the request path is checked up to
    // it (Firefox's end-to-end tests, where a preference grants it, follow it through to the schedule).
    const server = await startScheduleServer();
    try {
      server.serve('/freshconf.xml', freshconfSchedule());
      const options = await browser.openExtensionPage('options.html');
      const field = options.getByLabel('Schedule address');
      await field.fill('fosdem.org/schedule');
      await options.getByRole('button', { name: 'Subscribe' }).click();
      await expect
        .poll(() => options.locator('.subscribe [role="alert"]').textContent())
        .toBe('That is not a web address. Paste the schedule’s whole address, starting with https://.');
      await field.fill(server.url('/freshconf.xml'));
      await field.press('Enter');
      const host = new URL(server.origin).host;
      const waiting = `Waiting for you to allow Talkmark to read ${host} in the browser’s prompt…`;
      await expect.poll(() => options.locator('.subscribe [role="status"]').textContent()).toBe(waiting);
      await options.waitForTimeout(1_000);
      // Still waiting, not refused. (Firefox, stricter, refuses a request not made inside the input's handler: its
      // end-to-end test subscribes through this same form.)
      expect(await options.locator('.subscribe [role="status"]').textContent()).toBe(waiting);
      expect(await options.locator('.subscribe [role="alert"]').textContent()).toBe('');
      expect(server.requests).toEqual([]);
      expect(browser.requests.filter((url) => url.startsWith(server.origin))).toEqual([]);
      await options.close();
    } finally {
      await server.close();
    }
  });
});
