import { defineConfig } from 'vitest/config';

// The team server's tests: Node, against PGlite and a real PostgreSQL that the setup starts.
export default defineConfig({
  test: {
    include: ['test/server/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/server/postgres-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
