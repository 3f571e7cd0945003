import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setMessageLang } from '../../../src/lib/messages.ts';
import { bodyProcessor, mayLoseMarkup, renderMeetingBody } from '../../../src/lib/markdown.ts';

// Everything a hostile body could try; none of it may reach the page as markup that runs.
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '[link](javascript:alert(1))',
  '[ref][r]\n\n[r]: javascript:alert(1)',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="https://evil.example"><input name=q><button>go</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<details open ontoggle="alert(1)">x</details>',
  '<p onclick="alert(1)">click</p>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<style>body{display:none}</style>',
  '<template><script>alert(1)</script></template>',
  '![x](https://tracker.example/pixel.png)',
];

function assertInert(html: string) {
  expect(html).not.toMatch(/<script|<iframe|<object|<embed|<svg|<math|<style|<meta|<base|<link|<form|<img/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:/i);
  expect(html).not.toMatch(/href="data:/i);
  expect(html).not.toMatch(/style=/i);
}

describe(renderMeetingBody, () => {
  it.each(HOSTILE)('neutralises %s', (body) => {
    assertInert(renderMeetingBody(body, 'vi').html);
  });

  it('neutralises all hostile bodies together', () => {
    assertInert(renderMeetingBody(HOSTILE.join('\n\n'), 'vi').html);
  });

  it('reports each removal at its line and column', () => {
    const { removed } = renderMeetingBody('Intro.\n\n<script>alert(1)</script>\n\nText <b onclick="x()">bold</b> and [a](javascript:x).\n', 'vi');
    expect(removed.map((r) => [r.line, r.column])).toEqual([
      [3, 1],
      [5, 6],
      [5, 36],
    ]);
    expect(removed[0]!.message).toContain('<script>');
    expect(removed[2]!.message).toContain("liên kết tới 'javascript:x' sẽ bị bỏ");
  });

  it('names removed attributes as they are written in HTML', () => {
    const body = '<p onclick="x()" style="color:red" data-x="1" aria-label="y">text</p>';
    expect(renderMeetingBody(body, 'vi').removed.map((r) => r.message)).toEqual(['các thuộc tính onclick, style, data-x, aria-label của thẻ <p> sẽ bị bỏ']);
    setMessageLang('en');
    try {
      expect(renderMeetingBody(body, 'vi').removed.map((r) => r.message)).toEqual(['attributes onclick, style, data-x, aria-label on <p> will be removed']);
    } finally {
      setMessageLang('vi');
    }
  });

  it('keeps Markdown, GFM tables and the harmless tags', () => {
    const { html, removed } = renderMeetingBody('**66/123** tasks, 10<sup>6</sup> USD<br>\n\n| a | b |\n| --- | --: |\n| 1 | 2 |\n\n[source](https://camau.gov.vn)', 'vi');
    expect(removed).toEqual([]);
    expect(html).toContain('<strong>66/123</strong>');
    expect(html).toContain('<sup>6</sup>');
    expect(html).toContain('<br>');
    expect(html).toContain('<td class="align-right">2</td>');
    expect(html).toContain('<a href="https://camau.gov.vn">source</a>');
  });

  it('gives table cells their alignment as a class, never the obsolete align attribute', () => {
    const { html, removed } = renderMeetingBody('| a | b | c |\n| :-- | :-: | --: |\n| 1 | 2 | 3 |\n\n<table><tr><td align="CENTER">x</td><td align="justify">y</td></tr></table>', 'vi');
    expect(removed).toEqual([]);
    expect(html).not.toContain('align=');
    expect(html).toContain('<th class="align-left">a</th>\n<th class="align-center">b</th>\n<th class="align-right">c</th>');
    expect(html).toContain('<td class="align-center">x</td><td>y</td>');
  });

  it('puts each table, Markdown or HTML, in a box that scrolls sideways where the screen is narrower, styled as the site’s tables', () => {
    const { html, removed } = renderMeetingBody('| a | b |\n| --- | --: |\n| 1 | 2 |\n\n<table class="x"><tr><td>3</td></tr></table>\n\n<div class="app-table-wrap">4</div>', 'vi');
    // Each box a region named in the body's language, as the site's own tables' boxes are.
    expect(html.match(/<section class="app-table-wrap" aria-label="Bảng \d" tabindex="0"><table class="app-table">/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Bảng 1"');
    expect(html).toContain('aria-label="Bảng 2"');
    expect(html).not.toContain('class="x"');
    // What an author writes is not taken for the site’s box.
    expect(html).not.toContain('<div class="app-table-wrap">4');
    expect(removed.map((r) => r.message).join(' ')).toContain('<div>');
    expect(renderMeetingBody('| a |\n| --- |\n| 1 |', 'en').html).toContain('<section class="app-table-wrap" aria-label="Table 1" tabindex="0">');
    // Nor are a region and its name.
    const written = renderMeetingBody('<section aria-label="Bảng 1" role="region" tabindex="0"><table><tr><td>5</td></tr></table></section>', 'vi');
    expect(written.html).toBe('<section><section class="app-table-wrap" aria-label="Bảng 1" tabindex="0"><table class="app-table"><tbody><tr><td>5</td></tr></tbody></table></section></section>');
    expect(written.removed.map((r) => r.message)).toEqual(['các thuộc tính aria-label, role, tabindex của thẻ <section> sẽ bị bỏ']);
  });

  it('links each footnote to its note and back, with their ids as the sanitiser prefixed them, named in the body’s language', () => {
    const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const targets = (html: string) => [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]);
    for (const body of ['Số liệu[^a] và[^b], lại[^a].\n\n[^a]: Theo báo cáo.\n[^b]: Khác.', 'Số liệu[^a] <mark>và</mark>[^b], lại[^a].\n\n[^a]: Theo báo cáo.\n[^b]: Khác.']) {
      const { html, removed } = renderMeetingBody(body, 'vi');
      expect(removed).toEqual([]);
      // Every link goes to an element of the body, every id once, each behind the sanitiser's prefix.
      expect(targets(html).length).toBe(6);
      for (const target of targets(html)) expect(ids(html)).toContain(target);
      expect(new Set(ids(html)).size).toBe(ids(html).length);
      for (const id of ids(html)) expect(id).toMatch(/^user-content-(?!user-content-)/);
      expect(html).toContain('<h2 class="sr-only" id="user-content-footnote-label">Chú thích</h2>');
      expect(html.match(/aria-label="Quay lại chỗ dẫn chú thích 1"/g)).toHaveLength(2);
      expect(html).toContain('aria-label="Quay lại chỗ dẫn chú thích 2"');
    }
    const english = renderMeetingBody('Figures[^1].\n\n[^1]: From the report.', 'en').html;
    expect(english).toContain('>Footnotes</h2>');
    expect(english).toContain('aria-label="Back to reference 1"');
  });

  it('takes an author’s link to an id in the body to that id as prefixed, and leaves one to no id there as written', () => {
    const { html } = renderMeetingBody('[đến ghi chú](#ghi-chu) <a id="ghi-chu">ghi chú</a> [trang](#khong-co)', 'vi');
    expect(html).toContain('<a href="#user-content-ghi-chu">đến ghi chú</a> <a id="user-content-ghi-chu">ghi chú</a> <a href="#khong-co">trang</a>');
    // With letters Markdown percent-encodes in the address, and a footnote named with them.
    const accented = renderMeetingBody('[đến](#ghi-chú) <a id="ghi-chú">ở đây</a>, số liệu[^ghi-chú].\n\n[^ghi-chú]: Theo báo cáo.', 'vi').html;
    expect(accented).toContain('<a href="#user-content-ghi-chú">đến</a> <a id="user-content-ghi-chú">ở đây</a>');
    for (const target of [...accented.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]!)) expect(accented).toContain(` id="${target}"`);
  });

  it('makes the body headings start at h2, under the page title', () => {
    expect(renderMeetingBody('# Kết luận\n\n## Chi tiết', 'vi').html).toBe('<h2>Kết luận</h2>\n<h2>Chi tiết</h2>');
  });

  it('keeps text of removed tags but drops the content of script-like ones', () => {
    const { html } = renderMeetingBody('<span>kept</span> <script>dropped()</script>', 'vi');
    expect(html).toContain('kept');
    expect(html).not.toContain('dropped');
  });

  it('renders a body without raw HTML the same as one that goes through the HTML parser', () => {
    // A body with no '<' skips rehype-raw; a comment, which the sanitiser drops, sends it through.
    // The HTML parser writes an empty attribute as `x=""` where the direct path writes `x`: the same markup.
    const same = (html: string) => html.trim().replace(/=""/g, '');
    const bodies = [
      '# Kết luận\n\nCuộc họp **thống nhất** _ba_ nội dung: `mã`, ~~bỏ~~, [nguồn](https://camau.gov.vn/a?b=1&c=2 "tiêu đề").',
      '| Chỉ tiêu | Số |\n| --- | --: |\n| Tổng số | 123 |\n| Hoàn thành | 66 |\n\n- [x] xong\n- [ ] chưa',
      '[link](javascript:alert(1)) and [ref][r] and https://camau.gov.vn\n\n[r]: javascript:alert(2)\n\n![ảnh](https://tracker.example/p.png)',
      '> Trích dẫn\n>\n> 1. một\n> 2. hai\n\n---\n\nChú thích[^1]\n\n[^1]: Nguồn: Cổng thông tin.\n\n    code block\n\n&amp; &copy; &#x27;',
    ];
    for (const body of bodies) {
      const direct = renderMeetingBody(body, 'vi');
      const parsed = renderMeetingBody(`<!-- -->\n\n${body}`, 'vi');
      expect(same(direct.html)).toBe(same(parsed.html));
      expect(direct.removed).toEqual(parsed.removed.map((r) => ({ ...r, line: r.line - 2 })));
    }
    expect(renderMeetingBody(bodies[2]!, 'vi').removed.length).toBeGreaterThan(0);
  });
});

describe('HTML comments in a meeting body', () => {
  it('warn where a comment that hides markup is removed, and say nothing of a plain note', () => {
    const hidden = renderMeetingBody('Đoạn một.\n\n<!--\n<script>alert(1)</script>\n-->\n\nĐoạn hai <!-- <img src=x onerror=alert(1)> --> tiếp.', 'vi');
    expect(hidden.html).not.toMatch(/script|img|alert/);
    expect(hidden.removed.map((r) => [r.line, r.column])).toEqual([[3, 1], [7, 10]]);
    expect(hidden.removed[0]!.message).toBe('chú thích HTML che mã <script>: nó sẽ bị bỏ cùng mọi thứ bên trong; hãy xoá chú thích, hoặc bỏ <!-- và --> nếu muốn đăng nội dung đó');
    expect(hidden.removed[1]!.message).toContain('<img>');
    expect(renderMeetingBody('Ghi chú <!-- cần kiểm tra lại số liệu --> ở đây.', 'vi').removed).toEqual([]);
  });

  it('leave no stray "-->" after "<!-->", which closes at once in HTML', () => {
    for (const [markdown, expected] of [
      ['Đoạn <!--><script>alert(1)</script>--> sau.', '<p>Đoạn  sau.</p>'],
      ['Đoạn <!---><b>ẩn</b>--> sau.', '<p>Đoạn  sau.</p>'],
      ['<!-->\n\n<script>alert(1)</script>\n\n-->\n\nSau.', '<p>Sau.</p>'],
    ] as const) {
      const rendered = renderMeetingBody(markdown, 'vi');
      expect(rendered.html.trim()).toBe(expected);
      expect(rendered.removed[0]!.message).toMatch(/^'<!-->' đóng chú thích HTML ngay lập tức; phần sau nó đến '-->'/);
    }
  });
});

describe('GFM autolink literals, parsed only where a body may hold one', () => {
  const full = (markdown: string) => bodyProcessor(markdown.includes('<'), 'all').processSync({ value: markdown, data: { lang: 'vi' } });
  const bodiesIn = (dir: URL) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(new URL(name, dir), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  const WRITTEN = [
    'Liên hệ vanphong@camau.gov.vn hoặc mailto:vp@camau.gov.vn để biết thêm.',
    'Xem www.camau.gov.vn, WWW.CAMAU.GOV.VN và Www.camau.gov.vn/tin-tuc?id=1.',
    'Nguồn: https://camau.gov.vn/a?b=1&c=2), HTTP://CAMAU.GOV.VN và http://x.vn.',
    'Một [liên kết](https://camau.gov.vn) và một <https://camau.gov.vn>, không có địa chỉ trần.',
    'Gần giống mà không phải: www. alone, http:/x, https:, user at camau dot gov dot vn.',
    '| Cột | Số |\n| --- | --: |\n| a@b.vn | www.x.vn |\n\n~~bỏ~~ và chú thích[^1]\n\n[^1]: https://x.vn\n\n- [x] xong\n- [ ] chưa',
    '**đậm**www.x.vn_nghiêng_ và `www.code.vn` và email@ở-đây',
  ];

  it('renders every body as remark-gfm with all of them does', () => {
    const bodies = [...WRITTEN, ...bodiesIn(new URL('../../../content/', import.meta.url)), ...bodiesIn(new URL('../../fixtures/content/', import.meta.url))];
    expect(bodies.length).toBeGreaterThan(30);
    for (const body of bodies) {
      const reference = full(body);
      expect(renderMeetingBody(body, 'vi').html, body).toBe(String(reference.value));
    }
  });

  it('leaves them out of a body without "@", "www." or "http(s)://", where they would otherwise be found', () => {
    expect(String(bodyProcessor(false, 'none').processSync('www.camau.gov.vn a@b.vn').value)).toBe('<p>www.camau.gov.vn a@b.vn</p>');
    expect(String(bodyProcessor(false, 'web').processSync('www.camau.gov.vn').value)).toBe('<p><a href="http://www.camau.gov.vn">www.camau.gov.vn</a></p>');
    expect(renderMeetingBody('www.camau.gov.vn a@b.vn', 'vi').html).toBe('<p><a href="http://www.camau.gov.vn">www.camau.gov.vn</a> <a href="mailto:a@b.vn">a@b.vn</a></p>');
  });
});

describe(mayLoseMarkup, () => {
  // Pieces of Markdown and of text, joined at random: every construct the body schema keeps, and the
  // near misses of those it may refuse (a bracket without its parenthesis, a colon after a space).
  const PIECES = [
    'chữ', ' ', '\n', '\n\n', '  \n', '\\\n', '# ', '## ', '###### ', '> ', '- ', '* ', '+ ', '1. ', '3) ', '- [ ] ', '- [x] ',
    '*', '**', '_', '~', '~~', '`', '``', '    mã', '---', '***', '===', '|', ' | ', '| --- | :-: | --: |', '[', ']', '(', ')', '!', '[^1]', '^',
    ':', '&amp;', '&#106;', '&lt;script&gt;', 'javascript:alert(1)', 'xmpp:', 'mailto:', 'www.camau.gov.vn', 'https://camau.gov.vn/a?b=1', 'http:/x',
    '"', "'", '=', '{', '}', '\t', '[link] (javascript:x)', '[ref]', '[ref] : javascript:x', '\\<', 'Ca Mau 2025',
    '```', '```c++', '~~~ js x', 'xmpp:ban@camau.gov.vn', 'vp@camau.gov.vn', '@',
    '](https://camau.gov.vn/a?b=1)', '](/tasks/T-1/)', '](#tin)', '](tel:02903831234)', '](mailto:vp@camau.gov.vn)', ']: https://camau.gov.vn', ']:',
    '](javascript:x)', '](&#106;avascript:x)', '](\\javascript:x)', '](HTTPS://x)', '](https:x)', '](x(y):z)', ']:\n  javascript:x', '[r]', '!',
  ];

  it('is false only where rendering removes nothing, on 6,000 generated bodies', () => {
    let seed = 57;
    const next = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), seed | 1);
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
      return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
    };
    let without = 0;
    let linked = 0;
    for (let i = 0; i < 6_000; i++) {
      const body = Array.from({ length: 1 + next(24) }, () => PIECES[next(PIECES.length)]).join('');
      if (mayLoseMarkup(body)) continue;
      without++;
      if (/\][(:]/.test(body)) linked++;
      expect(renderMeetingBody(body, 'vi').removed, body).toEqual([]);
    }
    // The claim is tried on many bodies, many of them with a link or a definition the sanitiser keeps.
    expect(without).toBeGreaterThan(1_500);
    expect(linked).toBeGreaterThan(500);
  });

  it('is true for each way a body can lose markup', () => {
    const LOSING = [
      '<b onclick="x">b</b>', '<!-- <script> -->', '<javascript:alert(1)>', '[x](javascript:alert(1))', '![ảnh](https://camau.gov.vn/a.png)',
      '[x][r]\n\n[r]: javascript:alert(1)', '[^1]\n\n[^1]: <b onclick="x">b</b>',
      '[x](&#106;avascript:alert(1))', '[x](java\\script:alert(1))', '[x][r]\n\n[r]:\n  data:text/html,x',
      // A scheme far into a long address.
      `[x](${'a'.repeat(3000)}:alert(1))`,
    ];
    for (const body of LOSING) {
      expect(renderMeetingBody(body, 'vi').removed.length, body).toBeGreaterThan(0);
      expect(mayLoseMarkup(body), body).toBe(true);
    }
  });
});
