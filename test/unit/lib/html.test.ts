import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/lib/html.ts';

describe(escapeHtml, () => {
  it('escapes text for content and double-quoted attributes', () => {
    expect(escapeHtml(`&<>"'`)).toBe(`&amp;&lt;&gt;&quot;'`);
    expect(escapeHtml('<script>alert("x")</script> & co')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
  });
});
