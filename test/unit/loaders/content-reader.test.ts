import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContent, readContentInParallel } from '../../../src/loaders/content-reader.ts';
import { ReadCache } from '../../../src/loaders/read-cache.ts';
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
    expect(problems).toContainEqual({ file: 'meetings/2025-06-15-hop.vi.md', line: 8, column: 13, severity: 'error', message: "không có nhiệm vụ nào mang mã 'T99'" });
  });
});

/** The files whose readings are kept: meeting files and the list files (site.yaml is always read). */
function cacheable(dir: string): number {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/'));
  return files.filter((f) => /^(meetings\/.+|tasks\/.+\.ya?ml|programmes\.yaml|units\.yaml)$/.test(f)).length;
}

describe('reading with a cache of earlier readings', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'nq57-read-cache-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(FOLDERS)('reads %s the same, whether each file comes from the cache or not', async (name, dir) => {
    const cacheFile = path.join(scratch, `${name.replace(/\W+/g, '-')}.bin`);
    const fresh = readContent(dir);
    const first = ReadCache.open(cacheFile);
    const filled = await readContentInParallel(dir, { threads: 2, minMeetings: 0, cache: first });
    first.save();
    const second = ReadCache.open(cacheFile);
    const kept = await readContentInParallel(dir, { threads: 2, minMeetings: 0, cache: second });
    expect(first.hits).toBe(0);
    expect(second.hits).toBe(cacheable(dir));
    for (const read of [filled, kept]) {
      expect(read.problems).toEqual(fresh.problems);
      expect([...read.html]).toEqual([...fresh.html]);
      expect(read.model).toEqual(fresh.model);
    }
  });

  it('reads again a file that changed, and takes the rest from the cache', async () => {
    const dir = path.join(scratch, 'changed');
    cpSync(path.resolve('test/fixtures/content/valid'), dir, { recursive: true });
    const cacheFile = path.join(scratch, 'changed.bin');
    const before = ReadCache.open(cacheFile);
    await readContentInParallel(dir, { cache: before });
    before.save();
    const meeting = readdirSync(path.join(dir, 'meetings')).find((f) => f.endsWith('.vi.md'))!;
    appendFileSync(path.join(dir, 'meetings', meeting), '\nMột đoạn mới ở cuối biên bản.\n');
    const after = ReadCache.open(cacheFile);
    const read = await readContentInParallel(dir, { cache: after });
    expect(read.html.get(`meetings/${meeting}`)).toContain('Một đoạn mới ở cuối biên bản.');
    expect(read.problems).toEqual(readContent(dir).problems);
    expect(after.hits).toBe(cacheable(dir) - 1);
  });
});
