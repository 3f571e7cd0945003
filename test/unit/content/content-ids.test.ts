import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentIdsOf, readContentIds } from '../../../src/content/ids.ts';
import { readContent } from '../../../src/content/reader.ts';
import { buildSiteModel, siteInputFromContent } from '../../../src/lib/site-model.ts';
import { fixture } from '../../helpers/run.ts';

describe(contentIdsOf, () => {
  it.each([
    ['the valid fixture', fixture('valid')],
    ['the bundled content', path.resolve('content')],
  ])('gives the web editor the same choices from a build’s model as from reading %s', (_name, dir) => {
    const read = readContent(dir);
    const model = buildSiteModel(siteInputFromContent(read.model!), '2026-12-31');
    const ids = readContentIds(dir);
    expect(contentIdsOf(dir, model)).toEqual(ids);
    // Something to compare: the fixture has tasks, units and programmes, and two languages.
    if (dir === fixture('valid')) {
      expect(ids.tasks.length).toBeGreaterThan(1);
      expect(ids.units.length).toBeGreaterThan(0);
      expect(ids.programmes.length).toBeGreaterThan(0);
      expect(ids.locales).toEqual(['vi', 'en']);
    }
  });
});
