import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      // Pure logic: test files run side by side.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // Builds, servers and the browser. Builds share Astro's caches in the project folder, so these
      // files run one after another; the fixtures that several of them read are built once first.
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          fileParallelism: false,
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
