import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension (.output/chrome-mv3) in Debian's Chromium, one file at a time:
// two cores do not run several browsers well.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
