import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readingDataStore } from '../../../src/integrations/data-store-module.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'nq57-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A store as Astro writes it (devalue's flattened form), with text that needs escaping in a string literal.
const STORE = JSON.stringify([['Map', 1], ['tasks', 2], ['Map', 3], ['K1', 4], { title: 5 }, 'Số hoá "hồ sơ" \\ \u2028 xong']);

/** Imports `code` as a module and gives its default export. */
async function load(code: string, name: string): Promise<unknown> {
  const file = path.join(scratch, name);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

describe(readingDataStore, () => {
  it("gives a module that reads the store's file and parses it as Astro's inlined module does", async () => {
    const file = path.join(scratch, 'data-store.json');
    writeFileSync(file, STORE);
    // The module as Astro makes it, for comparison.
    const astros = `export default JSON.parse(${JSON.stringify(STORE)})`;
    const reading = readingDataStore(file);
    expect(reading).toBeDefined();
    expect(reading).not.toContain('hồ sơ');
    expect(await load(reading!, 'reading.mjs')).toEqual(await load(astros, 'inlined.mjs'));
  });

  it('gives nothing where no store was written, so that Astro makes the module', () => {
    expect(readingDataStore(path.join(scratch, 'none.json'))).toBeUndefined();
  });
});
