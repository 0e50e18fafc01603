import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeMarks,
  encodeMarks,
  type Mark,
  META_KEY,
  markKey,
  STAR,
  SYNC_PREFIX,
  shardKey,
  shardOf,
} from '../../utils/marks';
import { asFrabScheduleJson, type RealTalk } from '../real-talks';
import { FIREFOX_BASE, goTo, type LaunchedFirefox, launchFirefox, setPhoneViewport } from './firefox-harness';
import { playSilenceInPlayer } from './media';

// The Firefox build, driven as a person uses it, in Debian's Firefox ESR over WebDriver BiDi (puppeteer-core).

const VIDEOS = {
  OCS45iy5v1M: 'How to Migrate a MySQL Database to Vitess - Sugu Sougoumarane & Morgan Tocker',
  '-Hz6LFJu1cY': 'Geo-partitioning with Vitess',
  unrelated01: 'Never Gonna Give You Up',
  // In the large conference below, and a video outside it whose title names one of its speakers.
  BigConfVid1: 'Tablet balancing at scale',
  AboutBigCon: 'Quinn Largeconf answers your questions',
};
const SCHEDULE = new URL('../fixtures/schedules/small-frab.xml', import.meta.url).pathname;

let firefox: LaunchedFirefox;
beforeAll(async () => {
  firefox = await launchFirefox({ videos: VIDEOS });
}, 90_000);
afterAll(() => firefox?.close());

/** Polls `read` until it returns `expected` (or fails with the last value seen). */
async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  await expect.poll(read, { timeout: timeoutMs }).toEqual(expected);
}
const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));
const resultTitles = (popup: Page) => texts(popup, '[role="listbox"] [role="option"] .result-title');
const favouritesTab = (popup: Page) => popup.$eval('#tab-favourites', (tab) => tab.textContent);
const panelTitle = (page: Page) =>
  page.evaluate(
    () => document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.current .title')?.textContent ?? null,
  );

async function popupPage(): Promise<Page> {
  const popup = await firefox.openExtensionPage('popup.html');
  await popup.waitForSelector('[role="listbox"] [role="option"]');
  return popup;
}

/** Types into the search field the way a keyboard does, letter by letter. */
async function search(popup: Page, query: string): Promise<void> {
  await popup.click('#talk-search', { count: 3 });
  await popup.keyboard.press('Backspace');
  await popup.type('#talk-search', query);
}

