import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { type LaunchedExtension, launchExtension } from './harness';

// What a checker cannot see: reflow, zoom, the reader's font size, what a screen reader hears and when,
// the keyboard, the star's contrast. Each test looks at what a person would meet.

let browser: LaunchedExtension;
beforeAll(async () => {
  browser = await launchExtension({
    videos: { OCS45iy5v1M: 'How to Migrate a MySQL Database to Vitess - Sugu Sougoumarane & Morgan Tocker' },
  });
});
afterAll(() => browser?.close());

async function openPopup(viewport = { width: 400, height: 600 }, deviceScaleFactor = 1): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  if (deviceScaleFactor !== 1) {
    // Browser zoom: CSS pixels grow, so the same window shows fewer of them. Set after loading: the extension's
    // page runs in its own process, which does not inherit what was set on the tab before.
    const session = await browser.context.newCDPSession(page);
    await session.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor, mobile: false });
  }
  await results(page).first().waitFor();
  expect(await page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio])).toEqual([
    viewport.width,
    viewport.height,
    deviceScaleFactor,
  ]);
  return page;
}
const searchBox = (popup: Page) => popup.getByLabel('Search talks');
const results = (popup: Page) => popup.getByRole('listbox').getByRole('option');

/** Every control whose box is outside the viewport, even partly: what a person cannot see or reach. */
function cutControls(popup: Page): Promise<string[]> {
  return popup.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>('button, select, input, a[href], [role="option"]');
    return [...controls].flatMap((control) => {
      const box = control.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return [];
      const cut = box.left < -0.5 || box.right > innerWidth + 0.5;
      return cut
        ? [
            `${control.tagName} ${control.getAttribute('aria-label') ?? control.textContent} at ${box.left}–${box.right}`,
          ]
        : [];
    });
  });
}

/** Arrows down to the last result and reports where the search field and the active option ended up. */
async function arrowToLast(popup: Page) {
  const count = await results(popup).count();
  for (let step = 0; step < count; step++) await popup.keyboard.press('ArrowDown');
  const last = results(popup).last();
  await expect.poll(() => last.getAttribute('aria-selected')).toBe('true');
  // The list scrolls the active option into view after the frame that marks it.
  await popup.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  return popup.evaluate(() => {
    const field = document.getElementById('talk-search')?.getBoundingClientRect();
    const activeId = document.getElementById('talk-search')?.getAttribute('aria-activedescendant');
    const active = activeId ? document.getElementById(activeId)?.getBoundingClientRect() : undefined;
    return {
      fieldTop: field?.top ?? Number.NaN,
      activeBottom: active?.bottom ?? Number.NaN,
      viewportHeight: innerHeight,
      pageScrolled: document.scrollingElement?.scrollTop ?? 0,
    };
  });
}

describe('the keyboard shortcut', () => {
  it('is really assigned in Chromium (Alt+Shift+T is Chrome’s own, so it would be left empty)', async () => {
    const commands = await browser.worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { commands: { getAll(): Promise<Array<{ name: string; shortcut: string }>> } };
        }
      ).chrome.commands.getAll(),
    );
    expect(commands.find((command) => command.name === '_execute_action')?.shortcut).toBe('Alt+Shift+K');
  });
});

