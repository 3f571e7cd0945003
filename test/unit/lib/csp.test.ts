import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/lib/csp.ts';

describe('contentSecurityPolicy', () => {
  it('lets only the site’s own scripts and styles run, with nothing inline', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toBe("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('adds a page’s extra script sources to script-src only', () => {
    const policy = contentSecurityPolicy(["'wasm-unsafe-eval'"]);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy.match(/wasm-unsafe-eval/g)).toHaveLength(1);
  });
});
