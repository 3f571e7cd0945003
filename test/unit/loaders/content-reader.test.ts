import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContent, readContentInParallel } from '../../../src/loaders/content-reader.ts';
import { generateFixture } from '../../../scripts/generate-fixture.ts';

// Enough meeting files that the workers, not only the calling thread, read some of them.
const generated = mkdtempSync(path.join(os.tmpdir(), 'nq57-reader-'));
generateFixture(generated, 300, 400);
afterAll(() => rmSync(generated, { recursive: true, force: true }));

const FOLDERS = [
  ...['test/fixtures/content/valid', 'test/fixtures/content/invalid', 'test/fixtures/content/hostile-bodies', 'content'].map((f) => [f, path.resolve(f)]),
  ['a generated folder of 300 meetings', generated],
];

describe(readContentInParallel, () => {
  it.each(FOLDERS)('reads %s the same as readContent, problems, positions and HTML included', async (_, dir) => {
    const one = readContent(dir);
    // Workers on every meeting file, however few: the path a province's whole history takes.
    const many = await readContentInParallel(dir, { threads: 2, minMeetings: 0 });
    expect(many.problems).toEqual(one.problems);
    expect([...many.html]).toEqual([...one.html]);
    expect(many.model).toEqual(one.model);
    expect(one.html.size).toBeGreaterThan(0);
  });

  it('places problems that checks across files find in meeting files at their lines', async () => {
    const { problems } = await readContentInParallel(path.resolve('test/fixtures/content/invalid'), { threads: 2, minMeetings: 0 });
    // A task reference is checked against the whole registry, after the file was read on another thread.
    expect(problems).toContainEqual({ file: 'meetings/2025-06-15-hop.vi.md', line: 8, column: 13, severity: 'error', message: "unknown task 'T99'" });
  });
});