describe('the popup reflows', () => {
  it('at 320 px wide (a phone, WCAG’s reflow width): nothing cut, the stars reachable', async () => {
    const popup = await openPopup({ width: 320, height: 568 });
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await cutControls(popup)).toEqual([]);
    const star = popup.getByRole('button', { name: /Favourite: If you are moving/ });
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('false');
    await popup.close();
  });

  it('at 200 % zoom (an 800x600 window shows 400x300 CSS px): arrowing to the last result keeps the field in view', async () => {
    const popup = await openPopup({ width: 400, height: 300 }, 2);
    expect(await cutControls(popup)).toEqual([]);
    const place = await arrowToLast(popup);
    expect(place.fieldTop).toBeGreaterThanOrEqual(0);
    expect(place.pageScrolled).toBe(0);
    expect(place.activeBottom).toBeLessThanOrEqual(place.viewportHeight + 0.5);
    await popup.close();
  });

  it('with a 24 px default font: the text grows, and nothing is cut', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await results(page).first().waitFor();
    expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([400, 600]);
    // The browser's "Font size" setting, as Chromium's settings page sets it (kept until the page reloads).
    const session = await browser.context.newCDPSession(page);
    await session.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
    const title = await results(page)
      .first()
      .locator('.result-title')
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(title).toBe('21px'); // 0.875rem of 24 px, where a fixed 14 px ignored the setting
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    expect(await cutControls(page)).toEqual([]);
    const place = await arrowToLast(page);
    expect(place.fieldTop).toBeGreaterThanOrEqual(0);
    expect(place.pageScrolled).toBe(0);
    await page.close();
  });

  it('as the real toolbar popup, capped by the screen: fits the window, the keys line and field in view', async () => {
    const popup = await browser.openToolbarPopup();
    await results(popup).first().waitFor();
    const fit = await popup.evaluate(() => ({
      fluid: document.documentElement.classList.contains('fluid'),
      bodyHeight: document.body.getBoundingClientRect().height,
      viewportHeight: innerHeight,
      overflow: document.documentElement.scrollHeight - innerHeight,
    }));
    expect(fit.fluid).toBe(false);
    expect(fit.bodyHeight).toBeLessThanOrEqual(fit.viewportHeight);
    expect(fit.overflow).toBeLessThanOrEqual(0);
    await popup.getByLabel('Search talks').focus();
    const place = await arrowToLast(popup);
    expect(place.fieldTop).toBeGreaterThanOrEqual(0);
    expect(place.pageScrolled).toBe(0);
    await popup.close();
  });
});

describe('what a screen reader hears', () => {
  it('the count once typing pauses, not a count per letter', async () => {
    const popup = await openPopup();
    await popup.evaluate(() => {
      const region = document.querySelector('[role="status"]');
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      if (region)
        new MutationObserver(() => region.textContent && heard.push(region.textContent)).observe(region, {
          subtree: true,
          childList: true,
          characterData: true,
        });
    });
    await searchBox(popup).pressSequentially('vitess', { delay: 120 });
    await popup.waitForTimeout(1500);
    const heard = await popup.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard).toEqual(['9 talks match “vitess”.']);
    await popup.close();
  });

  it('on an empty Favourites tab, what the screen shows: no favourites yet', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: /Favourites/ }).click();
    await expect.poll(() => popup.locator('.empty-title').textContent()).toBe('No favourites yet');
    // The list's live region (the Favourites tools have one of their own, for exports and imports).
    await expect
      .poll(() => popup.locator('[role="status"][aria-live="polite"]').textContent())
      .toBe('No favourites yet');
    await popup.close();
  });

  it('whether each result is starred, in the option itself', async () => {
    const popup = await openPopup();
    await searchBox(popup).fill('extensions');
    const option = results(popup).first();
    await expect
      .poll(() => option.locator('.result-title').textContent())
      .toBe('Growth and Design Patterns in the Extensions Ecosystem');
    expect(await option.textContent()).not.toContain('Starred.');
    await popup.keyboard.press('Control+s');
    await expect.poll(() => option.textContent()).toMatch(/Starred\.$/);
    await expect.poll(() => popup.getByRole('option', { name: /Extensions Ecosystem.*Starred\.$/ }).count()).toBe(1);
    await popup.keyboard.press('Control+s');
    await expect.poll(() => option.textContent()).not.toMatch(/Starred\./);
    await popup.close();
  });

  it('every filter, the speaker included, from the keyboard alone; topics in words', async () => {
    const popup = await openPopup();
    const reached: string[] = [];
    for (let step = 0; step < 12; step++) {
      await popup.keyboard.press('Tab');
      reached.push(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''));
      if (reached.at(-1) === 'Speaker') break;
    }
    expect(reached).toEqual(expect.arrayContaining(['Kind', 'Organisation', 'Topic', 'Speaker']));
    await popup.keyboard.press('ArrowDown'); // the first speaker in name order
    await expect.poll(() => popup.getByLabel('Speaker').inputValue()).not.toBe('');
    await expect.poll(() => results(popup).count()).toBeLessThan(10);
    const topics = await popup.getByLabel('Topic').locator('option').allTextContents();
    expect(topics).toContain('Database as a service');
    expect(topics.filter((topic) => /^[a-z]+(-[a-z]+)+$/.test(topic))).toEqual([]);
    await popup.close();
  });
});

