import { defineConfig } from 'vitest/config';

// `npm run bench`: the benchmark runs as one long vitest file so it shares the app's module resolution.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: [process.env.BENCH_FILE ?? 'run.perf.ts'],
    testTimeout: 300_000,
    disableConsoleIntercept: true,
  },
});
