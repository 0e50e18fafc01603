import type { Page } from 'playwright-core';

// The pages' own extension API, as seen from the tests' evaluated functions.
interface SyncStorage {
  get(keys: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
  getBytesInUse(keys: null): Promise<number>;
}
declare const chrome: {
  storage: { sync: SyncStorage; local: SyncStorage };
  runtime: { sendMessage(message: unknown): Promise<{ ok?: boolean } | undefined> };
};

import { afterEach, describe, expect, it } from 'vitest';
import { bundledCatalogue } from '../../data/events';
import { SYNC_PREFIX } from '../../utils/marks';
import { type LaunchedExtension, launchExtension, storedStarIds } from './harness';

// Two real browser profiles with Talkmark, and the test as the sync engine between them: it copies the marks'
// items of one profile's storage.sync into the other's through an extension page, which is how Chrome delivers
// a remote change (storage.onChanged, area "sync").

const TALKS = bundledCatalogue.talks.map((talk) => ({ id: talk.id, title: talk.title }));
const GEO = 'Geo-partitioning with Vitess';

const launched: LaunchedExtension[] = [];
afterEach(async () => {
  for (const browser of launched.splice(0)) await browser.close();
});

async function device() {
  const browser = await launchExtension();
  launched.push(browser);
  // An extension page kept open to read and write storage.sync, and to send requests as views do.
  const page = await browser.openExtensionPage('options.html');
  // The engine merges a few seconds after the worker starts (so as not to slow the request that woke it).
  await expect
    .poll(
      () =>
        page.evaluate(
          async () =>
            ((await chrome.storage.local.get('sync-status'))['sync-status'] as { lastMerged?: number } | undefined)
              ?.lastMerged !== undefined,
        ),
      {
        timeout: 10_000,
      },
    )
    .toBe(true);
  return { browser, page };
}
type Device = Awaited<ReturnType<typeof device>>;

const syncItems = (page: Page) =>
  page.evaluate(async (prefix) => {
    const all = await chrome.storage.sync.get(null);
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(prefix)));
  }, SYNC_PREFIX);

/** Chrome Sync's part: `from`'s items arrive in `to` (only `keys`, if given); items `from` removed go too. */
async function relay(from: Device, to: Device, keys?: (key: string) => boolean) {
  const [theirs, mine] = await Promise.all([syncItems(from.page), syncItems(to.page)]);
  const changed = Object.fromEntries(
    Object.entries(theirs).filter(
      ([key, value]) => (!keys || keys(key)) && JSON.stringify(mine[key]) !== JSON.stringify(value),
    ),
  );
  const gone = keys ? [] : Object.keys(mine).filter((key) => !(key in theirs));
  await to.page.evaluate(
    async ([items, removed]) => {
      if (Object.keys(items).length) await chrome.storage.sync.set(items);
      if (removed.length) await chrome.storage.sync.remove(removed);
    },
    [changed, gone] as const,
  );
}

/** Stars or unstars as a view does (the background applies it, numbered, and syncs it). */
const setStar = (at: Device, talkId: string, starred: boolean) =>
  at.page.evaluate(
    async ([id, on]) => {
      const answer = await chrome.runtime.sendMessage({ type: 'favourites/set', talkId: id, starred: on });
      if (!answer?.ok) throw new Error(JSON.stringify(answer));
    },
    [talkId, starred] as const,
  );

/** The stars as stored in the profile's own database, sorted. */
const storedStars = (at: Device) => storedStarIds(at.page);

/** Relays both ways until both profiles hold the same items (a round or two: a merge may write back). */
async function syncUntilStill(a: Device, b: Device) {
  await a.page.waitForTimeout(2_600); // each engine writes once a burst of changes has paused (2 s)
  for (let round = 0; round < 6; round++) {
    await relay(a, b);
    await a.page.waitForTimeout(600); // a merge that finds the area behind writes back within 200 ms
    await relay(b, a);
    await a.page.waitForTimeout(600);
    if (JSON.stringify(await syncItems(a.page)) === JSON.stringify(await syncItems(b.page))) return;
  }
  throw new Error('The two profiles did not settle on the same synced items.');
}

