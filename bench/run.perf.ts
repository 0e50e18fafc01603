import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { it } from 'vitest';
import { bundledCatalogue as catalogue } from '../data/events';
import { gzipKb, gzipKbOfPage } from '../tests/e2e/bundle-size';
import {
  EXTENSION_DIR,
  type LaunchedExtension,
  launchExtension,
  launchPlainBrowser,
  stopServiceWorkers,
} from '../tests/e2e/harness';
import { putProgressRecords } from '../tests/e2e/progress-records';
import { asFrabScheduleJson, loadRealTalks, type RealTalk } from '../tests/real-talks';
import { LABELLED_QUERIES } from '../tests/search-queries';
import { type SearchDocument, searchDocumentFor } from '../utils/search';
import { playbackCost } from './playback-bench';
import { type RealQuery, realQueries } from './real-queries';
import { ENGINES } from './search-engines';
import { subscriptionFigures } from './subscription-bench';
import { syncFigures } from './sync-bench';
import { keystrokes, syntheticCatalogue, syntheticQueries } from './synthetic-catalogue';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
/** Time one engine may spend on one catalogue size; slow engines are measured on the keystrokes they reach. */
const ENGINE_BUDGET_MS = Number(process.env.BENCH_ENGINE_BUDGET_MS ?? 8000);
/** How many talks the popup, panel and cold-start figures are measured with, imported as one schedule. */
const IMPORTED_TALKS = 50_000;
const RESULTS = new URL('./results.json', import.meta.url);

type Row = Record<string, string | number>;
const report: Record<string, unknown> = {};

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: readonly number[], p: number) => {
  const ordered = sorted(values);
  return ordered[Math.min(ordered.length - 1, Math.floor((p / 100) * ordered.length))] ?? Number.NaN;
};
const median = (values: readonly number[]) => percentile(values, 50);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
// Heap and ArrayBuffers both: an index in typed arrays lives mostly outside the JS heap proper.
const memoryInUse = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
/**
 * Memory in use once collections stop freeing any: one collection can leave the ArrayBuffers of a build just
 * dropped still counted (the 50k index measured 60 MB instead of 24 MB in one run of two).
 */
function settledMemory(): number {
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 10; i++) {
    gc();
    const now = memoryInUse();
    if (now >= last * 0.99) return now;
    last = now;
  }
  return last;
}

function section(name: string, rows: Row[]) {
  console.log(`\n${name}`);
  console.table(rows);
  report[name] = rows;
}

/** A real talk as the index sees it: the same fields the extension indexes for an imported talk. */
function documentOf(talk: RealTalk): SearchDocument {
  return {
    id: talk.id,
    title: talk.title,
    speakers: talk.speakers.join(' '),
    organisations: talk.organisation ?? '',
    topics: (talk.topics ?? []).join(' '),
    summary: talk.summary ?? '',
    context: `${talk.kind ?? 'Talk'} ${talk.event}`,
  };
}

/**
 * Search at 1k, 10k and 50k talks: build, load from the stored form, heap, every keystroke (labelled queries and
 * real titles typed letter by letter, engines interleaved so machine noise hits all alike), and relevance on
 * labelled queries generated from the real talks. Real talks from ../shared when present, else synthetic.
 */
