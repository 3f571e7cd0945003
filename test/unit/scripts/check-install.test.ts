import { describe, expect, it } from 'vitest';
import { satisfies } from '../../../scripts/check-install.ts';

describe(satisfies, () => {
  it.each([
    ['v24.21.0', '>=22.12.0', true],
    ['v20.20.2', '>=22.12.0', false],
    ['v24.21.0', '^22.12.0 || ^24.0.0 || >=26.0.0', true],
    ['v25.0.0', '^22.12.0 || ^24.0.0 || >=26.0.0', false],
    ['v20.20.2', '18.20.8 || ^20.3.0 || >=22.0.0', true],
    ['v24.21.0', '>= 14.16.0', true],
    ['v24.21.0', '6.* || 8.* || >= 10.*', true],
    ['v9.0.0', '6.* || 8.* || >= 10.*', false],
    ['v24.21.0', '20 || >=22', true],
    ['v21.0.0', '20 || >=22', false],
    ['v24.21.0', '~24.20.0', false],
  ])('%s satisfies %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });
});
