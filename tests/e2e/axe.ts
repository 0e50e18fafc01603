import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical findings on `page`, or only inside `context` (axe's selector form; an array of
 * selectors crosses a shadow root: `{ include: [['talkmark-panel', '.panel']] }`).
 */
export async function axeViolations(page: Page, context?: object): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (scope) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const { violations } = await (window as any).axe.run(scope ?? document);
    return violations as Array<{ id: string; impact: string; help: string; nodes: { target: unknown[] }[] }>;
  }, context);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