describe('in Firefox', () => {
  it('has host access to YouTube (without it the content script never runs)', async () => {
    const origins = await firefox.home.evaluate(async () => {
      const { browser } = globalThis as unknown as {
        browser: { permissions: { getAll(): Promise<{ origins: string[] }> } };
      };
      return (await browser.permissions.getAll()).origins;
    });
    expect(origins).toEqual(expect.arrayContaining(['https://www.youtube.com/*', 'https://m.youtube.com/*']));
  });

  it('the popup opens with the whole catalogue, keynote first, in English', async () => {
    const popup = firefox.home;
    await popup.waitForSelector('[role="listbox"] [role="option"]');
    expect((await resultTitles(popup)).length).toBe(10);
    expect((await resultTitles(popup))[0]).toBe('If you are moving to Kubernetes, don’t leave your data behind.');
    expect(await popup.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      'en',
      'Search talks – Talkmark',
    ]);
  });

  it('finds a talk through two typos, typed letter by letter', async () => {
    const popup = await popupPage();
    await search(popup, 'vites migraton');
    await until(async () => (await resultTitles(popup))[0], 'How to Migrate a MySQL Database to Vitess');
    await popup.close();
  });

  it('stars the highlighted result with Ctrl+S, and the Favourites tab lists it', async () => {
    const popup = await popupPage();
    await search(popup, 'geo partitoning');
    await until(async () => (await resultTitles(popup))[0], 'Geo-partitioning with Vitess');
    await popup.keyboard.down('Control');
    await popup.keyboard.press('s');
    await popup.keyboard.up('Control');
    await until(() => favouritesTab(popup), 'Favourites 1');
    await popup.click('#tab-favourites');
    await until(() => resultTitles(popup), ['Geo-partitioning with Vitess']);
    // Unstar from the list itself: the tab empties and says so.
    await popup.click('.results-stars [aria-pressed="true"]');
    await until(() => favouritesTab(popup), 'Favourites 0');
    await until(
      () => popup.$eval('.empty-title', (title) => title.textContent),
      'No favourites match “geo partitoning”.',
    );
    await popup.focus('#talk-search');
    await popup.keyboard.press('Escape');
    await until(() => popup.$eval('.empty-title', (title) => title.textContent), 'No favourites yet');
    await popup.close();
  });

  it('Escape clears the search and the whole catalogue comes back', async () => {
    const popup = await popupPage();
    await search(popup, 'nozzle');
    await until(async () => (await resultTitles(popup)).length, 1);
    await popup.keyboard.press('Escape');
    await until(async () => (await resultTitles(popup)).length, 10);
    expect(await popup.$eval('#talk-search', (field) => (field as HTMLInputElement).value)).toBe('');
    await popup.close();
  });

  it('shows the panel on a catalogue talk’s YouTube page, and its star is the popup’s', async () => {
    const youtube = await firefox.openYouTube('/watch?v=OCS45iy5v1M');
    await until(() => panelTitle(youtube), 'How to Migrate a MySQL Database to Vitess');
    // A real click (the panel ignores clicks a page's script makes up), through the panel's shadow root.
    await youtube.click('pierce/.favourite-button');
    const popup = await popupPage();
    await until(() => favouritesTab(popup), 'Favourites 1');
    await popup.click('#tab-favourites');
    await until(() => resultTitles(popup), ['How to Migrate a MySQL Database to Vitess']);
    // Unstarred in the popup: the panel's star follows at once.
    await popup.click('.results-stars [aria-pressed="true"]');
    await until(
      () =>
        youtube.evaluate(
          () =>
            document
              .querySelector('talkmark-panel')
              ?.shadowRoot?.querySelector('.favourite-button')
              ?.getAttribute('aria-pressed') ?? null,
        ),
      'false',
    );
    await popup.close();
    await youtube.close();
  });

  it('shows the panel on the mobile site, between the video’s details and the related videos', async () => {
    // What Firefox for Android shows: m.youtube.com, its own markup and navigation events.
    const youtube = await firefox.openYouTube('/watch?v=OCS45iy5v1M', 'm.youtube.com');
    await setPhoneViewport(youtube, 390, 844);
    await until(() => panelTitle(youtube), 'How to Migrate a MySQL Database to Vitess');
    const order = () =>
      youtube.evaluate(() =>
        [...document.querySelectorAll('ytm-single-column-watch-next-results-renderer > *')].map((element) =>
          element.tagName === 'TALKMARK-PANEL' ? 'panel' : (element.getAttribute('section-identifier') ?? 'metadata'),
        ),
      );
    await until(order, ['metadata', 'panel', 'related-items']);
    await youtube.evaluate(() =>
      (window as unknown as { fixture: { navigate(...args: unknown[]): void } }).fixture.navigate(
        '-Hz6LFJu1cY',
        'Geo-partitioning with Vitess',
        30,
      ),
    );
    await until(() => panelTitle(youtube), 'Geo-partitioning with Vitess');
    await youtube.close();
  });

  it('follows playback: how far the talk played is kept, and the panel offers to resume there', async () => {
    const youtube = await firefox.openYouTube('/watch?v=-Hz6LFJu1cY');
    await until(() => panelTitle(youtube), 'Geo-partitioning with Vitess');
    // A real, playable file: two minutes of silence as a WAV, made in the page (a blob plays and seeks offline).
    await youtube.evaluate(playSilenceInPlayer, [120, 45] as const);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await youtube.evaluate(() => (document.querySelector('#movie_player video') as HTMLVideoElement).pause());
    const options = await firefox.openExtensionPage('options.html');
    const saved = () =>
      options.evaluate(async () => {
        const { browser } = globalThis as unknown as {
          browser: { runtime: { sendMessage(m: object): Promise<{ value: Record<string, { position: number }> }> } };
        };
        return Math.round(
          (await browser.runtime.sendMessage({ type: 'progress/list' })).value['geo-partitioning-with-vitess']
            ?.position ?? -1,
        );
      });
    await until(saved, 45);
    const resume = () =>
      youtube.evaluate(
        () =>
          document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.watch-row .seek')?.textContent ?? null,
      );
    await until(resume, 'Resume at 0:45');
    await options.close();
    await youtube.close();
  });

  it('shows nothing on an unrelated video', async () => {
    const youtube = await firefox.openYouTube('/watch?v=unrelated01');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await youtube.evaluate(() => document.querySelectorAll('talkmark-panel').length)).toBe(0);
    await youtube.close();
  });

  it('follows YouTube’s in-page navigation to another talk, and off the catalogue', async () => {
    const youtube = await firefox.openYouTube('/watch?v=OCS45iy5v1M');
    await until(() => panelTitle(youtube), 'How to Migrate a MySQL Database to Vitess');
    const navigate = (id: string) =>
      youtube.evaluate(
        (videoId, title) =>
          (window as unknown as { fixture: { navigate(...args: unknown[]): void } }).fixture.navigate(
            videoId,
            title,
            30,
          ),
        id,
        VIDEOS[id as keyof typeof VIDEOS],
      );
    await navigate('-Hz6LFJu1cY');
    await until(() => panelTitle(youtube), 'Geo-partitioning with Vitess');
    await navigate('unrelated01');
    await until(() => youtube.evaluate(() => document.querySelectorAll('talkmark-panel').length), 0);
    await youtube.close();
  });

  it('the options switch takes the panel off open YouTube tabs at once, and brings it back', async () => {
    const youtube = await firefox.openYouTube('/watch?v=OCS45iy5v1M');
    await until(() => panelTitle(youtube), 'How to Migrate a MySQL Database to Vitess');
    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('.switch input');
    await options.click('.switch input');
    await until(() => youtube.evaluate(() => document.querySelectorAll('talkmark-panel').length), 0);
    await options.click('.switch input');
    await until(() => panelTitle(youtube), 'How to Migrate a MySQL Database to Vitess');
    await options.close();
    await youtube.close();
  });

  it('imports a conference schedule on the options page, and the popup searches it', async () => {
    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('tbody th');
    const input = await options.$('input[type="file"][aria-label="Schedule file to import"]');
    await input?.uploadFile(SCHEDULE);
    await until(
      () => options.$eval('.catalogues .notice', (notice) => notice.textContent).catch(() => null),
      'Imported “TinyConf 2024”: 3 talks. 1 event without a title was left out. 1 event that repeats an earlier event’s id was left out.',
      20_000,
    );
    expect(await texts(options, 'tbody th')).toContain('TinyConf 2024');
    // The import ran in a worker: Firefox gave it one, and the page stayed the options page.
    expect(await options.evaluate(() => location.href)).toBe(`${FIREFOX_BASE}/options.html`);
    await goTo(options, 'popup.html');
    await options.waitForSelector('[role="listbox"] [role="option"]');
    await search(options, 'shardng mysql');
    await until(async () => (await resultTitles(options))[0], 'Sharding MySQL with Vitess');
    await options.close();
  });

  it('shows a large conference’s related talks, and the talks a title names (the stored-index path)', async () => {
    // Past 2,000 imported talks, panels come from the stored indexes rather than every talk.
    const speakers = ['Quinn Largeconf', 'Robin Bigtalk', 'Sasha Manytalks'];
    const words = ['tablet', 'balancing', 'resharding', 'keyspace', 'failover', 'backups', 'gateways', 'routing'];
    const talks: RealTalk[] = Array.from({ length: 2_500 }, (_, n) => ({
      id: `big-${n}`,
      title: n === 0 ? VIDEOS.BigConfVid1 : `${words[n % 8]} ${words[(n * 3) % 8]} talk ${n}`,
      speakers: [n % 50 === 0 ? (speakers[0] as string) : `Person ${n % 400} Bigconf`],
      event: 'Large Conf',
      topics: [words[n % 5] as string],
      ...(n === 0 ? { youtubeId: 'BigConfVid1' } : {}),
    }));
    const file = join(mkdtempSync(join(tmpdir(), 'talkmark-ff-')), 'schedule.json');
    writeFileSync(file, asFrabScheduleJson(talks, 'largeconf'));
    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('tbody th');
    await (await options.$('input[type="file"][aria-label="Schedule file to import"]'))?.uploadFile(file);
    await until(
      () => options.$eval('.catalogues .notice', (notice) => notice.textContent).catch(() => null),
      'Imported “Real talks (2500)”: 2,500 talks.',
      60_000,
    );
    await options.close();

    const related = (page: Page) => texts(page, 'pierce/.related li');
    const youtube = await firefox.openYouTube('/watch?v=BigConfVid1');
    await until(() => panelTitle(youtube), 'Tablet balancing at scale');
    await until(async () => (await related(youtube)).length, 5, 20_000);
    // Quinn gave talks 0, 50, 100…: the same speaker ranks first, and says so.
    expect((await related(youtube))[0]).toContain('Also by Quinn Largeconf');
    await youtube.close();

    const about = await firefox.openYouTube('/watch?v=AboutBigCon');
    await until(async () => (await related(about)).length, 5, 20_000);
    expect((await related(about)).every((item) => item.includes('Quinn Largeconf speaks'))).toBe(true);
    await about.close();
  });

  it('leaves no error in the extension’s pages', async () => {
    const errors: string[] = [];
    const popup = await popupPage();
    popup.on('pageerror', (error) => errors.push(String(error)));
    popup.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await search(popup, 'vitess');
    await until(async () => (await resultTitles(popup)).length > 0, true);
    await goTo(popup, 'options.html');
    await popup.waitForSelector('tbody th');
    expect(errors).toEqual([]);
    await popup.close();
  });

  it('merges stars that arrive through sync storage, and writes its own there', async () => {
    // Another browser's star, as Firefox Sync delivers it: an item written into this profile's sync storage.
    const talkId = 'aks-to-gke-in-an-hour';
    const remote: Mark = {
      kind: STAR,
      talkId,
      on: true,
      stamp: { wall: Date.now(), count: 0, node: 'otherdevice' },
      snapshot: { title: 'From another browser' },
    };
    const key = shardKey(shardOf(markKey(remote)));
    const value = await encodeMarks([remote], () => true);
    // (Evaluated in the page: it can use nothing from here but its argument.)
    await firefox.home.evaluate(
      (item) =>
        (
          globalThis as unknown as { browser: { storage: { sync: { set(items: object): Promise<void> } } } }
        ).browser.storage.sync.set(item),
      { [key]: value },
    );
    const popup = await popupPage();
    await popup.click('#tab-favourites');
    await until(
      async () =>
        (await resultTitles(popup)).includes(
          'Gone in 60 Minutes: Migrating 20 TB from AKS to GKE in an Hour with Vitess',
        ),
      true,
    );

    // And a star given here goes into sync storage, for the person's other browsers.
    await popup.click('#tab-talks');
    await search(popup, 'geo partitioning');
    await until(async () => (await resultTitles(popup))[0], 'Geo-partitioning with Vitess');
    await popup.keyboard.down('Control');
    await popup.keyboard.press('s');
    await popup.keyboard.up('Control');
    const synced = async () => {
      const items = (await firefox.home.evaluate(() =>
        (
          globalThis as unknown as {
            browser: { storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } } };
          }
        ).browser.storage.sync.get(null),
      )) as Record<string, unknown>;
      const marks = await Promise.all(
        Object.entries(items)
          .filter(([name]) => name.startsWith(SYNC_PREFIX) && name !== META_KEY)
          .map(async ([, item]) => {
            const decoded = await decodeMarks(item);
            return decoded.ok ? decoded.marks : [];
          }),
      );
      return marks
        .flat()
        .filter((mark) => mark.on)
        .map((mark) => mark.talkId)
        .sort();
    };
    await until(synced, ['aks-to-gke-in-an-hour', 'geo-partitioning-with-vitess'], 15_000);
    await popup.close();
  });
});
