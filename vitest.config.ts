import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure modules and components, with WXT's fake browser. End-to-end tests have their own config.
export default defineConfig({
  // WXT's plugin does not carry wxt.config's Vite plugins, so Preact is added again here.
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
  },
});
