import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

const FIREFOX_DIR = join(EXTENSION_DIR, '../firefox-mv3');
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('the built packages', () => {
  it.each([EXTENSION_DIR, FIREFOX_DIR])('%s asks only for storage and YouTube', (dir) => {
    const { manifest_version, permissions, host_permissions } = manifest(dir);
    expect(manifest_version).toBe(3);
    expect(permissions).toEqual(['storage']);
    expect([...host_permissions].sort()).toEqual(['https://m.youtube.com/*', 'https://www.youtube.com/*']);
  });

  it.each([EXTENSION_DIR, FIREFOX_DIR])('%s opens the popup with Alt+Shift+T', (dir) => {
    expect(manifest(dir).commands._execute_action.suggested_key.default).toBe('Alt+Shift+T');
  });

  it('gives Firefox an id and declares that no data is collected', () => {
    expect(manifest(FIREFOX_DIR).browser_specific_settings.gecko).toMatchObject({
      id: expect.stringContaining('@'),
      data_collection_permissions: { required: ['none'] },
    });
    expect(existsSync(join(FIREFOX_DIR, 'background.js'))).toBe(true);
  });
});
