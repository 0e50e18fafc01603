import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

// Lets request routing and request events see the service worker's requests too, so the no-network test
// covers the background as well as pages.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const ROOT = new URL('../../', import.meta.url).pathname;
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Root in a sandbox, no GPU, and none of Chromium's own background traffic (this machine has no network).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const WATCH_FIXTURE = readFileSync(new URL('./fixtures/youtube-watch.html', import.meta.url), 'utf8');
const MOBILE_WATCH_FIXTURE = readFileSync(new URL('./fixtures/youtube-mobile-watch.html', import.meta.url), 'utf8');

/** Titles the fixture shows for videos that are not in the catalogue (the catalogue's own come from the caller). */
export interface FixtureVideos {
  [videoId: string]: string;
}

export interface LaunchedExtension {
  context: BrowserContext;
  /** The extension's service worker, for looking at what the extension did (e.g. the tabs it opened). */
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  /** Opens an extension page such as `popup.html` in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens the real toolbar popup (sized by the browser, not a tab) and returns its page. */
  openToolbarPopup(): Promise<Page>;
  /** Every request that left the browser's pages or the service worker for anything but the extension itself. */
  requests: string[];
  /** The address of every open tab. */
  openedUrls(): Promise<string[]>;
  /** Closes the browser; the profile is kept only when the caller passed its own. */
  close(): Promise<void>;
}

function preconditions(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install Debian's package (sudo apt-get install -y chromium) ` +
        'or point CHROMIUM_PATH at a Chromium binary. The tests never download a browser.',
    );
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first (npm test does).`);
  }
}

/**
 * Starts headless Chromium with the built extension loaded and YouTube served from local fixtures.
 * Nothing reaches the network: requests to anything but YouTube fixtures are refused.
 */
export async function launchExtension(
  options: {
    userDataDir?: string;
    videos?: FixtureVideos;
    colorScheme?: 'light' | 'dark';
    /** Another build of the extension (the benchmark loads a copy with a blank page added). */
    extensionDir?: string;
  } = {},
): Promise<LaunchedExtension> {
  preconditions();
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'talkmark-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    // A debugging port too (chosen by Chromium, written to the profile): the toolbar popup is reachable only so.
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--remote-debugging-port=0',
      ...CHROMIUM_ARGS,
    ],
  });
  await routeYouTube(context, options.videos ?? {});
  const requests: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith('chrome-extension://')) requests.push(request.url());
  });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    worker,
    extensionId,
    requests,
    userDataDir,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async openToolbarPopup() {
      // The action's popup opens over the focused window's active tab, as a click on the toolbar button would.
      const tab = await context.newPage();
      await tab.goto('about:blank');
      await worker.evaluate(() =>
        (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup(),
      );
      const port = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      const connection = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      for (let attempt = 0; attempt < 50; attempt++) {
        const pages = connection
          .contexts()
          .flatMap((each) => each.pages())
          .filter((page) => page.url() === `chrome-extension://${extensionId}/popup.html`);
        // The same page may also be open in tabs; the popup is the one the browser lists as a popup view.
        for (const page of pages) {
          const isPopup = await page.evaluate(() => {
            const { chrome } = globalThis as unknown as {
              chrome: { extension: { getViews(filter: object): Window[] } };
            };
            return chrome.extension.getViews({ type: 'popup' }).includes(window);
          });
          if (isPopup) return page;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('The toolbar popup did not open.');
    },
    async openedUrls() {
      // A tab the extension opens can start loading before request routing reaches it, so its page may show
      // a network error; the tab still records the address it was opened at.
      // Chromium 150 tells an extension without the "tabs" permission no tab's address, not even its own
      // pages' (156 does): the pages the browser driver sees are asked too.
      const fromTabs = await worker.evaluate(async () => {
        const tabs: Array<{ url?: string; pendingUrl?: string }> = await (
          globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<[]> } } }
        ).chrome.tabs.query({});
        return tabs.map((tab) => tab.pendingUrl || tab.url || '');
      });
      return [...fromTabs.filter(Boolean), ...context.pages().map((page) => page.url())];
    },
    async close() {
      await context.close();
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the built extension that speaks `locale` whatever the browser's language: Debian's Chromium ships only
 * its en-US interface, so the copy keeps only that language's messages and makes it the default.
 */
export function extensionInLanguage(locale: string): string {
  const dir = mkdtempSync(join(tmpdir(), `talkmark-${locale}-`));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, default_locale: locale }));
  for (const other of readdirSync(join(dir, '_locales'))) {
    if (other !== locale) rmSync(join(dir, '_locales', other), { recursive: true });
  }
  return dir;
}

