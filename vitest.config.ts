import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/**
 * The files that start first, in this order; the rest follow in Vitest's own order. The longest file,
 * which holds no build, starts in one worker while the files that build take turns in the other.
 * `astro check`, long and holding no build either (it checks a copy of the project, with caches of its
 * own), comes next among them, so that the worker done with the browser takes it while the other builds on.
 */
const FIRST = [
  'test/e2e/browser.test.ts',
  'test/integration/build.test.ts',
  'test/integration/partial-registry.test.ts',
  'test/e2e/long-history.test.ts',
  'test/e2e/hostile.test.ts',
  'test/integration/incremental.test.ts',
  'test/integration/typecheck.test.ts',
  'test/integration/dev-server.test.ts',
  'test/integration/scaffold.test.ts',
  'test/e2e/web-editor.test.ts',
  'test/integration/build-lock.test.ts',
  'test/integration/corrections.test.ts',
  'test/unit/content/content-reader.test.ts',
  'test/unit/content/content-boundary.test.ts',
];

// A name of a file that was moved would silently lose its place.
for (const file of FIRST) if (!existsSync(new URL(file, import.meta.url))) throw new Error(`vitest.config.ts names ${file}, which does not exist`);

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const at = FIRST.findIndex((file) => spec.moduleId.endsWith(file));
      return at < 0 ? FIRST.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    environment: 'node',
    // The tools the tests start (Astro's build, astro check) print plain text for the tests to read,
    // also where the environment asks for colour: CI sets CI, which turns Astro's colours on. FORCE_COLOR
    // is set too, to 0: Node warns on standard error when NO_COLOR meets any other FORCE_COLOR.
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two files at a time, also on a 2-core machine (where Vitest would run one): while one waits on a
    // build, a server or Chromium, the other runs. Builds and the dev server share Astro's caches in
    // the project folder, so they take turns (test/helpers/project-lock.ts).
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      // Pure logic. Its files share a worker's modules instead of loading them again each: 27 s of CPU
      // against 44 s for this project. Each file leaves what it changes (the message language) as it found it.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      // Builds, servers and the browser. The fixtures that several of them read are built once first.
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
