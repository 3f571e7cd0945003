import { describe, expect, it } from 'vitest';
import { endpointPageUrl } from '../../../src/lib/dev-endpoint-pages.ts';

describe(endpointPageUrl, () => {
  it('gives a task’s or a meeting’s address the file name its endpoint makes, in any language and under a base path', () => {
    expect(endpointPageUrl('/tasks/K3/')).toBe('/tasks/K3/index.html');
    expect(endpointPageUrl('/en/meetings/2025-09-25-hop-quy-3/')).toBe('/en/meetings/2025-09-25-hop-quy-3/index.html');
    expect(endpointPageUrl('/nq57/en/tasks/K3/?from=search')).toBe('/nq57/en/tasks/K3/index.html?from=search');
  });

  it('gives the web editor’s address its page’s file name, under a base path too', () => {
    expect(endpointPageUrl('/admin/')).toBe('/admin/index.html');
    expect(endpointPageUrl('/nq57/admin/')).toBe('/nq57/admin/index.html');
    expect(endpointPageUrl('/admin/config.yml')).toBeUndefined();
  });

  it('leaves the listings, the files beside the pages and every other address alone', () => {
    for (const url of ['/tasks/', '/en/meetings/', '/tasks/status/completed/', '/meetings/level/province/', '/meetings/2025-09-25-hop-quy-3/share.png', '/tasks/K3/index.html', '/units/u-khcn/', '/']) {
      expect(endpointPageUrl(url), url).toBeUndefined();
    }
  });
});
