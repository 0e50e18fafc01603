import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import linter from 'addons-linter';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

const FIREFOX_DIR = join(EXTENSION_DIR, '../firefox-mv3');

interface Finding {
  code: string;
  file?: string;
  message: string;
}

describe('the Firefox build', () => {
  it('passes Mozilla’s add-ons linter with no error and no warning from our own code', async () => {
    const result: { errors: Finding[]; warnings: Finding[] } = await linter
      .createInstance({
        config: { _: [FIREFOX_DIR], logLevel: 'fatal', stack: false, pretty: false, output: 'none', boring: true },
        runAsBinary: false,
      })
      .run();
    expect(result.errors).toEqual([]);
    // Preact's renderer assigns innerHTML for `dangerouslySetInnerHTML`, a prop Talkmark never uses; that
    // library line is the only warning allowed.
    const ours = result.warnings.filter(
      (warning) =>
        !(
          warning.code === 'UNSAFE_VAR_ASSIGNMENT' &&
          warning.file &&
          readFileSync(join(FIREFOX_DIR, warning.file), 'utf8').includes('dangerouslySetInnerHTML')
        ),
    );
    expect(ours).toEqual([]);
  });
});
