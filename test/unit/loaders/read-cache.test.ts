import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadCache } from '../../../src/loaders/read-cache.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'nq57-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe(ReadCache, () => {
  it('gives back what was kept, by file name and text', () => {
    const file = path.join(scratch, 'kept.bin');
    const cache = ReadCache.open(file);
    cache.set(ReadCache.key('tasks/a.yaml', 'id: T1'), { items: [1] });
    cache.save();
    const again = ReadCache.open(file);
    expect(again.get(ReadCache.key('tasks/a.yaml', 'id: T1'))).toEqual({ items: [1] });
    expect(again.get(ReadCache.key('tasks/a.yaml', 'id: T2'))).toBeUndefined();
    expect(again.get(ReadCache.key('tasks/b.yaml', 'id: T1'))).toBeUndefined();
    expect(again.hits).toBe(1);
  });

  it('keeps only what the last build read, so it does not grow with every version of a file', () => {
    const file = path.join(scratch, 'pruned.bin');
    const first = ReadCache.open(file);
    first.set(ReadCache.key('a', 'old'), 'a, old');
    first.set(ReadCache.key('b', 'same'), 'b');
    first.save();
    const second = ReadCache.open(file);
    second.get(ReadCache.key('b', 'same'));
    second.set(ReadCache.key('a', 'new'), 'a, new');
    second.save();
    const third = ReadCache.open(file);
    expect(third.get(ReadCache.key('a', 'old'))).toBeUndefined();
    expect(third.get(ReadCache.key('a', 'new'))).toBe('a, new');
    expect(third.get(ReadCache.key('b', 'same'))).toBe('b');
  });

  it('keeps a reading as it was given, whatever is done with it afterwards', () => {
    const file = path.join(scratch, 'copies.bin');
    const cache = ReadCache.open(file);
    const reading = { items: [{ id: 'T1' }] };
    cache.set('k', reading);
    reading.items.push({ id: 'changed after it was kept' });
    cache.save();
    const again = ReadCache.open(file);
    again.get<typeof reading>('k')!.items.length = 0;
    expect(again.get('k')).toEqual({ items: [{ id: 'T1' }] });
  });

  it('ignores a cache written by other reading code, or one it cannot read', () => {
    const key = ReadCache.key('a', 'text');
    const other = path.join(scratch, 'other-code.bin');
    writeFileSync(other, serialize({ code: 'an older reader', entries: new Map([[key, 'stale']]) }));
    expect(ReadCache.open(other).get(key)).toBeUndefined();
    const broken = path.join(scratch, 'broken.bin');
    writeFileSync(broken, 'not a cache');
    expect(ReadCache.open(broken).get(key)).toBeUndefined();
    expect(ReadCache.open(path.join(scratch, 'missing.bin')).get(key)).toBeUndefined();
  });

  it('is written whole, under its own name, with no temporary file left', () => {
    const dir = path.join(scratch, 'nested', 'folder');
    const cache = ReadCache.open(path.join(dir, 'cache.bin'));
    cache.set('k', 'v');
    cache.save();
    expect(readdirSync(dir)).toEqual(['cache.bin']);
    expect(ReadCache.open(path.join(dir, 'cache.bin')).get('k')).toBe('v');
  });
});
