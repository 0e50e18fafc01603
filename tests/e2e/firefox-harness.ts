import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { EXTENSION_DIR, type FixtureVideos, youTubeFixture } from './harness';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = join(EXTENSION_DIR, '../firefox-mv3');
const GECKO_ID = 'talkmark@talkmark.dev';
// Fixed, so the tests know the extension's origin (Firefox otherwise picks a random one per profile).
const EXTENSION_UUID = '5c1f3e0a-7d2b-4b8e-9a51-7a1c0d2e9f40';
export const FIREFOX_BASE = `moz-extension://${EXTENSION_UUID}`;

export interface LaunchedFirefox {
  browser: Browser;
  /** The first tab: the popup page, opened by Firefox at start. */
  home: Page;
  /** Opens an extension page such as `options.html` in a new tab, as the extension itself would. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens a YouTube address in a new tab, answered from the local fixture (the mobile one on m.youtube.com). */
  openYouTube(path: string, host?: 'www.youtube.com' | 'm.youtube.com'): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts Debian's Firefox ESR, headless, with the Firefox build installed in a fresh profile, over WebDriver BiDi.
 *
 * Firefox 153's BiDi refuses to navigate a tab to a moz-extension:// address, so the build is installed the way a
 * distribution would (an unsigned XPI in the profile's extensions folder, which ESR allows when signatures are not
 * required) and Firefox opens the popup page at start; later extension pages are opened with `tabs.create` from it.
 */
export async function launchFirefox(
  options: { videos?: FixtureVideos; prefs?: Record<string, string | number | boolean> } = {},
): Promise<LaunchedFirefox> {
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `No Firefox at ${FIREFOX}: install Debian's package (sudo apt-get install -y firefox-esr) or set FIREFOX_PATH. ` +
        'The tests never download a browser.',
    );
  }
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_BUILD}: run \`npm run build\` first (npm test does).`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'talkmark-firefox-'));
  mkdirSync(join(profile, 'extensions'));
  writeFileSync(join(profile, 'extensions', `${GECKO_ID}.xpi`), zipSync(filesOf(FIREFOX_BUILD)));

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: [`${FIREFOX_BASE}/popup.html`],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      // Enable add-ons found in the profile without asking.
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Manifest V3 host access is opt-in in Firefox; a test user has granted it (the tests check it).
      'extensions.originControls.grantByDefault': true,
      // Nothing of Firefox's own reaches for the network.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.allow_hijacking_localhost': true,
      ...options.prefs,
    },
  });
  const home = await waitForPage(browser, (url) => url.startsWith(`${FIREFOX_BASE}/popup.html`));
  const videos = options.videos ?? {};

  return {
    browser,
    home,
    async openExtensionPage(path) {
      const url = `${FIREFOX_BASE}/${path}`;
      const before = new Set(await browser.pages());
      const opened = waitForPage(browser, (address) => address === url, before);
      await home.evaluate((address) => {
        const { browser } = globalThis as unknown as { browser: { tabs: { create(o: object): Promise<unknown> } } };
        return browser.tabs.create({ url: address }).then(() => undefined);
      }, url);
      return opened;
    },
    async openYouTube(path, host = 'www.youtube.com') {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = request.url();
        if (!/^https:\/\/(www|m)\.youtube\.com\//.test(url)) return void request.abort('blockedbyclient');
        const { status, body } = youTubeFixture(url, videos);
        void request.respond({ status, contentType: 'text/html; charset=utf-8', body });
      });
      await page.goto(`https://${host}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Gives the page a phone's viewport. Puppeteer sets it with BiDi's emulation.setScreenOrientationOverride, which
 * Firefox ESR 140 does not know: there the command is skipped, with the reason said, and the page keeps the
 * window's size. Any other failure fails the test.
 */
export async function setPhoneViewport(page: Page, width: number, height: number): Promise<boolean> {
  try {
    await page.setViewport({ width, height });
    return true;
  } catch (error) {
    if (!/unknown command|setScreenOrientationOverride/i.test(String(error))) throw error;
    console.info(`This Firefox cannot emulate a phone's viewport (${String(error)}); the window's size is kept.`);
    return false;
  }
}

/** Navigates an extension page to another page of the extension (same origin, so Firefox allows it). */
export async function goTo(page: Page, path: string): Promise<void> {
  await page.evaluate((address) => {
    location.href = address;
  }, `${FIREFOX_BASE}/${path}`);
  // Polled with plain evaluations: waitForFunction builds its check with Function(), which an extension page's
  // content security policy blocks in Firefox ESR 140 ("call to Function() blocked by CSP").
  const address = `${FIREFOX_BASE}/${path}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const arrived = await page
      .evaluate((wanted) => location.href === wanted && document.readyState === 'complete', address)
      .catch(() => false);
    if (arrived) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Firefox did not arrive at ${address}.`);
}

/**
 * The first tab whose address `matches`, not counting the tabs in `except` (those open before it was asked for).
 * Firefox's BiDi does not report navigations to moz-extension:// (a new tab stays "about:blank" to it), so each
 * tab is asked where it is.
 */
async function waitForPage(
  browser: Browser,
  matches: (url: string) => boolean,
  except: ReadonlySet<Page> = new Set(),
): Promise<Page> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (except.has(page)) continue;
      const address = await page
        .evaluate(() => (document.readyState === 'complete' ? location.href : ''))
        .catch(() => '');
      if (matches(address)) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The extension page did not open in Firefox.');
}

function filesOf(dir: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path);
    }
  };
  walk(dir);
  return files;
}
