import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto', 'test/unit/setup-i18n.ts'],
  },
});