function search(realTalks: RealTalk[] | undefined): void {
  const bundled = catalogue.talks.map((talk) => searchDocumentFor(talk, catalogue));
  const labelled: RealQuery[] = realTalks ? realQueries(realTalks.slice(0, Math.max(...SIZES)), SIZES[0] ?? 1000) : [];
  report.source = realTalks
    ? `${realTalks.length} real talks from ../shared/talk-data; ${labelled.length} labelled queries made by bench/real-queries.ts`
    : 'synthetic catalogues (../shared/talk-data is not here): relevance on real talks not measured';
  console.log(`\nSearch on ${report.source}`);
  const rows: Row[] = [];
  for (const size of SIZES) {
    const documents = realTalks ? realTalks.slice(0, size).map(documentOf) : syntheticCatalogue(size, bundled);
    const titles = realTalks
      ? realTalks.slice(0, size).filter((_, i) => i % Math.max(1, Math.floor(size / 60)) === 0)
      : [];
    const typed = keystrokes([
      ...(realTalks ? labelled.map((q) => q.query) : LABELLED_QUERIES.map((q) => q.query)),
      ...(realTalks ? titles.map((talk) => talk.title.slice(0, 40)) : syntheticQueries(documents, 40)),
    ]);
    const engines = ENGINES.map((engine) => {
      const memoryBefore = settledMemory();
      const start = performance.now();
      const run = engine.build(documents);
      const buildMs = performance.now() - start;
      const heapMb = (settledMemory() - memoryBefore) / 1e6;
      let loadMs: number | undefined;
      if (engine.persisted) {
        const { stored, load } = engine.persisted(documents);
        // A cold start loads in a fresh worker: the garbage of building the stored form here is not its cost.
        gc();
        const loadStart = performance.now();
        load(stored)('a');
        loadMs = performance.now() - loadStart;
      }
      const ranks = labelled.map(({ query, expected }) => run(query).indexOf(expected) + 1);
      return { name: engine.name, run, buildMs, heapMb, loadMs, ranks, times: [] as number[], spent: 0 };
    });
    for (const engine of engines) for (const query of typed.slice(0, typed.length / 10)) engine.run(query);
    for (const query of typed) {
      for (const engine of engines) {
        if (engine.spent > ENGINE_BUDGET_MS) continue;
        const start = performance.now();
        engine.run(query);
        const elapsed = performance.now() - start;
        engine.times.push(elapsed);
        engine.spent += elapsed;
      }
    }
    for (const engine of engines) {
      const { ranks } = engine;
      rows.push({
        talks: size,
        engine: engine.name,
        'build ms': Math.round(engine.buildMs),
        'load ms': engine.loadMs === undefined ? 'n/a' : round(engine.loadMs, 1),
        'memory MB': round(engine.heapMb, 1),
        keystrokes: `${engine.times.length}/${typed.length}`,
        'p50 ms': round(percentile(engine.times, 50), 3),
        'p95 ms': round(percentile(engine.times, 95), 3),
        'top-1': ranks.length ? `${ranks.filter((rank) => rank === 1).length}/${ranks.length}` : 'n/a',
        MRR: ranks.length
          ? round(ranks.reduce((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / ranks.length, 3)
          : 'n/a',
      });
    }
  }
  section('Search: build, load, heap, every keystroke, relevance', rows);
}

function bundledRelevance(): void {
  const documents = catalogue.talks.map((talk) => searchDocumentFor(talk, catalogue));
  const rows = ENGINES.map((engine) => {
    const run = engine.build(documents);
    const ranks = LABELLED_QUERIES.map(({ query, expected }) => run(query).indexOf(expected) + 1);
    return {
      engine: engine.name,
      'top-1': `${ranks.filter((rank) => rank === 1).length}/${ranks.length}`,
      MRR: round(ranks.reduce((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / ranks.length, 3),
    };
  });
  section('Relevance: the 32 labelled queries (tests/search-queries.ts) on the bundled catalogue', rows);
}

/** Navigation start → the popup's first results in its DOM, and → a blank page's load end, both in the page. */
async function popupRatio(browser: LaunchedExtension, label: string): Promise<Row> {
  const page = await browser.context.newPage();
  const base = `chrome-extension://${browser.extensionId}`;
  const popupTimes: number[] = [];
  const blankTimes: number[] = [];
  for (let i = 0; i < 11; i++) {
    await page.goto(`${base}/popup.html`);
    await page.waitForFunction(() => performance.getEntriesByName('talkmark:results').length > 0);
    const popup = await page.evaluate(
      () => performance.getEntriesByName('talkmark:results')[0]?.startTime ?? Number.NaN,
    );
    await page.goto(`${base}/blank.html`);
    await page.waitForFunction(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)?.loadEventEnd > 0,
    );
    const blank = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    );
    if (i < 2) continue; // the first two warm the caches
    popupTimes.push(popup);
    blankTimes.push(blank);
  }
  await page.close();
  return {
    catalogue: label,
    'popup first results ms': round(median(popupTimes), 1),
    'blank page load ms': round(median(blankTimes), 1),
    ratio: round(median(popupTimes) / median(blankTimes), 2),
  };
}

/** keydown → that query's results in the popup's DOM, for every letter of `queries` typed one by one. */
async function keystrokeToScreen(browser: LaunchedExtension, queries: readonly string[]): Promise<number[]> {
  const page = await browser.openExtensionPage('popup.html');
  await page.waitForFunction(() => performance.getEntriesByName('talkmark:results').length > 0);
  await page.evaluate(() => {
    const downs: Array<{ at: number; query: string }> = [];
    Object.assign(window, { downs });
    const input = document.querySelector('input[type="search"]') as HTMLInputElement;
    input.addEventListener('keydown', (event) => {
      const at = event.timeStamp;
      // The value after this key is known once the input event has run.
      input.addEventListener('input', () => downs.push({ at, query: input.value }), { once: true });
    });
  });
  const field = page.getByRole('combobox', { name: 'Search talks' });
  const times: number[] = [];
  for (const query of queries) {
    await field.fill('');
    await page.evaluate(() => performance.clearMarks('talkmark:results'));
    await page.evaluate(() => (window as unknown as { downs: unknown[] }).downs.splice(0));
    await field.pressSequentially(query, { delay: 40 });
    await page.waitForFunction(
      (q) => performance.getEntriesByName('talkmark:results').some((m) => (m as PerformanceMark).detail === q),
      query,
    );
    const measured = await page.evaluate(() => {
      const marks = performance.getEntriesByName('talkmark:results') as PerformanceMark[];
      const downs = (window as unknown as { downs: Array<{ at: number; query: string }> }).downs;
      return downs.flatMap(({ at, query }) => {
        const shown = marks.find((mark) => mark.detail === query && mark.startTime >= at);
        return shown ? [shown.startTime - at] : [];
      });
    });
    times.push(...measured);
  }
  await page.close();
  return times;
}

/**
 * Five times: the service worker stopped, then the popup opened with `wanted` to answer at once (in its address,
 * as a context-menu search opens it); ms from navigation start to its answer in the DOM, measured in the page.
 * Typing it through the browser driver instead lands 60 to 110 ms after the page has loaded, which measures the
 * driver.
 */
async function coldReady(browser: LaunchedExtension, anyPage: Page, wanted: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await stopServiceWorker(browser.context, anyPage);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?q=${encodeURIComponent(wanted)}`);
    const shownAt = (q: string) =>
      (performance.getEntriesByName('talkmark:results') as PerformanceMark[]).find((m) => m.detail === q)?.startTime;
    await popup.waitForFunction(shownAt, wanted);
    times.push((await popup.evaluate(shownAt, wanted)) ?? Number.NaN);
    await popup.close();
  }
  return times;
}

/** Cold start with `talks` imported into a fresh profile. */
async function readyAt(talks: RealTalk[], extensionDir: string): Promise<Row> {
  const browser = await launchExtension({ extensionDir });
  const scratch = mkdtempSync(join(tmpdir(), 'talkmark-bench-ready-'));
  try {
    const file = join(scratch, 'schedule.json');
    writeFileSync(file, asFrabScheduleJson(talks, `ready-${talks.length}`));
    const options = await browser.openExtensionPage('options.html');
    await options.getByLabel('Schedule file to import').setInputFiles(file);
    await options.locator('.catalogues .notice').waitFor({ timeout: 120_000 });
    const times = await coldReady(browser, options, talks[Math.floor(talks.length / 2)]?.title ?? '');
    return {
      'imported talks': talks.length,
      'median ms': round(median(times), 1),
      'max ms': round(Math.max(...times), 1),
    };
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  await stopServiceWorkers(context, page);
  await page.waitForTimeout(300);
}

async function browserFigures(realTalks: RealTalk[] | undefined): Promise<void> {
  // A copy of the build with a blank page added, so the popup can be compared with the cheapest extension page.
  const copy = mkdtempSync(join(tmpdir(), 'talkmark-bench-'));
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  writeFileSync(join(copy, 'blank.html'), '<!doctype html><html><head><title>blank</title></head><body></body></html>');
  const imported = realTalks
    ?.slice(0, IMPORTED_TALKS)
    .map((talk, n) => ({ ...talk, youtubeId: n === 0 ? 'BenchVideo1' : talk.youtubeId }));
  const videos: Record<string, string> = {
    two3TzF9mVY: 'Keynote',
    OCS45iy5v1M: 'How to Migrate a MySQL Database to Vitess',
    '-Hz6LFJu1cY': 'Geo-partitioning with Vitess',
    unrelated01: 'A cooking video',
    BenchVideo1: imported?.[0]?.title ?? '',
    // Not in any catalogue, but naming an imported talk's speaker: the panel lists that speaker's talks.
    BenchAbout1: `${imported?.[1]?.speakers[0] ?? 'Nobody'} on testing at scale`,
  };
  const browser = await launchExtension({ extensionDir: copy, videos });
  try {
    const ratios: Row[] = [await popupRatio(browser, 'bundled (10 talks)')];

    const page = await browser.context.newPage();
    await page.goto('https://www.youtube.com/watch?v=unrelated01');
    const route = ['OCS45iy5v1M', 'unrelated01', '-Hz6LFJu1cY', 'unrelated01', 'two3TzF9mVY', 'unrelated01'];
    const panelTimes: number[] = [];
    for (let i = 0; panelTimes.length < 30; i++) {
      const id = route[i % route.length] as string;
      const elapsed = await navigateAndTime(page, id, videos[id] ?? '', catalogue.talksByVideoId.get(id)?.title);
      if (elapsed !== undefined) panelTimes.push(elapsed);
    }
    const panelRows: Row[] = [
      {
        catalogue: 'bundled',
        'median ms': round(median(panelTimes), 1),
        'p95 ms': round(percentile(panelTimes, 95), 1),
        navigations: 30,
      },
    ];
    section('YouTube: main-thread script time on an unrelated watch page', [
      await contentScriptCost(browser.context, videos),
    ]);
    section('YouTube: following playback of a catalogue talk (goals: ≤ 5 ms a minute, ≤ 6 writes a minute)', [
      await playbackCost(browser.context, videos, 'OCS45iy5v1M'),
    ]);

    if (imported) {
      const scratch = mkdtempSync(join(tmpdir(), 'talkmark-bench-schedule-'));
      const file = join(scratch, 'schedule.json');
      writeFileSync(file, asFrabScheduleJson(imported, 'bench'));
      const options = await browser.openExtensionPage('options.html');
      const importStart = performance.now();
      await options.getByLabel('Schedule file to import').setInputFiles(file);
      await options.locator('.catalogues .notice').waitFor({ timeout: 120_000 });
      const importMs = performance.now() - importStart;
      const usage = await options.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      section(`Import: ${imported.length.toLocaleString('en')} real talks as one schedule.json`, [
        {
          'import ms (read, parse, index, store)': Math.round(importMs),
          notice: (await options.locator('.catalogues .notice').textContent()) ?? '',
          'storage used MB': round(usage / 1e6, 1),
        },
      ]);
      rmSync(scratch, { recursive: true, force: true });

      const coldTimes = await coldReady(browser, options, imported[4321]?.title ?? '');
      const readyRows: Row[] = [];
      // The same at the sizes people usually import (a FOSDEM is about 800 talks), each in a fresh profile.
      for (const size of [1_000, 10_000]) readyRows.push(await readyAt(realTalks?.slice(0, size) ?? [], copy));
      readyRows.push({
        'imported talks': imported.length,
        'median ms': round(median(coldTimes), 1),
        'max ms': round(Math.max(...coldTimes), 1),
      });
      section(
        'Ready: service worker stopped → popup opened → first query answered (ms from navigation start)',
        readyRows,
      );

      ratios.push(await popupRatio(browser, `${imported.length.toLocaleString('en')} imported talks`));
      const typedQueries = realQueries(imported, 1000)
        .slice(0, 20)
        .map((q) => q.query);
      const toScreen = await keystrokeToScreen(browser, typedQueries);
      // The same with 5,000 talks' watch progress stored (every other one watched).
      await putProgressRecords(
        options,
        imported.slice(0, 5_000).map((talk) => `bench/${talk.id}`),
      );
      ratios.push(
        await popupRatio(browser, `${imported.length.toLocaleString('en')} imported, 5,000 progress records`),
      );
      const toScreenWithProgress = await keystrokeToScreen(browser, typedQueries);
      section(`Popup: keydown → results in the DOM, ${imported.length.toLocaleString('en')} imported talks`, [
        {
          progress: 'none',
          keystrokes: toScreen.length,
          'p50 ms': round(percentile(toScreen, 50), 1),
          'p95 ms': round(percentile(toScreen, 95), 1),
        },
        {
          progress: '5,000 records',
          keystrokes: toScreenWithProgress.length,
          'p50 ms': round(percentile(toScreenWithProgress, 50), 1),
          'p95 ms': round(percentile(toScreenWithProgress, 95), 1),
        },
      ]);

      // The panel on an imported talk's recording, with the service worker stopped first each time: the talk
      // shows first, its related talks once the woken worker has read the catalogue.
      const coldPanel: number[] = [];
      const coldRelated: number[] = [];
      for (let i = 0; i < 6; i++) {
        await stopServiceWorker(browser.context, options);
        const elapsed = await navigateAndTime(page, 'BenchVideo1', videos.BenchVideo1 ?? '', imported[0]?.title);
        const relatedShown = () => (window as unknown as { relatedShownAfter?: number }).relatedShownAfter;
        await page.waitForFunction(relatedShown, undefined, { timeout: 20_000 });
        const related = await page.evaluate(relatedShown);
        await navigateAndTime(page, 'unrelated01', 'A cooking video', undefined);
        if (elapsed !== undefined) coldPanel.push(elapsed);
        if (related !== undefined) coldRelated.push(related);
      }
      panelRows.push({
        catalogue: `${imported.length.toLocaleString('en')} imported, worker stopped`,
        'median ms': round(median(coldPanel), 1),
        'p95 ms': round(percentile(coldPanel, 95), 1),
        navigations: coldPanel.length,
      });
      panelRows.push({
        catalogue: `… its related talks shown`,
        'median ms': round(median(coldRelated), 1),
        'p95 ms': round(percentile(coldRelated, 95), 1),
        navigations: coldRelated.length,
      });
      // The same video with the worker awake: talk and related talks come in one answer.
      const warmPanel: number[] = [];
      for (let i = 0; i < 10; i++) {
        await navigateAndTime(page, 'BenchVideo1', videos.BenchVideo1 ?? '', imported[0]?.title);
        const relatedShown = () => (window as unknown as { relatedShownAfter?: number }).relatedShownAfter;
        await page.waitForFunction(relatedShown, undefined, { timeout: 20_000 });
        const related = await page.evaluate(relatedShown);
        await navigateAndTime(page, 'unrelated01', 'A cooking video', undefined);
        if (related !== undefined) warmPanel.push(related);
      }
      panelRows.push({
        catalogue: `${imported.length.toLocaleString('en')} imported, worker awake: talk and related talks`,
        'median ms': round(median(warmPanel), 1),
        'p95 ms': round(percentile(warmPanel, 95), 1),
        navigations: warmPanel.length,
      });
      // A video outside the catalogue whose title names an imported speaker, the worker stopped each time.
      const coldAbout: number[] = [];
      for (let i = 0; i < 6; i++) {
        await stopServiceWorker(browser.context, options);
        const elapsed = await navigateAndTimeRelated(page, 'BenchAbout1', videos.BenchAbout1 ?? '');
        await navigateAndTime(page, 'unrelated01', 'A cooking video', undefined);
        if (elapsed !== undefined) coldAbout.push(elapsed);
      }
      panelRows.push({
        catalogue: `${imported.length.toLocaleString('en')} imported, worker stopped: a title naming a speaker`,
        'median ms': round(median(coldAbout), 1),
        'p95 ms': round(percentile(coldAbout, 95), 1),
        navigations: coldAbout.length,
      });
      await options.close();
    }
    section(
      'Popup: navigation start → first results in the DOM, against a blank extension page (medians of 9)',
      ratios,
    );
    section('YouTube: navigation finished → panel shown', panelRows);
    await page.close();
  } finally {
    await browser.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Navigates the fixture in place; for a catalogue talk, ms from yt-navigate-finish until the panel shows it. */
async function navigateAndTime(
  page: Page,
  videoId: string,
  title: string,
  expected: string | undefined,
): Promise<number | undefined> {
  return page.evaluate(
    ([id, heading, want]) =>
      new Promise<number | undefined>((resolve) => {
        const fixture = (window as unknown as { fixture: { navigate(id: string, title: string): void } }).fixture;
        let start = 0;
        document.addEventListener('yt-navigate-finish', () => (start = performance.now()), { once: true });
        fixture.navigate(id, heading);
        if (!want) return setTimeout(() => resolve(undefined), 200);
        const state = window as unknown as { relatedShownAfter?: number };
        state.relatedShownAfter = undefined;
        // When the related talks are in too (the same moment, unless the talk was shown before them).
        const pollRelated = () => {
          if (document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.related li'))
            state.relatedShownAfter = performance.now() - start;
          else setTimeout(pollRelated, 1);
        };
        const poll = () => {
          const shown = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.current .title');
          if (shown?.textContent === want) {
            resolve(performance.now() - start);
            pollRelated();
          } else setTimeout(poll, 1);
        };
        poll();
      }),
    [videoId, title, expected] as const,
  );
}

/** Navigates the fixture in place to a video outside the catalogue; ms from yt-navigate-finish to its listed talks. */
async function navigateAndTimeRelated(page: Page, videoId: string, title: string): Promise<number | undefined> {
  return page.evaluate(
    ([id, heading]) =>
      new Promise<number | undefined>((resolve) => {
        const fixture = (window as unknown as { fixture: { navigate(id: string, title: string): void } }).fixture;
        let start = 0;
        document.addEventListener('yt-navigate-finish', () => (start = performance.now()), { once: true });
        fixture.navigate(id, heading);
        const give = setTimeout(() => resolve(undefined), 10_000);
        const poll = () => {
          if (document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.related li')) {
            clearTimeout(give);
            resolve(performance.now() - start);
          } else setTimeout(poll, 1);
        };
        poll();
      }),
    [videoId, title] as const,
  );
}

/** Script time the page's main thread spends with the extension, less the same page without it (median of 10). */
async function contentScriptCost(context: BrowserContext, videos: Record<string, string>): Promise<Row> {
  const plain = await launchPlainBrowser(videos);
  const scriptMs = async (ctx: BrowserContext) => {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto('https://www.youtube.com/watch?v=unrelated01');
    await page.waitForTimeout(300);
    const { metrics } = await cdp.send('Performance.getMetrics');
    await page.close();
    return (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  const withExtension: number[] = [];
  const without: number[] = [];
  try {
    for (let i = 0; i < 12; i++) {
      const a = await scriptMs(context);
      const b = await scriptMs(plain.context);
      if (i < 2) continue;
      withExtension.push(a);
      without.push(b);
    }
  } finally {
    await plain.close();
  }
  return {
    'with Talkmark ms': round(median(withExtension), 2),
    'without ms': round(median(without), 2),
    'Talkmark ms': round(median(withExtension) - median(without), 2),
  };
}

function sizes(): void {
  const files = (dir: string, pattern: RegExp) =>
    existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => pattern.test(f)) : [];
  const rows: Row[] = [];
  const entry = (name: string, pattern: RegExp) => {
    const matched = files(EXTENSION_DIR, pattern);
    const kb = matched.reduce((sum, file) => sum + gzipKb(join(EXTENSION_DIR, file)), 0);
    rows.push({ what: name, files: matched.join(' + '), 'gzip KB': round(kb, 1) });
  };
  for (const page of ['popup.html', 'options.html']) {
    const { files, kb } = gzipKbOfPage(EXTENSION_DIR, page);
    rows.push({ what: `${page} (everything it loads)`, files: files.join(' + '), 'gzip KB': round(kb, 1) });
  }
  entry('import worker (options page, on import)', /^assets\/import-worker-.*\.js$/);
  entry('YouTube content script', /^content-scripts\/youtube\.js$/);
  entry('YouTube content script (js + css)', /^content-scripts\/youtube\.(js|css)$/);
  entry('background', /^background\.js$/);
  for (const zip of files(join(EXTENSION_DIR, '..'), /\.zip$/)) {
    rows.push({
      what: 'zip',
      files: zip,
      'gzip KB': round(readFileSync(join(EXTENSION_DIR, '..', zip)).length / 1024, 1),
    });
  }
  section('Size: gzip of each entry point (Chrome build) and of each zip (as stored)', rows);
}

it('benchmark', async () => {
  const started = Date.now();
  report.date = new Date().toISOString();
  report.machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`Talkmark benchmark: ${report.machine}`);
  const realTalks = loadRealTalks();
  if (!realTalks) console.log('../shared/talk-data is not here: search is measured on synthetic catalogues instead.');
  // BENCH_ONLY=search, browser, sync, subscriptions or playback runs one part (for quick checks; the README's figures are full runs).
  const only = process.env.BENCH_ONLY;
  sizes();
  if (only === undefined || only === 'search') {
    bundledRelevance();
    search(realTalks);
  }
  if (only === undefined || only === 'sync')
    for (const [name, rows] of Object.entries(await syncFigures(realTalks))) section(name, rows);
  if (only === undefined || only === 'subscriptions')
    for (const [name, rows] of Object.entries(await subscriptionFigures(realTalks))) section(name, rows);
  if (only === 'playback') {
    const videos = { OCS45iy5v1M: 'How to Migrate a MySQL Database to Vitess' };
    const browser = await launchExtension({ videos });
    try {
      section('YouTube: following playback of a catalogue talk', [
        await playbackCost(browser.context, videos, 'OCS45iy5v1M'),
      ]);
    } finally {
      await browser.close();
    }
  } else if (only === undefined || only === 'browser') await browserFigures(realTalks);
  report.seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten to bench/results.json in ${report.seconds} s.`);
});