describe('stars that follow a person between browsers', () => {
  it('a star in one browser appears in the other’s popup, with its title', async () => {
    const a = await device();
    const b = await device();
    const popupA = await a.browser.openExtensionPage('popup.html');
    await popupA.getByRole('button', { name: `Favourite: ${GEO}` }).click();
    await a.page.waitForTimeout(2_600);
    await relay(a, b);
    const popupB = await b.browser.openExtensionPage('popup.html');
    await popupB.getByRole('tab', { name: /Favourites/ }).click();
    await expect.poll(() => popupB.getByRole('tab', { name: /Favourites/ }).textContent()).toBe('Favourites 1');
    expect(await popupB.getByRole('listbox').getByRole('option').locator('.result-title').allTextContents()).toEqual([
      GEO,
    ]);
  });

  it('how far a talk was watched follows too: started in one browser, continued and finished in the other', async () => {
    const a = await device();
    const b = await device();
    const geo = TALKS.find((talk) => talk.title === GEO)?.id as string;
    const ask = (at: Device, message: object) =>
      at.page.evaluate(async (request) => {
        const answer = (await chrome.runtime.sendMessage(request)) as { ok?: boolean; value?: unknown };
        if (!answer?.ok) throw new Error(JSON.stringify(answer));
        return answer.value as Record<string, { position: number; watched: boolean }>;
      }, message);
    await ask(a, { type: 'progress/save', talkId: geo, position: 300, duration: 1_000 });
    await syncUntilStill(a, b);
    const popupB = await b.browser.openExtensionPage('popup.html');
    await popupB.getByRole('tab', { name: /Continue/ }).click();
    await expect.poll(() => popupB.getByRole('listbox').locator('.result-title').allTextContents()).toEqual([GEO]);
    await ask(b, { type: 'progress/mark', talkId: geo, watched: true });
    await syncUntilStill(a, b);
    expect((await ask(a, { type: 'progress/list' }))[geo]).toMatchObject({ position: 300, watched: true });
  });

  it('converges when one removes a star while the other, not yet synced, stars another', async () => {
    const a = await device();
    const b = await device();
    const [first, second] = TALKS;
    await setStar(a, first!.id, true);
    await syncUntilStill(a, b);
    expect(await storedStars(b)).toEqual([first!.id]);
    await setStar(b, first!.id, false);
    await setStar(a, second!.id, true);
    await syncUntilStill(a, b);
    expect(await storedStars(a)).toEqual([second!.id]);
    expect(await storedStars(b)).toEqual([second!.id]);
  });

  it('300 racing stars across both browsers end the same in both, as each talk was last toggled', async () => {
    const a = await device();
    const b = await device();
    const last = new Map<string, boolean>();
    let seed = 7;
    const random = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (let n = 0; n < 300; n++) {
      const talk = TALKS[Math.floor(random() * TALKS.length)]!;
      const on = random() < 0.6;
      await setStar(n % 2 ? a : b, talk.id, on);
      last.set(talk.id, on);
      if (n % 50 === 49) {
        await relay(a, b);
        await relay(b, a);
      }
    }
    await syncUntilStill(a, b);
    const expected = [...last]
      .filter(([, on]) => on)
      .map(([id]) => id)
      .sort();
    expect(await storedStars(a)).toEqual(expected);
    expect(await storedStars(b)).toEqual(expected);
  });

  it('recovers when the relay keeps only one side’s version of an item both wrote', async () => {
    const a = await device();
    const b = await device();
    const talk = TALKS[2]!.id;
    await setStar(a, talk, true);
    await syncUntilStill(a, b);
    // Both change the same star before either hears of the other: a removes it, then b, later, stars it again.
    await setStar(a, talk, false);
    await b.page.waitForTimeout(20);
    await setStar(b, talk, false);
    await setStar(b, talk, true);
    await a.page.waitForTimeout(2_600);
    // Chrome keeps a's version of the item (b's is overwritten), as it may when two devices write one item.
    await relay(a, b, (key) => key.includes(':m'));
    await syncUntilStill(a, b);
    // b's change was the later one: it wins in both.
    expect(await storedStars(a)).toEqual([talk]);
    expect(await storedStars(b)).toEqual([talk]);
  });

  it('a fresh profile joins and blanks nothing', async () => {
    const a = await device();
    await setStar(a, TALKS[0]!.id, true);
    await setStar(a, TALKS[1]!.id, true);
    await a.page.waitForTimeout(2_600);
    const fresh = await device();
    await relay(a, fresh);
    await syncUntilStill(a, fresh);
    expect(await storedStars(fresh)).toEqual([TALKS[0]!.id, TALKS[1]!.id].sort());
    expect(await storedStars(a)).toEqual([TALKS[0]!.id, TALKS[1]!.id].sort());
  });

  it('hits the quota and the write-rate limit for real: every star stays, and the options page says so', async () => {
    const a = await device();
    // Sync storage full to its last few bytes: the next write of the marks is refused by Chrome itself.
    await a.page.evaluate(async () => {
      const filler: Record<string, string> = {};
      for (let n = 0; n < 12; n++) filler[`other-${n}`] = 'x'.repeat(8_000);
      const used = 12 * (7 + 8_002) + (await chrome.storage.sync.getBytesInUse(null));
      filler.last = 'x'.repeat(102_400 - used - 4 - 2 - 10);
      await chrome.storage.sync.set(filler);
    });
    await setStar(a, TALKS[0]!.id, true);
    await expect
      .poll(() => a.page.locator('.notice-error').allTextContents(), { timeout: 10_000 })
      .toContain('Sync storage is full. Your stars are safe in this browser, and sync catches up when there is room.');
    expect(await storedStars(a)).toEqual([TALKS[0]!.id]);

    // Room again, but the minute's writes used up: Chrome refuses the 121st write within a minute.
    await a.page.evaluate(async () => {
      await chrome.storage.sync.clear();
      for (let n = 0; n < 125; n++) await chrome.storage.sync.set({ [`burst-${n % 5}`]: n }).catch(() => {});
    });
    await setStar(a, TALKS[1]!.id, true);
    await expect
      .poll(() => a.page.locator('.notice-error').allTextContents(), { timeout: 10_000 })
      .toContain(
        'Too many changes at once for the browser’s sync. Your stars are safe in this browser, and sync catches up in a minute.',
      );
    expect(await storedStars(a)).toEqual([TALKS[0]!.id, TALKS[1]!.id].sort());
  });
});
