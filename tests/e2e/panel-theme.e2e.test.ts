import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension } from './harness';

// The panel reads on every YouTube theme: with YouTube's colour variables and without them (YouTube has renamed
// them before), on the desktop site and the mobile one. Contrast is measured on what is painted: each text's colour
// against the layers under it, composited down to the page.

const VIDEOS = { OCS45iy5v1M: 'How to Migrate a MySQL Database to Vitess - Sugu Sougoumarane & Morgan Tocker' };

let browser: LaunchedExtension;
beforeAll(async () => {
  browser = await launchExtension({ videos: VIDEOS });
});
afterAll(() => browser?.close());

/** In the page: the lowest contrast of any text in the panel, and of the pressed star, with where they are. */
function panelContrast(): { text: number; worst: string; star: number } {
  type Rgba = [number, number, number, number];
  const parse = (color: string): Rgba => {
    const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
    return [r, g, b, color.startsWith('rgba') ? a : 1];
  };
  const over = (top: Rgba, under: Rgba): Rgba => {
    const [r, g, b, a] = top;
    return [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a), 1];
  };
  const parentOf = (element: Element): Element | null =>
    element.parentElement ?? ((element.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  const backgroundUnder = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let at: Element | null = element; at; at = parentOf(at))
      layers.push(parse(getComputedStyle(at).backgroundColor));
    return layers.reverse().reduce<Rgba>((under, layer) => over(layer, under), [255, 255, 255, 1]);
  };
  const luminance = ([r, g, b]: Rgba) => {
    const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const contrastOf = (element: Element) => {
    const background = backgroundUnder(element);
    const text = over(parse(getComputedStyle(element).color), background);
    const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  };
  const root = document.querySelector('talkmark-panel')?.shadowRoot;
  const texts = [...(root?.querySelectorAll('*') ?? [])].filter(
    (element) =>
      element.tagName !== 'STYLE' &&
      element.getClientRects().length > 0 &&
      [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()),
  );
  let text = Number.POSITIVE_INFINITY;
  let worst = '';
  for (const element of texts) {
    const ratio = contrastOf(element);
    if (ratio < text) {
      text = ratio;
      worst = `${element.className || element.tagName}: ${element.textContent?.slice(0, 30)}`;
    }
  }
  const star = root?.querySelector('.favourite-button');
  return { text, worst, star: star ? contrastOf(star) : 0 };
}

async function openWatchPage(host: string, query: string): Promise<Page> {
  const page = await browser.context.newPage();
  if (host === 'm.youtube.com') await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`https://${host}/watch?v=OCS45iy5v1M${query}`);
  await page.locator('talkmark-panel .current .title').waitFor();
  return page;
}

describe('the panel’s contrast', () => {
  it.each([
    ['www.youtube.com', 'light, with YouTube’s variables', ''],
    ['www.youtube.com', 'dark, with YouTube’s variables', '&dark'],
    ['www.youtube.com', 'light, without them', '&novars'],
    ['www.youtube.com', 'dark, without them', '&dark&novars'],
    ['m.youtube.com', 'light, without them', '&novars'],
    ['m.youtube.com', 'dark, without them', '&dark&novars'],
  ])('on %s, %s: every text 4.5:1 or more, the starred star 3:1 or more', async (host, _case, query) => {
    const page = await openWatchPage(host, query);
    const before = await page.evaluate(panelContrast);
    expect(before.text, before.worst).toBeGreaterThanOrEqual(4.5);
    await page.locator('talkmark-panel .favourite-button').click();
    await expect.poll(() => page.locator('talkmark-panel .favourite-button').getAttribute('aria-pressed')).toBe('true');
    const starred = await page.evaluate(panelContrast);
    expect(starred.star).toBeGreaterThanOrEqual(3);
    await page.locator('talkmark-panel .favourite-button').click();
    await expect
      .poll(() => page.locator('talkmark-panel .favourite-button').getAttribute('aria-pressed'))
      .toBe('false');
    await page.close();
  });

  it('follows YouTube switching to the dark theme in place', async () => {
    const page = await openWatchPage('www.youtube.com', '&novars');
    await page.evaluate(() => {
      document.documentElement.setAttribute('dark', '');
      document.body.style.background = '#0f0f0f';
    });
    await expect.poll(() => page.locator('talkmark-panel').getAttribute('data-theme')).toBe('dark');
    const after = await page.evaluate(panelContrast);
    expect(after.text, after.worst).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });
});
