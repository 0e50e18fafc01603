import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension, stopServiceWorkers } from './harness';
import { silentWav } from './media';

// Watch progress on the YouTube fixture with a real, playable media file (./media), served in byte ranges.

const KEYNOTE = { videoId: 'two3TzF9mVY', talkId: 'vitess-keynote', start: 105 };
const MIGRATE = { videoId: 'OCS45iy5v1M', talkId: 'migrate-mysql-to-vitess' };
const GEO = { videoId: '-Hz6LFJu1cY', talkId: 'geo-partitioning-with-vitess' };
const SLACK = { videoId: 'aTItjMJE17c', talkId: 'slack-database-service' };
const MEDIA = 'https://www.youtube.com/talkmark-test/silence.wav';

let browser: LaunchedExtension;
beforeAll(async () => {
  browser = await launchExtension({
    videos: {
      [KEYNOTE.videoId]: 'Keynote',
      [MIGRATE.videoId]: 'Migrate',
      [GEO.videoId]: 'Geo',
      [SLACK.videoId]: 'Slack',
    },
  });
  const wav = silentWav(240);
  // Served in ranges, as a media server does: without them the player cannot seek.
  await browser.context.route(`${MEDIA}*`, (route) => {
    const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers().range ?? '');
    if (!range)
      return route.fulfill({ status: 200, contentType: 'audio/wav', body: wav, headers: { 'Accept-Ranges': 'bytes' } });
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), wav.length - 1) : wav.length - 1;
    return route.fulfill({
      status: 206,
      contentType: 'audio/wav',
      body: wav.subarray(start, end + 1),
      headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${start}-${end}/${wav.length}` },
    });
  });
});
afterAll(() => browser?.close());

const panel = (page: Page) => page.locator('talkmark-panel');

/** A watch page whose player plays the media, from `at` seconds, muted (an ad showing from the start, if said). */
async function watchPlaying(videoId: string, at: number, ad = false, site = 'www.youtube.com'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://${site}/watch?v=${videoId}`);
  await panel(page).locator('.current .title').waitFor();
  if (ad) await page.evaluate(() => document.querySelector('#movie_player')?.classList.add('ad-showing'));
  await page.evaluate(
    async ([src, from]) => {
      const video = document.querySelector('#movie_player video') as HTMLVideoElement;
      video.muted = true;
      video.src = src as string;
      await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }));
      video.currentTime = from as number;
      await video.play();
    },
    [MEDIA, at] as const,
  );
  return page;
}

const pause = (page: Page) =>
  page.evaluate(() => (document.querySelector('#movie_player video') as HTMLVideoElement).pause());
const seek = (page: Page, to: number) =>
  page.evaluate((seconds) => {
    (document.querySelector('#movie_player video') as HTMLVideoElement).currentTime = seconds;
  }, to);
const playerTime = (page: Page) =>
  page.evaluate(() => (document.querySelector('#movie_player video') as HTMLVideoElement).currentTime);

/** Every talk's watch state, as the background keeps it. */
async function progress(): Promise<Record<string, { position: number; duration: number; watched: boolean }>> {
  const page = await browser.openExtensionPage('options.html');
  const answer = await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ value: never }> } } }
    ).chrome.runtime.sendMessage({ type: 'progress/list' }),
  );
  await page.close();
  return answer.value;
}

