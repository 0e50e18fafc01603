import { defineConfig } from 'vitest/config';

// `npm run bench`: one long vitest file, so the benchmark shares the app's module resolution (import.meta.glob).
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['run.perf.ts'],
    testTimeout: 600_000,
    disableConsoleIntercept: true,
    execArgv: ['--expose-gc'], // heap after indexing is measured after a collection
  },
});
