import { describe, expect, it } from 'vitest';
import { contentOnly } from '../../../scripts/ci-changes.ts';

describe(contentOnly, () => {
  it('is true only when every changed file is in the content folder', () => {
    expect(contentOnly(['content/tasks/ctr-97.yaml', 'content/meetings/2025-09-18-a.vi.md'])).toBe(true);
    expect(contentOnly(['content/tasks/ctr-97.yaml', 'src/lib/progress.ts'])).toBe(false);
    expect(contentOnly(['package-lock.json'])).toBe(false);
    expect(contentOnly(['contents.md'])).toBe(false);
    expect(contentOnly([])).toBe(false);
    expect(contentOnly(['site/content/site.yaml'], './site/content/')).toBe(true);
  });
});