describe('watch progress', () => {
  it('saves how far a talk inside a longer video played, within its own span, and offers to resume there', async () => {
    const page = await watchPlaying(KEYNOTE.videoId, KEYNOTE.start + 40);
    await page.waitForTimeout(500);
    await pause(page);
    await expect
      .poll(async () => Math.round((await progress())[KEYNOTE.talkId]?.position ?? -1))
      .toBeGreaterThanOrEqual(40);
    const saved = (await progress())[KEYNOTE.talkId];
    expect(saved?.position).toBeLessThan(43);
    // The talk is the keynote's part from 1:45: its length is the video's less 105 s.
    expect(saved?.duration).toBe(240 - KEYNOTE.start);
    const resume = panel(page).getByRole('button', { name: /^Resume at 0:4\d$/ });
    await expect.poll(() => resume.count()).toBe(1);
    await seek(page, 0);
    await resume.click();
    expect(Math.round(await playerTime(page))).toBe(KEYNOTE.start + Math.floor(saved?.position ?? 0));
    await page.close();

    // The popup shows the talk as started, says so to a screen reader, and Enter opens it where it was left.
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByLabel('Search talks').fill('keynote vitess');
    const first = popup.getByRole('listbox').getByRole('option').first();
    await expect.poll(() => first.textContent()).toMatch(/Started, left at 0:4\d\./);
    expect(await first.locator('.progress-done').count()).toBe(1);
    await popup.getByLabel('Search talks').press('Enter');
    const at = KEYNOTE.start + Math.floor(saved?.position ?? 0);
    await expect
      .poll(() => browser.openedUrls())
      .toContain(`https://www.youtube.com/watch?v=${KEYNOTE.videoId}&t=${at}`);
    // Ctrl+D marks the highlighted talk watched, and says so; again, not watched.
    await popup.getByLabel('Search talks').press('Control+d');
    await expect.poll(async () => (await progress())[KEYNOTE.talkId]?.watched).toBe(true);
    await expect
      .poll(() => popup.locator('p.visually-hidden[role="status"]:not([aria-live])').textContent())
      .toMatch(/^Marked “.*” as watched\.$/);
    await expect.poll(() => first.textContent()).toMatch(/ Watched\./);
    await popup.getByLabel('Search talks').press('Control+d');
    await expect.poll(async () => (await progress())[KEYNOTE.talkId]?.watched).toBe(false);
    await popup.close();
  });

  it('follows the talk on the mobile site too, as Firefox for Android shows it', async () => {
    const page = await watchPlaying(GEO.videoId, 30, false, 'm.youtube.com');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await pause(page);
    await expect.poll(async () => Math.round((await progress())[GEO.talkId]?.position ?? -1)).toBe(30);
    await expect
      .poll(() =>
        panel(page)
          .getByRole('button', { name: /^Resume at 0:3\d$/ })
          .count(),
      )
      .toBe(1);
    await page.close();
  });

  it('never counts time under an ad, nor one video’s time toward another talk', async () => {
    // An ad plays in the same <video>: the player says so, and nothing is counted.
    const page = await watchPlaying(MIGRATE.videoId, 30, true);
    await page.waitForTimeout(300);
    await pause(page);
    await page.waitForTimeout(500);
    expect((await progress())[MIGRATE.talkId]).toBeUndefined();
    await page.evaluate(() => document.querySelector('#movie_player')?.classList.remove('ad-showing'));
    await seek(page, 50);
    await expect.poll(async () => Math.round((await progress())[MIGRATE.talkId]?.position ?? -1)).toBe(50);
    // YouTube moves on to another video in the page: the first talk keeps where it was left.
    await page.evaluate(
      (id) =>
        (window as unknown as { fixture: { navigate(id: string, title: string): void } }).fixture.navigate(id, 'Geo'),
      GEO.videoId,
    );
    await expect.poll(() => panel(page).locator('.current .title').textContent()).toBe('Geo-partitioning with Vitess');
    await seek(page, 80);
    await expect.poll(async () => Math.round((await progress())[GEO.talkId]?.position ?? -1)).toBe(80);
    expect(Math.round((await progress())[MIGRATE.talkId]?.position ?? -1)).toBe(50);
    await page.close();
  });

  it('marks a talk watched at 90 %, and by hand, even after the worker was stopped between two saves', async () => {
    const page = await watchPlaying(GEO.videoId, 20);
    await pause(page);
    await expect.poll(async () => Math.round((await progress())[GEO.talkId]?.position ?? -1)).toBe(20);
    await stopServiceWorkers(browser.context, page);
    await seek(page, 230);
    await expect.poll(async () => (await progress())[GEO.talkId]?.watched, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => panel(page).locator('.watched').textContent()).toBe('Watched');
    await panel(page).getByRole('button', { name: 'Mark as unwatched' }).click();
    await expect.poll(async () => (await progress())[GEO.talkId]?.watched).toBe(false);
    // Marked by hand, playing on does not mark it watched again.
    await seek(page, 235);
    await page.waitForTimeout(500);
    expect((await progress())[GEO.talkId]?.watched).toBe(false);
    await panel(page).getByRole('button', { name: 'Mark as watched' }).click();
    await expect.poll(async () => (await progress())[GEO.talkId]?.watched).toBe(true);
    await page.close();

    // The popup's Hide watched filter leaves it out, inside the search: the count is of the talks left.
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByLabel('Search talks').fill('vitess');
    await expect.poll(() => popup.locator('.status').textContent()).toMatch(/^9 talks match/);
    const titles = () => popup.getByRole('listbox').locator('.result-title').allTextContents();
    expect(await titles()).toContain('Geo-partitioning with Vitess');
    await popup.getByLabel('Hide watched').check();
    await expect.poll(() => popup.locator('.status').textContent()).toMatch(/^8 talks match/);
    expect(await titles()).not.toContain('Geo-partitioning with Vitess');
    await popup.getByLabel('Hide watched').uncheck();

    // Starred, it is marked watched in the Favourites list, and Play all can leave it out.
    await popup.getByRole('button', { name: 'Favourite: Geo-partitioning with Vitess' }).click();
    await popup.getByRole('tab', { name: /Favourites/ }).click();
    const geo = popup.getByRole('listbox').getByRole('option').first();
    await expect.poll(() => geo.textContent()).toMatch(/ Watched\./);
    const playAll = popup.locator('.favourites-tools a.button');
    await expect.poll(() => playAll.textContent()).toBe('▶ Play the video');
    await popup.getByLabel('Leave out watched talks').check();
    await expect.poll(() => playAll.textContent()).toBe('▶ Play all 0 videos');
    await popup.getByRole('button', { name: 'Favourite: Geo-partitioning with Vitess' }).click();
    await popup.close();
  });

  it('lists the talks started and not finished in Continue watching, the most recent first', async () => {
    // Left so far: Migrate at 0:50, then the keynote (marked unwatched by hand) at 0:40 before it; Geo is watched.
    const popup = await browser.openExtensionPage('popup.html');
    const tab = popup.getByRole('tab', { name: /Continue/ });
    await expect.poll(() => tab.textContent()).toBe('Continue 2');
    // The arrows move between the tabs, as in any tab list.
    await popup.getByRole('tab', { name: /Talks/ }).focus();
    await popup.keyboard.press('ArrowLeft');
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('tab-continue');
    const titles = () => popup.getByRole('listbox').locator('.result-title').allTextContents();
    await expect
      .poll(titles)
      .toEqual([
        'How to Migrate a MySQL Database to Vitess',
        'If you are moving to Kubernetes, don’t leave your data behind.',
      ]);
    expect(await popup.locator('.status').textContent()).toBe('You have 2 talks to continue.');
    // Searching inside the view, and Enter opening the first where it was left.
    await popup.getByLabel('Search talks').fill('kubernetes');
    await expect.poll(titles).toEqual(['If you are moving to Kubernetes, don’t leave your data behind.']);
    await popup.getByLabel('Search talks').fill('');
    await expect.poll(() => titles().then((list) => list.length)).toBe(2);
    await popup.getByLabel('Search talks').press('Enter');
    await expect.poll(() => browser.openedUrls()).toContain(`https://www.youtube.com/watch?v=${MIGRATE.videoId}&t=50`);
    // Marked watched (Ctrl+D), it leaves the view at once.
    await popup.getByLabel('Search talks').press('Control+d');
    await expect.poll(titles).toEqual(['If you are moving to Kubernetes, don’t leave your data behind.']);
    await expect.poll(() => tab.textContent()).toBe('Continue 1');
    await popup.close();
  });

  it('on a full disk, keeps what was saved and says so once, not at every save', async () => {
    const page = await watchPlaying(SLACK.videoId, 30);
    await pause(page);
    await expect.poll(async () => Math.round((await progress())[SLACK.talkId]?.position ?? -1)).toBe(30);
    // The disk fills: every write to the marks store fails as a full disk's does.
    const worker = browser.context.serviceWorkers()[0];
    await worker?.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if (this.name === 'marks') throw new DOMException('The disk is full.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const alert = panel(page).locator('.error[role="alert"]');
    const said: string[] = [];
    await page.exposeFunction('talkmarkSaid', (text: string) => said.push(text));
    await page.evaluate(() => {
      const node = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.error');
      if (node)
        new MutationObserver(() =>
          (window as unknown as { talkmarkSaid(t: string): void }).talkmarkSaid(node.textContent ?? ''),
        ).observe(node, {
          childList: true,
          characterData: true,
          subtree: true,
        });
    });
    for (const to of [60, 90, 120]) {
      await seek(page, to);
      await page.waitForTimeout(300);
    }
    await expect
      .poll(() => alert.textContent())
      .toBe(
        'How far you watched could not be saved: the browser’s storage for Talkmark is full. What was saved before is safe; free some disk space and it saves again.',
      );
    // Three failed saves, one sentence, said once.
    expect(said.filter(Boolean)).toHaveLength(1);
    expect(Math.round((await progress())[SLACK.talkId]?.position ?? -1)).toBe(30);
    await page.close();
    // The worker starts afresh, with a disk that works again.
    await stopServiceWorkers(browser.context, await browser.openExtensionPage('options.html'));
  });

  it('leaks no listeners or observers over 200 in-page navigations during playback', async () => {
    const page = await watchPlaying(MIGRATE.videoId, 60);
    const cdp = await browser.context.newCDPSession(page);
    const contexts: Array<{ id: number; origin: string }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable'); // reports the contexts that exist already
    // The content script's world (the extension's origin), not the page's nor Playwright's.
    const extensionWorld = () => contexts.filter((c) => c.origin.startsWith('chrome-extension://')).at(-1)?.id;
    expect(extensionWorld()).toBeDefined();
    /** Listeners on the video, the document and the window, and the content script's observers. */
    const census = async () => {
      const listeners: Record<string, number> = {};
      for (const target of ["document.querySelector('#movie_player video')", 'document', 'window']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression: target, contextId: extensionWorld() });
        const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', {
          objectId: result.objectId as string,
        });
        listeners[target] = found.length;
      }
      const { result: prototype } = await cdp.send('Runtime.evaluate', {
        expression: 'MutationObserver.prototype',
        contextId: extensionWorld(),
      });
      // Garbage first: what is found after is still held.
      await cdp.send('HeapProfiler.collectGarbage');
      const { objects } = await cdp.send('Runtime.queryObjects', {
        prototypeObjectId: prototype.objectId as string,
        objectGroup: 'census',
      });
      const { result: count } = await cdp.send('Runtime.callFunctionOn', {
        functionDeclaration: 'function () { return this.length; }',
        objectId: objects.objectId as string,
        returnByValue: true,
      });
      // The inspector holds what it was handed until released: the next count must not find these.
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'census' });
      return { ...listeners, observers: count.value as number };
    };
    const route: Array<[string, string]> = [
      [GEO.videoId, 'Geo'],
      ['unrelated01', 'Cooking'],
      [KEYNOTE.videoId, 'Keynote'],
      [MIGRATE.videoId, 'Migrate'],
    ];
    const navigateTimes = async (times: number) => {
      for (let step = 0; step < times; step++) {
        await page.evaluate(
          ([id, title]) =>
            (window as unknown as { fixture: { navigate(id: string, title: string): void } }).fixture.navigate(
              id,
              title,
            ),
          route[step % route.length] as [string, string],
        );
        // Now and then, let the panel catch up; otherwise as fast as a person holding a key down.
        if (step % 10 === 9) await page.waitForTimeout(60);
      }
      // The route ends on Migrate: its panel, and the video followed again.
      await expect
        .poll(() => panel(page).locator('.current .title').textContent())
        .toBe('How to Migrate a MySQL Database to Vitess');
      await page.waitForTimeout(500);
    };
    await navigateTimes(20);
    const before = await census();
    await navigateTimes(200);
    const after = await census();
    expect(after).toEqual(before);
    expect(await page.evaluate(() => !(document.querySelector('#movie_player video') as HTMLVideoElement).paused)).toBe(
      true,
    );
    await cdp.detach();
    await page.close();
  });

  it('forgets it all from the options page, which says what it keeps, and a backup brings it back', async () => {
    const before = await progress();
    expect(Object.keys(before).length).toBeGreaterThan(0);
    const options = await browser.openExtensionPage('options.html');
    // The favourites export carries how far each talk was watched.
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export', exact: true }).click();
    const file = join(tmpdir(), `talkmark-progress-${process.pid}.json`);
    await (await download).saveAs(file);
    await expect
      .poll(() => options.locator('.favourites-tools .notice-success').textContent())
      .toMatch(new RegExp(`It also keeps how far you watched ${Object.keys(before).length} talks\\.$`));
    expect(JSON.parse(readFileSync(file, 'utf8')).progress).toHaveLength(Object.keys(before).length);
    await expect.poll(() => options.getByText(/^Talkmark remembers how far you watched \d+ talks?\.$/).count()).toBe(1);
    await options.getByRole('button', { name: 'Clear watch history' }).click();
    await expect
      .poll(() =>
        options
          .locator('.notice-success')
          .getByText(/^Forgot/)
          .textContent(),
      )
      .toMatch(/^Forgot how far you watched \d+ talks?, here and in your synced browsers\.$/);
    expect(await progress()).toEqual({});
    // Importing the backup asks for it back.
    await options.getByLabel('Favourites file to import').setInputFiles(file);
    await expect
      .poll(() => options.locator('.favourites-tools .notice-success').textContent())
      .toMatch(new RegExp(`Restored how far you watched ${Object.keys(before).length} talks\\.$`));
    const restored = await progress();
    for (const [talkId, state] of Object.entries(before))
      expect(restored[talkId], talkId).toMatchObject({ position: Math.round(state.position), watched: state.watched });
    await options.getByRole('button', { name: 'Clear watch history' }).click();
    await expect.poll(async () => Object.keys(await progress()).length).toBe(0);
    await options.close();
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByRole('tab', { name: /Continue/ }).click();
    await expect.poll(() => popup.locator('.empty-title').textContent()).toBe('Nothing to continue');
    expect(await popup.getByRole('tab', { name: /Continue/ }).textContent()).toBe('Continue 0');
    await popup.close();
  });
});
