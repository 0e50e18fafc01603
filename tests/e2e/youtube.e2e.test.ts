import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchExtension } from './harness';

const VIDEOS = {
  two3TzF9mVY: 'Keynote: KubeCon + CloudNativeCon North America 2019',
  OCS45iy5v1M: 'How to Migrate a MySQL Database to Vitess - Sugu Sougoumarane & Morgan Tocker',
  '-Hz6LFJu1cY': 'Geo-partitioning with Vitess',
  VitessShard: 'Vitess: Sharding MySQL on Kubernetes, a tutorial',
  unrelated01: 'Never Gonna Give You Up',
  unrelated02: 'Kubernetes tutorial for beginners',
};

let browser: LaunchedExtension;
beforeAll(async () => {
  browser = await launchExtension({ videos: VIDEOS });
});
afterAll(() => browser?.close());

const panel = (page: Page) => page.locator('talkmark-panel');
const panelTitle = (page: Page) => panel(page).locator('.current .title');

/** Opens a watch page and records the console errors and uncaught exceptions it shows. */
async function watch(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`https://www.youtube.com${path}`);
  return { page, errors };
}

/** What YouTube does when a person clicks another video: no page load, events around a URL change. */
async function navigate(page: Page, videoId: string, headingDelayMs = 30): Promise<void> {
  await page.evaluate(
    ([id, title, delay]) =>
      (window as unknown as { fixture: { navigate(...args: unknown[]): void } }).fixture.navigate(id, title, delay),
    [videoId, VIDEOS[videoId as keyof typeof VIDEOS] ?? 'Untitled', headingDelayMs] as const,
  );
}

/** Long enough for the panel to have appeared if it were going to (the fixture's heading changes after 30 ms). */
const settle = (page: Page) => page.waitForTimeout(400);