describe('contrast', () => {
  it.each(['light', 'dark'] as const)(
    'a starred star is 3:1 or more on its row, active or not (%s)',
    async (scheme) => {
      const popup = await openPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.getByRole('button', { name: /Favourite: If you are moving/ }).click();
      await popup.getByRole('button', { name: /Favourite: Vitess: Stateless/ }).click();
      // The first row is the active one; the second is plain.
      const ratios = await popup.evaluate(contrastOfStarredStars);
      expect(ratios.length).toBe(2);
      for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(3);
      for (const name of [/Favourite: If you are moving/, /Favourite: Vitess: Stateless/])
        await popup.getByRole('button', { name }).click();
      await popup.close();
    },
  );

  it.each(['light', 'dark'] as const)(
    'the search field’s focus ring is solid and 3:1 on the page (%s)',
    async (scheme) => {
      const popup = await openPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      const ring = await popup.evaluate(() => {
        const field = document.getElementById('talk-search') as HTMLElement;
        field.focus();
        const style = getComputedStyle(field);
        return { width: Number.parseFloat(style.outlineWidth), style: style.outlineStyle, color: style.outlineColor };
      });
      expect(ring.style).toBe('solid');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      const background = await popup.evaluate(
        () => getComputedStyle(document.querySelector('.popup-header') ?? document.body).backgroundColor,
      );
      const bodyBackground = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(
        contrast(ring.color, background === 'rgba(0, 0, 0, 0)' ? bodyBackground : background),
      ).toBeGreaterThanOrEqual(3);
      await popup.close();
    },
  );
});

describe('the whole popup', () => {
  it.each([
    [320, 568],
    [400, 300],
  ])('has no serious accessibility problem at %ix%i', async (width, height) => {
    const popup = await openPopup({ width, height });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });
});

describe('the options page and the YouTube panel', () => {
  it.each(['light', 'dark'] as const)('have no serious accessibility problem (%s)', async (scheme) => {
    const options = await browser.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Catalogues' }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.close();

    const youtube = await browser.context.newPage();
    await youtube.emulateMedia({ colorScheme: scheme });
    await youtube.goto(`https://www.youtube.com/watch?v=OCS45iy5v1M${scheme === 'dark' ? '&dark' : ''}`);
    await youtube.locator('talkmark-panel .current .title').waitFor();
    // Only the panel: the page around it is YouTube's (here, a fixture imitating it).
    expect(await axeViolations(youtube, { include: [['talkmark-panel', '.panel']] })).toEqual([]);
    await youtube.close();
  });
});

/** In the page: the contrast of each pressed star's colour against the background of the row it sits on. */
function contrastOfStarredStars(): number[] {
  const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const luminance = (color: string) => {
    const [r = 0, g = 0, b = 0] = parse(color).map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a: string, b: string) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  };
  const backgroundAt = (element: Element | null): string => {
    for (let at = element; at; at = at.parentElement) {
      const color = getComputedStyle(at).backgroundColor;
      if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
    }
    return 'rgb(255, 255, 255)';
  };
  const stars = [...document.querySelectorAll<HTMLElement>('.results-stars [aria-pressed="true"]')];
  const options = [...document.querySelectorAll('.results-list [role="option"]')];
  return stars.map((star) => {
    const box = star.getBoundingClientRect();
    const row = options.find((option) => {
      const rowBox = option.getBoundingClientRect();
      return rowBox.top <= box.top && rowBox.bottom >= box.bottom;
    });
    return ratio(getComputedStyle(star).color, backgroundAt(row ?? null));
  });
}

function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
      const c = Number(channel) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
