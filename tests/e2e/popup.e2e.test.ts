import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { type LaunchedExtension, launchExtension } from './harness';

let browser: LaunchedExtension;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(() => browser?.close());

async function openPopup(): Promise<Page> {
  const popup = await browser.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await results(popup).first().waitFor();
  return popup;
}
const searchBox = (popup: Page) => popup.getByLabel('Search talks');
const results = (popup: Page) => popup.getByRole('listbox').getByRole('option');
const firstTitle = (popup: Page) => results(popup).first().locator('.result-title').textContent();

describe('the popup', () => {
  it('opens with focus in the search box and the whole catalogue, keynote first', async () => {
    const popup = await openPopup();
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    expect(await results(popup).count()).toBe(10);
    expect(await firstTitle(popup)).toBe('If you are moving to Kubernetes, don’t leave your data behind.');
    expect(await results(popup).first().textContent()).toContain('from 1:45');
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await popup.close();
  });

  it.each([
    ['geo partitoning', 'Geo-partitioning with Vitess'],
    ['vites migraton', 'How to Migrate a MySQL Database to Vitess'],
    ['dont leave', 'If you are moving to Kubernetes, don’t leave your data behind.'],
    ['iaquindi', "Scaling Resilient Systems: A Journey into Slack's Database Service"],
    ['nozzle', 'Gone in 60 Minutes: Migrating 20 TB from AKS to GKE in an Hour with Vitess'],
  ])('typing "%s" puts "%s" first', async (query, title) => {
    const popup = await openPopup();
    await searchBox(popup).pressSequentially(query);
    await expect.poll(() => firstTitle(popup)).toBe(title);
    await popup.close();
  });

  it('lists a speaker’s talks when their name is typed, and marks the matched words', async () => {
    const popup = await openPopup();
    await searchBox(popup).fill('morgan tocker');
    await expect.poll(() => results(popup).count()).toBe(1);
    expect(await results(popup).first().locator('mark').allTextContents()).toEqual(['Morgan', 'Tocker']);
    await popup.close();
  });

  it('opens the active result with the keyboard: the keynote at 1:45', async () => {
    const popup = await openPopup();
    await searchBox(popup).fill('keynote');
    await expect.poll(() => firstTitle(popup)).toContain('don’t leave your data behind');
    await popup.keyboard.press('Enter');
    await expect.poll(() => browser.openedUrls()).toContain('https://www.youtube.com/watch?v=two3TzF9mVY&t=105');
    await popup.close();
  });

  it('moves the active result with the arrow keys and announces it', async () => {
    const popup = await openPopup();
    await searchBox(popup).fill('sougoumarane');
    await expect.poll(() => results(popup).count()).toBe(5);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowUp');
    const activeId = await searchBox(popup).getAttribute('aria-activedescendant');
    const second = results(popup).nth(1);
    expect(activeId).toBe(await second.getAttribute('id'));
    expect(await second.getAttribute('aria-selected')).toBe('true');
    // Sugu's talks in rank order: the keynote, then "Vitess: Stateless Storage in the Cloud".
    expect(await second.locator('.result-title').textContent()).toBe('Vitess: Stateless Storage in the Cloud');
    await popup.keyboard.press('Enter');
    await expect.poll(() => browser.openedUrls()).toContain('https://www.youtube.com/watch?v=z63dtNj6ctY');
    await popup.close();
  });

  it('says in words when nothing matches, and keeps the query', async () => {
    const popup = await openPopup();
    await searchBox(popup).fill('kasten booth');
    await expect.poll(() => popup.locator('.empty-title').textContent()).toBe('No talks match “kasten booth”.');
    expect(await popup.locator('.empty').textContent()).toContain('Check the spelling');
    expect(await searchBox(popup).inputValue()).toBe('kasten booth');
    await popup.close();
  });

  it('filters by organisation and by a speaker picked from a result, and clears the filters', async () => {
    const popup = await openPopup();
    await popup.getByLabel('Organisation').selectOption('Slack');
    await expect.poll(() => results(popup).count()).toBe(1);
    await popup.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => results(popup).count()).toBe(10);
    // A speaker's name is a pointer shortcut to the Speaker filter, which then shows that speaker.
    await results(popup).nth(2).getByText('Morgan Tocker').click();
    await expect.poll(() => results(popup).count()).toBe(1);
    expect(await popup.getByLabel('Speaker').inputValue()).toBe('morgan-tocker');
    await popup.getByLabel('Speaker').selectOption('');
    await expect.poll(() => results(popup).count()).toBe(10);
    await popup.close();
  });

  it('stars the active result with Ctrl+S', async () => {
    const popup = await openPopup();
    await searchBox(popup).fill('extensions');
    await expect.poll(() => firstTitle(popup)).toBe('Growth and Design Patterns in the Extensions Ecosystem');
    const star = popup.getByRole('button', { name: /favourite.*Extensions Ecosystem/i });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await popup.keyboard.press('Control+s');
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await popup.keyboard.press('Control+s');
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('false');
    await popup.close();
  });

  it.each(['light', 'dark'] as const)('has no serious or critical accessibility problems (%s)', async (scheme) => {
    const popup = await openPopup();
    await popup.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(popup)).toEqual([]);
    await searchBox(popup).fill('vitess');
    await popup.keyboard.press('ArrowDown');
    expect(await axeViolations(popup)).toEqual([]);
    await searchBox(popup).fill('kasten booth');
    expect(await axeViolations(popup)).toEqual([]);
    await searchBox(popup).fill('');
    await popup.getByRole('tab', { name: /Favourites/ }).click();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });
});
