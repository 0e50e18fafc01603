import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { it } from 'vitest';
import { catalogue } from '../data/catalogue';
import { gzipKb, gzipKbOfPage } from '../tests/e2e/bundle-size';
import { EXTENSION_DIR, launchExtension, launchPlainBrowser } from '../tests/e2e/harness';
import { LABELLED_QUERIES } from '../tests/search-queries';
import { searchDocumentFor } from '../utils/search';
import { ENGINES } from './search-engines';
import { keystrokes, syntheticCatalogue, syntheticQueries } from './synthetic-catalogue';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
/** Time one engine may spend on one catalogue size; slow engines are measured on the keystrokes they reach. */
const ENGINE_BUDGET_MS = Number(process.env.BENCH_ENGINE_BUDGET_MS ?? 6000);
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

function section(name: string, rows: Row[]) {
  console.log(`\n${name}`);
  console.table(rows);
  report[name] = rows;
}

function searchLatency(): void {
  const real = catalogue.talks.map((talk) => searchDocumentFor(talk, catalogue));
  const rows: Row[] = [];
  for (const size of SIZES) {
    const documents = syntheticCatalogue(size, real);
    const typed = keystrokes([...LABELLED_QUERIES.map((q) => q.query), ...syntheticQueries(documents, 40)]);
    const engines = ENGINES.map((engine) => {
      (globalThis as { gc?: () => void }).gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const start = performance.now();
      const search = engine.build(documents);
      const buildMs = performance.now() - start;
      (globalThis as { gc?: () => void }).gc?.();
      const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
      return { name: engine.name, search, buildMs, heapMb, times: [] as number[], spent: 0 };
    });
    // Warm-up on a tenth of the keystrokes, then every keystroke timed on every engine in turn (interleaved,
    // so machine noise hits all alike) until an engine runs out of its time budget.
    for (const engine of engines) for (const query of typed.slice(0, typed.length / 10)) engine.search(query);
    for (const query of typed) {
      for (const engine of engines) {
        if (engine.spent > ENGINE_BUDGET_MS) continue;
        const start = performance.now();
        engine.search(query);
        const elapsed = performance.now() - start;
        engine.times.push(elapsed);
        engine.spent += elapsed;
      }
    }
    for (const engine of engines) {
      rows.push({
        talks: size,
        engine: engine.name,
        keystrokes: `${engine.times.length}/${typed.length}`,
        'p50 ms': round(percentile(engine.times, 50), 3),
        'p95 ms': round(percentile(engine.times, 95), 3),
        'build ms': Math.round(engine.buildMs),
        'heap MB': round(engine.heapMb, 1),
      });
    }
  }
  section('Search: per-keystroke latency on synthetic catalogues', rows);
}

function relevance(): void {
  const documents = catalogue.talks.map((talk) => searchDocumentFor(talk, catalogue));
  const rows = ENGINES.map((engine) => {
    const search = engine.build(documents);
    const ranks = LABELLED_QUERIES.map(({ query, expected }) => search(query).indexOf(expected) + 1);
    return {
      engine: engine.name,
      queries: ranks.length,
      'top-1': `${ranks.filter((rank) => rank === 1).length}/${ranks.length}`,
      MRR: round(ranks.reduce((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / ranks.length, 3),
    };
  });
  section('Relevance: labelled queries (tests/search-queries.ts) on the real catalogue', rows);
}

async function browserFigures(): Promise<void> {
  // A copy of the build with a blank page added, so the popup can be compared with the cheapest extension page.
  const copy = mkdtempSync(join(tmpdir(), 'talkmark-bench-'));
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  writeFileSync(join(copy, 'blank.html'), '<!doctype html><html><head><title>blank</title></head><body></body></html>');
  const videos = {
    two3TzF9mVY: 'Keynote',
    OCS45iy5v1M: 'How to Migrate a MySQL Database to Vitess',
    '-Hz6LFJu1cY': 'Geo-partitioning with Vitess',
    unrelated01: 'A cooking video',
  };
  const browser = await launchExtension({ extensionDir: copy, videos });
  try {
    const page = await browser.context.newPage();
    const timeToSelector = async (url: string, selector: string) => {
      const start = performance.now();
      await page.goto(url);
      await page.waitForSelector(selector, { state: 'attached' });
      return performance.now() - start;
    };
    const base = `chrome-extension://${browser.extensionId}`;
    const popupTimes: number[] = [];
    const blankTimes: number[] = [];
    for (let i = 0; i < 22; i++) {
      const popup = await timeToSelector(`${base}/popup.html`, '[role="listbox"] [role="option"]');
      const blank = await timeToSelector(`${base}/blank.html`, 'body');
      if (i < 2) continue; // the first two warm the caches
      popupTimes.push(popup);
      blankTimes.push(blank);
    }
    section('Popup: open to first results listed (median of 20, headless Chromium)', [
      {
        'popup ms': round(median(popupTimes), 1),
        'blank extension page ms': round(median(blankTimes), 1),
        ratio: round(median(popupTimes) / median(blankTimes), 2),
      },
    ]);

    await page.goto('https://www.youtube.com/watch?v=unrelated01');
    const route = ['OCS45iy5v1M', 'unrelated01', '-Hz6LFJu1cY', 'unrelated01', 'two3TzF9mVY', 'unrelated01'];
    const panelTimes: number[] = [];
    for (let i = 0; panelTimes.length < 30; i++) {
      const id = route[i % route.length] as string;
      const elapsed = await navigateAndTime(page, id, videos[id as keyof typeof videos]);
      if (elapsed !== undefined) panelTimes.push(elapsed);
    }
    section('YouTube: navigation finished to panel shown (30 SPA navigations to catalogue talks)', [
      { 'median ms': round(median(panelTimes), 1), 'p95 ms': round(percentile(panelTimes, 95), 1), navigations: 30 },
    ]);
    await page.close();
    section('YouTube: main-thread script time on an unrelated watch page', [
      await contentScriptCost(browser.context, videos),
    ]);
  } finally {
    await browser.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Navigates the fixture in place; for catalogue talks, ms from yt-navigate-finish until the panel shows it. */
async function navigateAndTime(page: Page, videoId: string, title: string): Promise<number | undefined> {
  const expected = catalogue.talksByVideoId.get(videoId)?.title;
  const elapsed = await page.evaluate(
    ([id, heading, want]) =>
      new Promise<number | undefined>((resolve) => {
        const fixture = (window as unknown as { fixture: { navigate(id: string, title: string): void } }).fixture;
        let start = 0;
        document.addEventListener('yt-navigate-finish', () => (start = performance.now()), { once: true });
        fixture.navigate(id, heading);
        if (!want) return setTimeout(() => resolve(undefined), 200);
        const poll = () => {
          const shown = document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.current .title');
          if (shown?.textContent === want) resolve(performance.now() - start);
          else setTimeout(poll, 1);
        };
        poll();
      }),
    [videoId, title, expected] as const,
  );
  return elapsed;
}

/** Script time the page's main thread spends with the extension, less the same page without it (median of 10). */
async function contentScriptCost(
  context: import('playwright-core').BrowserContext,
  videos: Record<string, string>,
): Promise<Row> {
  const plain = await launchPlainBrowser(videos);
  const scriptMs = async (ctx: import('playwright-core').BrowserContext) => {
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
  sizes();
  relevance();
  await browserFigures();
  searchLatency();
  report.seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten to bench/results.json in ${report.seconds} s.`);
});
