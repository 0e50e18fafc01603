import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEB_EXT = new URL('../../node_modules/web-ext/bin/web-ext.js', import.meta.url).pathname;

it('Debian’s Firefox ESR accepts the Firefox build as a temporary add-on', async () => {
  expect(
    existsSync(FIREFOX),
    `No Firefox at ${FIREFOX}: install Debian's package (sudo apt-get install -y firefox-esr) or set FIREFOX_PATH.`,
  ).toBe(true);
  const child = spawn(
    process.execPath,
    [
      WEB_EXT,
      'run',
      '--source-dir',
      join(EXTENSION_DIR, '../firefox-mv3'),
      '--firefox',
      FIREFOX,
      '--arg=--headless',
      '--no-input',
      '--no-reload',
      '--verbose',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const installed = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 50_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/as a temporary add-on/.test(output)) {
        clearTimeout(timer);
        // Give the background script a moment to start, so an error it throws shows in the log.
        setTimeout(() => resolve(true), 3000);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => resolve(false));
  });
  try {
    process.kill(-(child.pid as number), 'SIGTERM');
  } catch {
    // already gone
  }
  expect(installed, output.slice(-2000)).toBe(true);
  const extensionErrors = output.split('\n').filter((line) => /moz-extension:\/\/.*(Error|error)/.test(line));
  expect(extensionErrors).toEqual([]);
}, 90_000);