/** Stops every service worker, as Chrome does after 30 s idle: the next message wakes the extension afresh. */
export async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Headless Chromium without the extension, YouTube served from the same fixture: a baseline for costs. */
export async function launchPlainBrowser(
  videos: FixtureVideos = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  preconditions();
  const userDataDir = mkdtempSync(join(tmpdir(), 'talkmark-plain-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  await routeYouTube(context, videos);
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function routeYouTube(context: BrowserContext, videos: FixtureVideos): Promise<void> {
  await context.route(/^https?:\/\/(?!www\.youtube\.com|m\.youtube\.com)/, (route) => route.abort('blockedbyclient'));
  await context.route(/^https:\/\/(www|m)\.youtube\.com\//, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', ...youTubeFixture(route.request().url(), videos) }),
  );
}

/**
 * What the local YouTube answers for `address`: the watch fixture titled for its video (the mobile one on
 * m.youtube.com), or an empty 404.
 */
export function youTubeFixture(address: string, videos: FixtureVideos): { status: number; body: string } {
  const url = new URL(address);
  const videoId = url.searchParams.get('v') ?? url.pathname.split('/')[2] ?? '';
  const isPage = url.pathname === '/watch' || url.pathname.startsWith('/live/') || url.pathname === '/';
  if (!isPage) return { status: 404, body: '' };
  const title = videos[videoId] ?? 'Untitled video';
  const fixture = url.hostname === 'm.youtube.com' ? MOBILE_WATCH_FIXTURE : WATCH_FIXTURE;
  const body = fixture.replaceAll('{{videoId}}', escapeHtml(videoId)).replaceAll('{{title}}', escapeHtml(title));
  return { status: 200, body };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The starred talks' ids as the extension's own database holds them, sorted, read through one of its contexts
 * (the service worker, or an extension page): not through any view.
 */
export function storedStarIds(context: Pick<Worker, 'evaluate'> | Pick<Page, 'evaluate'>): Promise<string[]> {
  return (context as Pick<Worker, 'evaluate'>).evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('talkmark');
        request.onsuccess = () => {
          const keys = request.result.transaction('favourites').objectStore('favourites').getAllKeys();
          keys.onsuccess = () => {
            request.result.close();
            resolve(keys.result.map(String).sort());
          };
          keys.onerror = () => reject(keys.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

/**
 * Stores a subscription as the background keeps one after a refresh that changed things, for a catalogue already
 * imported: headless Chromium's permission prompt cannot be answered, so pictures and layout checks of a subscribed
 * row start from here (Firefox's tests subscribe for real).
 */
export async function storeSubscription(browser: LaunchedExtension, catalogueId: string): Promise<void> {
  const at = Date.UTC(2026, 11, 6, 17, 40);
  await browser.worker.evaluate(
    (subscription) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome.storage.local.set({ subscriptions: [subscription] }),
    {
      catalogueId,
      url: 'https://tinyconf.example/2024/schedule.xml',
      site: 'https://tinyconf.example/*',
      etag: '"v2"',
      checkedAt: at + 3_600_000,
      changedAt: at,
      changes: { added: 0, removed: 1, rescheduled: 1, newRecordings: 2, starred: ['Sharding MySQL with Vitess'] },
    },
  );
}
