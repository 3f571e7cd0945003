import { describe, expect, it } from 'vitest';
import { attr, escapeHtml, html } from '../../../src/lib/html.ts';

describe('html', () => {
  it('escapes every value put into a template', () => {
    const title = '<script>alert("x")</script> & co';
    expect(html`<a href="${'/a?b=1&c="2"'}">${title}</a>`.text).toBe('<a href="/a?b=1&amp;c=&quot;2&quot;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</a>');
  });

  it('puts markup made with it in as it is, lists part by part, and nothing for null, undefined and false', () => {
    const items = ['a<b', 'c'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.text).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('writes an attribute only when it has a value', () => {
    expect(html`<a${attr('aria-current', 'page')}${attr('hreflang', undefined)}${attr('title', false)}>`.text).toBe('<a aria-current="page">');
    expect(attr('title', '"q"').text).toBe(' title="&quot;q&quot;"');
  });

  it('escapes text for content and double-quoted attributes', () => {
    expect(escapeHtml(`&<>"'`)).toBe(`&amp;&lt;&gt;&quot;'`);
  });
});