describe('the YouTube panel', () => {
  it('shows a catalogue talk first in the right column, with its details, a star and related talks', async () => {
    const { page, errors } = await watch('/watch?feature=share&v=OCS45iy5v1M&t=30s');
    await expect.poll(() => panelTitle(page).textContent()).toBe('How to Migrate a MySQL Database to Vitess');
    expect(await page.evaluate(() => document.querySelector('#secondary-inner')?.firstElementChild?.tagName)).toBe(
      'TALKMARK-PANEL',
    );
    const text = await panel(page).locator('.current').textContent();
    expect(text).toContain('Sugu Sougoumarane (PlanetScale, CTO and Co-Founder)');
    expect(text).toContain('Morgan Tocker (PlanetScale)');
    expect(text).toContain('Talk · KubeCon + CloudNativeCon North America 2019');
    expect(
      await panel(page)
        .getByRole('button', { name: /favourite/i })
        .getAttribute('aria-pressed'),
    ).toBe('false');
    const related = panel(page).locator('.related li');
    expect(await related.count()).toBeGreaterThanOrEqual(3);
    expect(await related.count()).toBeLessThanOrEqual(5);
    expect(await related.allTextContents()).not.toContainEqual(expect.stringContaining('How to Migrate a MySQL'));
    expect(await related.first().locator('.why').textContent()).toMatch(/Also by|Also about/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('jumps the player to the keynote’s Vitess segment in place', async () => {
    const { page } = await watch('/watch?v=two3TzF9mVY');
    const jump = panel(page).getByRole('button', { name: /Jump to the talk at 1:45/ });
    await jump.click();
    expect(await page.evaluate(() => document.querySelector('video')?.currentTime)).toBe(105);
    expect(page.url()).toBe('https://www.youtube.com/watch?v=two3TzF9mVY');
    await page.close();
  });

  it('waits for a right column that renders late', async () => {
    const { page } = await watch('/watch?v=-Hz6LFJu1cY&late=700');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('talkmark-panel')?.parentElement?.id))
      .toBe('secondary-inner');
    expect(await panel(page).count()).toBe(1);
    await page.close();
  });

  it('falls back to below the video when there is no right column', async () => {
    const { page } = await watch('/watch?v=-Hz6LFJu1cY&narrow');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('talkmark-panel')?.parentElement?.id))
      .toBe('below');
    await page.close();
  });

  it('works on /live/ addresses', async () => {
    const mobile = await browser.context.newPage();
    await mobile.goto('https://www.youtube.com/live/-Hz6LFJu1cY');
    await expect.poll(() => panelTitle(mobile).textContent()).toBe('Geo-partitioning with Vitess');
    await mobile.close();
  });

  describe('on the mobile site (m.youtube.com, as Firefox for Android shows it)', () => {
    async function phone(path: string): Promise<Page> {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`https://m.youtube.com${path}`);
      return page;
    }
    /** Where the panels are among the single column's sections, in page order. */
    const columnOrder = (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('ytm-single-column-watch-next-results-renderer > *')].map((element) =>
          element.tagName === 'TALKMARK-PANEL'
            ? 'panel'
            : (element.getAttribute('section-identifier') ?? element.tagName.toLowerCase()),
        ),
      );

    it('shows exactly one panel for a catalogue talk, below the metadata and above the related videos, phone-sized', async () => {
      const page = await phone('/watch?v=OCS45iy5v1M');
      await expect.poll(() => panelTitle(page).textContent()).toBe('How to Migrate a MySQL Database to Vitess');
      expect(await columnOrder(page)).toEqual(['ytm-slim-video-metadata-section-renderer', 'panel', 'related-items']);
      const box = await panel(page).locator('.panel').boundingBox();
      expect(box?.x).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.close();
    });

    it('follows the mobile app’s state-navigateend: another talk, an unrelated video, and back', async () => {
      const page = await phone('/watch?v=OCS45iy5v1M');
      await expect.poll(() => panelTitle(page).textContent()).toBe('How to Migrate a MySQL Database to Vitess');
      const go = (id: string, title: string) =>
        page.evaluate(
          ([videoId, videoTitle]) =>
            (window as unknown as { fixture: { navigate(...args: unknown[]): void } }).fixture.navigate(
              videoId,
              videoTitle,
              30,
            ),
          [id, title] as const,
        );
      await go('-Hz6LFJu1cY', VIDEOS['-Hz6LFJu1cY']);
      await expect.poll(() => panelTitle(page).textContent()).toBe('Geo-partitioning with Vitess');
      await expect
        .poll(() => columnOrder(page))
        .toEqual(['ytm-slim-video-metadata-section-renderer', 'panel', 'related-items']);
      await go('unrelated01', VIDEOS.unrelated01);
      await expect.poll(() => panel(page).count()).toBe(0);
      await settle(page);
      expect(await panel(page).count()).toBe(0);
      await go('OCS45iy5v1M', VIDEOS.OCS45iy5v1M);
      await expect.poll(() => panelTitle(page).textContent()).toBe('How to Migrate a MySQL Database to Vitess');
      // The app re-renders the column a moment after the navigation; the panel goes back to its place.
      await expect
        .poll(() => columnOrder(page))
        .toEqual(['ytm-slim-video-metadata-section-renderer', 'panel', 'related-items']);
      await page.close();
    });

    it('shows nothing on an unrelated video, and the talks on a video plainly about Vitess', async () => {
      const unrelated = await phone('/watch?v=unrelated02');
      await unrelated.locator('.slim-video-information-title').waitFor();
      await settle(unrelated);
      expect(await panel(unrelated).count()).toBe(0);
      await unrelated.close();
      const about = await phone('/watch?v=VitessShard');
      await expect.poll(() => panel(about).locator('.panel-heading').textContent()).toContain('Talks on this subject');
      await about.close();
    });
  });

  it('offers the best-matching talks on a video plainly about Vitess', async () => {
    const { page } = await watch('/watch?v=VitessShard');
    await expect.poll(() => panel(page).locator('.panel-heading').textContent()).toContain('Talks on this subject');
    expect(await panel(page).locator('.related li').first().locator('.related-title').textContent()).toBe(
      'Geo-partitioning with Vitess',
    );
    expect(
      await panel(page)
        .getByRole('button', { name: /favourite/i })
        .count(),
    ).toBe(0);
    await page.close();
  });

  it.each(['unrelated01', 'unrelated02'])('stays silent on an unrelated video (%s)', async (id) => {
    const { page } = await watch(`/watch?v=${id}`);
    await settle(page);
    expect(await panel(page).count()).toBe(0);
    await page.close();
  });

  it('does nothing on pages that are not watch pages', async () => {
    const { page } = await watch('/');
    await settle(page);
    expect(await panel(page).count()).toBe(0);
    await page.close();
  });

  it('follows 30 navigations in a row with exactly the right panel or none, and no console errors', async () => {
    const { page, errors } = await watch('/watch?v=unrelated01');
    const route = ['OCS45iy5v1M', 'unrelated02', 'two3TzF9mVY', 'VitessShard', 'unrelated01', '-Hz6LFJu1cY'];
    const expected: Record<string, string | null> = {
      OCS45iy5v1M: 'How to Migrate a MySQL Database to Vitess',
      two3TzF9mVY: 'If you are moving to Kubernetes, don’t leave your data behind.',
      '-Hz6LFJu1cY': 'Geo-partitioning with Vitess',
      VitessShard: 'about',
      unrelated01: null,
      unrelated02: null,
    };
    for (let step = 0; step < 30; step++) {
      const id = route[step % route.length] as string;
      await navigate(page, id);
      const want = expected[id];
      if (want === null) {
        await settle(page);
        expect(await panel(page).count(), `step ${step}: ${id}`).toBe(0);
      } else if (want === 'about') {
        await expect.poll(() => panel(page).locator('.panel-heading').count(), { message: `step ${step}` }).toBe(1);
        expect(await panel(page).count()).toBe(1);
      } else {
        await expect.poll(() => panelTitle(page).textContent(), { message: `step ${step}: ${id}` }).toBe(want);
        expect(await panel(page).count()).toBe(1);
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never decides on the previous video’s title while YouTube is still showing it', async () => {
    const { page } = await watch('/watch?v=VitessShard');
    await expect.poll(() => panel(page).count()).toBe(1);
    // The new video is unrelated, but for 600 ms the heading still names the Vitess video.
    await navigate(page, 'unrelated02', 600);
    await page.waitForTimeout(300);
    expect(await panel(page).count()).toBe(0);
    await page.waitForTimeout(600);
    expect(await panel(page).count()).toBe(0);
    // And the other way round: the panel appears once the heading names Vitess.
    await navigate(page, 'VitessShard', 600);
    await page.waitForTimeout(300);
    expect(await panel(page).count()).toBe(0);
    await expect.poll(() => panel(page).count()).toBe(1);
    await page.close();
  });

  it('puts the panel back when YouTube re-renders the column', async () => {
    const { page } = await watch('/watch?v=-Hz6LFJu1cY');
    await expect.poll(() => panel(page).count()).toBe(1);
    await page.evaluate(() => document.querySelector('talkmark-panel')?.remove());
    await expect.poll(() => panel(page).count()).toBe(1);
    await page.close();
  });

  it('follows YouTube’s dark theme', async () => {
    const { page } = await watch('/watch?v=-Hz6LFJu1cY&dark');
    await panelTitle(page).waitFor();
    expect(await panelTitle(page).evaluate((element) => getComputedStyle(element).color)).toBe('rgb(241, 241, 241)');
    await page.close();
  });

  it('cannot be switched off by the page: a forged “newer script started” event, and clicks a script makes up', async () => {
    const { page, errors } = await watch('/watch?v=OCS45iy5v1M');
    await expect.poll(() => panelTitle(page).textContent()).toBe('How to Migrate a MySQL Database to Vitess');
    // The event WXT listens for to retire an old copy of the script; any page can send it, the id is public.
    await page.evaluate((extensionId) => {
      document.dispatchEvent(
        new CustomEvent(`${extensionId}:youtube:wxt:content-script-started`, {
          detail: { contentScriptName: 'youtube', messageId: 'forged' },
        }),
      );
    }, browser.extensionId);
    await expect.poll(() => panelTitle(page).textContent()).toBe('How to Migrate a MySQL Database to Vitess');
    expect(await panel(page).count()).toBe(1);
    // And it still follows the next navigation.
    await navigate(page, '-Hz6LFJu1cY');
    await expect.poll(() => panelTitle(page).textContent()).toBe('Geo-partitioning with Vitess');
    expect(await panel(page).count()).toBe(1);
    // A click made up by the page's script does not star; the person's own does.
    const star = panel(page).getByRole('button', { name: /favourite/i });
    await page.evaluate(() =>
      document
        .querySelector('talkmark-panel')
        ?.shadowRoot?.querySelector<HTMLButtonElement>('.favourite-button')
        ?.click(),
    );
    await settle(page);
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays collapsed across navigations and reloads until opened again', async () => {
    const { page } = await watch('/watch?v=-Hz6LFJu1cY');
    const toggle = panel(page).getByRole('button', { name: 'Hide' });
    await toggle.click();
    await expect.poll(() => panel(page).locator('.related').isVisible()).toBe(false);
    const show = panel(page).getByRole('button', { name: 'Show' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    // What the button says it controls is still there while collapsed (hidden, not removed).
    const controlled = await show.getAttribute('aria-controls');
    expect(await panel(page).locator(`#${controlled}`).count()).toBe(1);
    await navigate(page, 'OCS45iy5v1M');
    await expect.poll(() => panel(page).getByRole('button', { name: 'Show' }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => panel(page).getByRole('button', { name: 'Show' }).count()).toBe(1);
    expect(await panel(page).locator('.related').isVisible()).toBe(false);
    await panel(page).getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => panel(page).locator('.related li').count()).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});
