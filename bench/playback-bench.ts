import type { BrowserContext, CDPSession } from 'playwright-core';
import { launchPlainBrowser } from '../tests/e2e/harness';
import { playSilenceInPlayer } from '../tests/e2e/media';

// Watch progress in the bench: what following playback costs a watch page's main thread, and how often it writes.

/** How long each playback is measured (a minute's figures are scaled from it). */
const PLAYBACK_SECONDS = Number(process.env.BENCH_PLAYBACK_SECONDS ?? 30);

const scriptSeconds = async (cdp: CDPSession) =>
  (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;

/**
 * Plays a catalogue talk's watch page for `PLAYBACK_SECONDS` and returns the page's main-thread script time over
 * that span, and how many progress saves the content script sent (counted in its own world, where it sends them).
 */
async function playAndMeasure(
  context: BrowserContext,
  videoId: string,
  countSaves: boolean,
): Promise<{ scriptMs: number; saves: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const contexts: Array<{ id: number; origin: string }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => contexts.push(created));
  await page.goto(`https://www.youtube.com/watch?v=${videoId}`);
  if (countSaves) {
    await page.locator('talkmark-panel .current .title').waitFor();
    await cdp.send('Runtime.enable');
    const world = contexts.filter((c) => c.origin.startsWith('chrome-extension://')).at(-1)?.id;
    await cdp.send('Runtime.evaluate', {
      contextId: world,
      expression: `(() => {
        const runtime = chrome.runtime, send = runtime.sendMessage.bind(runtime);
        globalThis.talkmarkSaves = 0;
        runtime.sendMessage = (message, ...rest) => {
          if (message && message.type === 'progress/save') globalThis.talkmarkSaves++;
          return send(message, ...rest);
        };
      })()`,
    });
  } else await page.waitForTimeout(1_000);
  await page.evaluate(playSilenceInPlayer, [PLAYBACK_SECONDS + 60, 0] as const);
  // Counted from here: the seek to the start before playing saved once, as any seek does.
  if (countSaves)
    await cdp.send('Runtime.evaluate', {
      contextId: contexts.filter((c) => c.origin.startsWith('chrome-extension://')).at(-1)?.id,
      expression: 'globalThis.talkmarkSaves = 0',
    });
  const before = await scriptSeconds(cdp);
  await page.waitForTimeout(PLAYBACK_SECONDS * 1_000);
  const scriptMs = ((await scriptSeconds(cdp)) - before) * 1_000;
  let saves = 0;
  if (countSaves) {
    const world = contexts.filter((c) => c.origin.startsWith('chrome-extension://')).at(-1)?.id;
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: world,
      expression: 'globalThis.talkmarkSaves',
      returnByValue: true,
    });
    saves = result.value as number;
  }
  await page.close();
  return { scriptMs, saves };
}

/** The content script's main-thread cost per minute of playback (with it, less without), and its writes per minute. */
export async function playbackCost(
  context: BrowserContext,
  videos: Record<string, string>,
  videoId: string,
): Promise<Record<string, number>> {
  const plain = await launchPlainBrowser(videos);
  try {
    const withTalkmark = await playAndMeasure(context, videoId, true);
    const without = await playAndMeasure(plain.context, videoId, false);
    const perMinute = 60 / PLAYBACK_SECONDS;
    return {
      'seconds played': PLAYBACK_SECONDS,
      'script ms/min with Talkmark': Number((withTalkmark.scriptMs * perMinute).toFixed(2)),
      'script ms/min without': Number((without.scriptMs * perMinute).toFixed(2)),
      'Talkmark ms/min': Number(((withTalkmark.scriptMs - without.scriptMs) * perMinute).toFixed(2)),
      'progress writes/min': Number((withTalkmark.saves * perMinute).toFixed(1)),
    };
  } finally {
    await plain.close();
  }
}
