import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshconfSchedule, type ScheduleServer, startScheduleServer } from '../schedule-server';
import { type LaunchedFirefox, launchFirefox } from './firefox-harness';

// Subscribing by address end to end, in Debian's Firefox ESR: Firefox grants an optional permission without a
// prompt when extensions.webextOptionalPermissionPrompts is false, so the real permissions.request runs from a real
// click. The schedule comes from a real local HTTP server started here.

const TITLES = ['Resharding without downtime', 'Operators for stateful sets', 'Query planning in a sharded world'];

let server: ScheduleServer;
let firefox: LaunchedFirefox;
beforeAll(async () => {
  server = await startScheduleServer();
  server.serve('/freshconf.xml', freshconfSchedule());
  firefox = await launchFirefox({
    videos: { FreshVid001: TITLES[0] as string, FreshVid002: TITLES[1] as string },
    prefs: {
      'extensions.webextOptionalPermissionPrompts': false,
      // The local schedule server is reached directly; everything else still goes to the dead proxy.
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
}, 90_000);
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function until<T>(read: () => Promise<T>, expected: T | RegExp, timeoutMs = 15_000): Promise<void> {
  if (expected instanceof RegExp) await expect.poll(read, { timeout: timeoutMs }).toMatch(expected);
  else await expect.poll(read, { timeout: timeoutMs }).toEqual(expected);
}
const text = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
const rowStatus = (options: Page) => text(options, '.subscription-row .subscription-status');
/** A real click, in the page's tab brought to the front first (a click in a tab behind another can be lost). */
async function clickButton(page: Page, label: string): Promise<void> {
  await page.bringToFront();
  await page.click(`button[aria-label="${label}"]`);
}
/** The daily refresh's alarm, as the browser holds it: its period in minutes, or null when there is none. */
const alarmPeriod = (page: Page) =>
  page.evaluate(async () => {
    const { browser } = globalThis as unknown as {
      browser: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } };
    };
    return (await browser.alarms.get('talkmark-subscriptions'))?.periodInMinutes ?? null;
  });

describe('subscribing to a schedule by address (Firefox)', () => {
  it('subscribes from a click, shows recordings once published, keeps stars, and pauses without the site', async () => {
    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('#subscribe-address');
    // No subscription, no alarm: nothing will ever be fetched.
    expect(await alarmPeriod(options)).toBeNull();
    await options.type('#subscribe-address', server.url('/freshconf.xml'));
    await options.click('form.subscribe button[type="submit"]');
    await until(
      () => text(options, '.subscribe .notice-success'),
      'Imported “Freshconf 2026”: 3 talks. Talkmark checks it for changes once a day.',
    );
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.cookie).toBeUndefined();
    await until(() => rowStatus(options), /^Checked .+\. No changes since it was added\.$/);
    expect(await alarmPeriod(options)).toBe(24 * 60);

    // A star on the second talk, from the popup.
    const popup = await firefox.openExtensionPage('popup.html');
    await popup.waitForSelector('#talk-search');
    await popup.type('#talk-search', 'operators stateful');
    await popup.waitForSelector(`button[aria-label="Favourite: ${TITLES[1]}"]`);
    await popup.click(`button[aria-label="Favourite: ${TITLES[1]}"]`);
    await until(() => text(popup, '#tab-favourites'), 'Favourites 1');

    // The conference publishes its recordings (and moves a talk): a refresh brings them, and names the change.
    server.serve('/freshconf.xml', freshconfSchedule({ recordings: true, rescheduled: true }));
    await clickButton(options, 'Refresh “Freshconf 2026”');
    await until(
      () => rowStatus(options),
      /Changed .+: 2 new recordings and 1 talk rescheduled\. Starred: “Operators for stateful sets”\.$/,
    );
    const youtube = await firefox.openYouTube('/watch?v=FreshVid002');
    await until(
      () =>
        youtube.evaluate(
          () =>
            document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.current .title')?.textContent ?? null,
        ),
      TITLES[1],
    );
    await youtube.close();
    await until(() => text(popup, '#tab-favourites'), 'Favourites 1');

    // Unchanged: one conditional request, answered 304.
    const asked = server.requests.length;
    await clickButton(options, 'Refresh “Freshconf 2026”');
    await until(async () => server.requests.length, asked + 1);
    expect(server.requests.at(-1)?.headers['if-none-match']).toMatch(/^"/);
    await until(() => rowStatus(options), /Changed .+: 2 new recordings/);

    // The person withdraws the site in the browser: the subscription pauses, and asks nothing.
    await options.evaluate(async (site) => {
      const { browser } = globalThis as unknown as {
        browser: { permissions: { remove(p: object): Promise<boolean> } };
      };
      await browser.permissions.remove({ origins: [site] });
    }, 'http://127.0.0.1/*');
    await until(() => rowStatus(options), /^Paused: the browser no longer lets Talkmark read this site\./);
    await clickButton(options, 'Refresh “Freshconf 2026”');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.requests).toHaveLength(asked + 1);

    // Unsubscribing keeps the catalogue and its talks.
    await clickButton(options, 'Unsubscribe from “Freshconf 2026”');
    await until(async () => (await options.$$('.subscription-row')).length, 0);
    expect(await text(options, '.catalogue-table tbody')).toContain('Freshconf 2026');
    await until(() => alarmPeriod(options), null);
    await popup.close();
    await options.close();
  }, 90_000);
});
