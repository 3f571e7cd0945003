// Feeds, calendars, sitemap, structured data and data files of a built fixture, read with real parsers.
import { existsSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { builtFixture } from '../helpers/fixture-build.ts';
import { MeetingsJsonSchema, ProgressJsonSchema, TasksJsonSchema } from '../../src/schemas/outputs.ts';
import { dataFileErrors, htmlValidateSite, sitePages } from '../helpers/built-site.ts';
import vi from '../../src/i18n/vi.json' with { type: 'json' };
import FIELDS from '../../src/i18n/data-fields.json' with { type: 'json' };

const { out, read } = builtFixture('valid');
const SITE = 'https://tien-do.tinh-mau.example';
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'xhtml:link', 'category', 'sitemap'].includes(name) });

describe('data files', () => {
  it('match the published output schemas', () => {
    expect(() => MeetingsJsonSchema.parse(JSON.parse(read('data/meetings.json')))).not.toThrow();
    expect(() => TasksJsonSchema.parse(JSON.parse(read('data/tasks.json')))).not.toThrow();
    expect(() => ProgressJsonSchema.parse(JSON.parse(read('data/progress.json')))).not.toThrow();
  });

  it('each pass the JSON Schema published next to them (checked with ajv)', () => {
    expect(dataFileErrors(out)).toEqual([]);
  });

  it('hold every field the data page describes', () => {
    // A name such as `programmes.*.counts` or `reported[].reason`: every key of an object (`*`) or item of
    // a list (`[]`) on the way; a field is there when some object at the end of the path has it.
    const holders = (value: unknown, steps: string[]): unknown[] => {
      if (steps.length === 0) return [value];
      const [step, ...rest] = steps;
      if (step === '*') return Object.values(value as object).flatMap((v) => holders(v, rest));
      const inner = (value as Record<string, unknown>)[step!.replace(/\[\]$/, '')];
      return step!.endsWith('[]') ? (inner as unknown[]).flatMap((v) => holders(v, rest)) : holders(inner, rest);
    };
    const missing: string[] = [];
    for (const [file, names] of Object.entries(FIELDS)) {
      const data = JSON.parse(read(`data/${file}.json`));
      for (const name of names.flatMap((n) => n.split(', ').map((field, i, all) => (i === 0 ? field : all[0]!.replace(/[^.\]]+$/, field))))) {
        const steps = name.split('.');
        const last = steps.pop()!;
        const objects = Array.isArray(data) ? data.flatMap((item) => holders(item, steps)) : holders(data, steps);
        if (!objects.some((o) => o !== null && typeof o === 'object' && last in o)) missing.push(`${file}.json: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('are described by JSON Schemas published next to them', () => {
    for (const name of ['site', 'programmes', 'units', 'tasks', 'meeting', 'meetings-json', 'tasks-json', 'progress-json']) {
      const schema = JSON.parse(read(`data/schema/${name}.json`));
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`${SITE}/data/schema/${name}.json`);
    }
    expect(JSON.parse(read('data/schema/tasks.json')).items.properties.status.enum).toEqual(['not-started', 'in-progress', 'completed', 'cancelled', 'unknown']);
  });
});

describe('pages', () => {
  it('every one passes html-validate with the committed configuration', async () => {
    expect(await htmlValidateSite(out)).toEqual([]);
  });

  it('show no message key in place of its words, nor a parameter’s name, in either language', () => {
    // A message key missing from the dictionaries is shown as itself ("count.national"): a word of a
    // message namespace, a dot and more. File names ("progress.json") are left aside.
    const keys = new Set(Object.keys(vi));
    const namespaces = [...new Set([...keys].map((key) => key.split('.')[0]))].join('|');
    const keyLike = new RegExp(`(?<![\\w/.-])(?:${namespaces})\\.[a-z][\\w-]*(?:\\.[\\w-]+)*`, 'g');
    const fileName = /\.(?:json|csv|ics|xml|txt|md|yaml|html|png|svg|webp|jpg)$/;
    const shown: string[] = [];
    const pages = sitePages(out);
    for (const url of pages) {
      const html = read(path.join(url, 'index.html'));
      // What a reader sees or hears: the text, the names given to elements, and the charts' words.
      const attributes = [...html.matchAll(/\s(?:aria-label|title|alt|content|data-chart)="([^"]*)"/g)].map((m) => m[1]!.replace(/&quot;/g, '"'));
      const text = [html.replace(/<[^>]*>/g, ' '), ...attributes].join(' ');
      for (const m of text.matchAll(keyLike)) if (!fileName.test(m[0]) && !keys.has(m[0])) shown.push(`${url}: ${m[0]}`);
      // A message shown without a parameter it names keeps the name in braces ("{months}").
      for (const m of text.matchAll(/\{[a-zA-Z]+\}/g)) shown.push(`${url}: ${m[0]}`);
    }
    expect(pages.length).toBeGreaterThan(50);
    expect([...new Set(shown)]).toEqual([]);
  });
});

describe('sources', () => {
  it('are cited with their publisher and date wherever a page lists them, or by their address where they have no title', () => {
    const link = '<a href="https://tin-tuc.tinh-mau.example/ke-hoach-12">https://tin-tuc.tinh-mau.example/ke-hoach-12</a>';
    expect(read('programmes/kh-12/index.html')).toContain(`${link} — Cổng thông tin tỉnh Mẫu (12/1/2025)`);
    expect(read('en/programmes/kh-12/index.html')).toContain(`${link} — Mau province portal (12 Jan 2025)`);
    expect(read('meetings/2025-06-15-hop-quy-2/index.html')).toContain('<a href="https://tin-tuc.tinh-mau.example/hop-quy-2">Ban Chỉ đạo họp quý II</a> — Cổng thông tin tỉnh Mẫu');
  });
});

describe('a table in a meeting body', () => {
  it('is in a box that scrolls, named in the body’s language for a screen reader', () => {
    expect(read('meetings/2025-06-15-hop-quy-2/index.html')).toContain('<section class="app-table-wrap" aria-label="Bảng 1" tabindex="0"><table class="app-table">');
  });
});

describe('task lists', () => {
  it('say plainly that a complete registry has no task of a state', () => {
    // Every task of the fixture has a reported status; its registries are complete.
    for (const [file, words] of [['tasks/status/unknown/index.html', 'Không có nhiệm vụ nào.'], ['en/tasks/status/unknown/index.html', 'No tasks.']] as const) {
      expect(read(file), file).toContain(`<p>${words}</p>`);
      expect(read(file), file).not.toContain('class="app-notice"');
    }
  });
});

describe('the meeting timeline', () => {
  it('gives each reported figure in a line, saying what it covers beyond the programme', () => {
    const vi = read('meetings/index.html');
    expect(vi).toContain('<li>12/KH-UBND: hoàn thành 4, tổng số 11, quá hạn 1 (36,36%)</li>');
    expect(vi).toContain('<li>12/KH-UBND (Năm 2025): hoàn thành 3, tổng số 9, quá hạn 1</li>');
    expect(vi).toContain('<li>12/KH-UBND (Quý III/2025): tổng số 2, quá hạn 1</li>');
    expect(vi).toContain('<li>57-NQ/TW (toàn quốc): hoàn thành 485, đang thực hiện, đúng hạn 561, quá hạn 86 (43%)</li>');
    expect(read('en/meetings/index.html')).toContain('<li>12/KH-UBND: completed 1, total 11 (9.09%)</li>');
  });
});

describe('units', () => {
  it('count each unit’s tasks in a table whose caption gives the date', () => {
    expect(read('units/index.html')).toContain('<caption>Nhiệm vụ theo đơn vị chủ trì, tính đến 1/10/2025</caption>');
    expect(read('units/u-khcn/index.html')).toContain('class="app-counts"');
  });
});

describe('RSS feeds', () => {
  it('list every published meeting of the language, newest first, with title, link, date, lead and category', () => {
    const meetings = JSON.parse(read('data/meetings.json')) as Array<{ id: string; translations: Record<string, { title: string; url: string }> }>;
    for (const lang of ['vi', 'en']) {
      const feed = xml.parse(read(lang === 'vi' ? 'rss.xml' : 'en/rss.xml'));
      expect(feed.rss['@_version']).toBe('2.0');
      const items = feed.rss.channel.item as Array<Record<string, unknown>>;
      const expected = meetings.filter((m) => m.translations[lang]);
      expect(items.map((i) => i.link)).toEqual(expected.map((m) => `${SITE}${m.translations[lang]!.url}`));
      expect(items.map((i) => i.title)).toEqual(expected.map((m) => m.translations[lang]!.title));
      for (const item of items) {
        expect(Number.isNaN(Date.parse(String(item.pubDate)))).toBe(false);
        expect(String(item.description).length).toBeGreaterThan(0);
        expect((item.category as string[]).length).toBeGreaterThan(0);
      }
    }
    const q2 = (xml.parse(read('rss.xml')).rss.channel.item as Array<Record<string, unknown>>).find((i) => String(i.link).endsWith('/2025-06-15-hop-quy-2/'))!;
    expect(new Date(String(q2.pubDate)).toISOString()).toBe('2025-06-15T07:00:00.000Z');
  });

  it('has one feed per level', () => {
    const national = xml.parse(read('en/meetings/level/national/rss.xml')).rss.channel.item as Array<{ link: string }>;
    expect(national.map((i) => i.link)).toEqual([`${SITE}/en/meetings/2025-01-13-national-conference/`]);
    expect(xml.parse(read('meetings/level/commune/rss.xml')).rss.channel.item).toBeUndefined();
  });
});

describe('calendars', () => {
  it('hold every task deadline and direction deadline as all-day events with stable UIDs', () => {
    const calendar = new ICAL.Component(ICAL.parse(read('calendar/deadlines.ics')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const tasks = JSON.parse(read('data/tasks.json')) as Array<{ id: string; deadline?: string }>;
    const taskEvents = events.filter((e) => e.uid.startsWith('task-'));
    expect(taskEvents.map((e) => e.uid).sort()).toEqual(tasks.filter((t) => t.deadline).map((t) => `task-${t.id}@tien-do.tinh-mau.example`).sort());
    for (const event of events) expect(event.startDate.isDate).toBe(true);
    // The direction of 2025-06-15 is due the day of the task it names (K2): one event, which says it.
    expect(events.some((e) => e.uid === 'direction-2025-06-15-hop-quy-2-1@tien-do.tinh-mau.example')).toBe(false);
    const k2 = events.find((e) => e.uid === 'task-K2@tien-do.tinh-mau.example')!;
    expect(k2.startDate.toString()).toBe('2025-06-30');
    expect(k2.description).toContain('Hoàn thành số hóa hồ sơ một cửa.');
  });

  it('has one calendar per unit with only its deadlines', () => {
    const events = new ICAL.Component(ICAL.parse(read('calendar/units/u-noivu.ics'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(['task-K7@tien-do.tinh-mau.example', 'task-K4@tien-do.tinh-mau.example', 'task-K13@tien-do.tinh-mau.example']);
    expect(read('en/calendar/units/u-noivu.ics')).toContain('SUMMARY:K7: Review administrative procedures');
  });
});

describe('web editor', () => {
  it('is written to admin/ with its generated configuration, noindex and its own policy, and nothing else links to it or loads it', () => {
    const admin = read('admin/index.html');
    expect(admin).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(admin).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-eval';[^"]*connect-src 'self' blob:[^"]*">/);
    expect(admin).not.toMatch(/<script(?![^>]*\bsrc=")/);
    expect(read('admin/config.yml')).toMatch(/^# Made at build time/);
    expect(read('admin/config.yml')).toContain('structure: multiple_files');
    expect(read('admin/decap-cms.js').length).toBeGreaterThan(1_000_000);
    for (const page of sitePages(out)) expect(read(`${page.slice(1)}index.html`), page).not.toMatch(/admin\/|decap-cms/);
    expect(read('sitemap-0.xml')).not.toContain('/admin/');
  });
});

describe('sitemap and metadata', () => {
  it('lists every page, with hreflang alternates between translations', () => {
    const index = xml.parse(read('sitemap-index.xml'));
    const files = (index.sitemapindex.sitemap as Array<{ loc: string }>).map((s) => s.loc.replace(SITE, ''));
    const urls = files.flatMap((f) => xml.parse(read(f.slice(1))).urlset.url as Array<{ loc: string; 'xhtml:link'?: Array<Record<string, string>> }>);
    // Embeddable chart pages are for other sites' frames, not for search engines.
    expect(urls.map((u) => u.loc.replace(SITE, '')).sort()).toEqual(sitePages(out).filter((p) => !p.includes('/embed/')).sort());
    const home = urls.find((u) => u.loc === `${SITE}/`)!;
    expect(home['xhtml:link']!.map((l) => [l['@_hreflang'], l['@_href']])).toEqual([['vi', `${SITE}/`], ['en', `${SITE}/en/`]]);
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });

  it('ends each meeting with its source line: the title linked and the address written out, or the address linked once', () => {
    const line = (file: string) => /<footer class="app-source">\s*(.*?)\s*<\/footer>/s.exec(read(file))![1];
    expect(line('meetings/2025-06-15-hop-quy-2/index.html')).toBe(
      '<p>Nguồn: <a href="https://tin-tuc.tinh-mau.example/hop-quy-2">Ban Chỉ đạo họp quý II</a> — Cổng thông tin tỉnh Mẫu<br><span class="app-source__url">https://tin-tuc.tinh-mau.example/hop-quy-2</span></p>',
    );
    expect(line('meetings/2025-09-25-hop-quy-3/index.html')).toBe('<p>Nguồn: <a href="https://tin-tuc.tinh-mau.example/hop-quy-3">https://tin-tuc.tinh-mau.example/hop-quy-3</a></p>');
  });

  it('gives meeting pages a canonical URL, Open Graph, and NewsArticle JSON-LD', () => {
    const html = read('en/meetings/2025-06-15-hop-quy-2/index.html');
    expect(html).toContain(`<link rel="canonical" href="${SITE}/en/meetings/2025-06-15-hop-quy-2/">`);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain(`<link rel="alternate" hreflang="vi" href="${SITE}/meetings/2025-06-15-hop-quy-2/">`);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Mau province steering committee meets for Q2', datePublished: '2025-06-15T07:00:00.000Z', inLanguage: 'en' });
  });

  it('gives every meeting page a share image of its own, 1200×630', async () => {
    const sharp = (await import('sharp')).default;
    const meetings = JSON.parse(read('data/meetings.json')) as Array<{ translations: Record<string, { url: string }> }>;
    for (const { url } of meetings.flatMap((m) => Object.values(m.translations))) {
      const html = read(`${url.slice(1)}index.html`);
      expect(html).toContain(`<meta property="og:image" content="${SITE}${url}share.png">`);
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
      const { width, height, format } = await sharp(path.join(out, `${url.slice(1)}share.png`)).metadata();
      expect([width, height, format]).toEqual([1200, 630, 'png']);
    }
  });

  it('gives the data page Dataset JSON-LD naming every data file', () => {
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(read('data/index.html'))![1]!);
    expect(ld['@type']).toBe('Dataset');
    expect(ld.distribution.map((d: { contentUrl: string }) => d.contentUrl)).toEqual(['meetings.json', 'tasks.json', 'tasks.csv', 'progress.json'].map((f) => `${SITE}/data/${f}`));
    expect(existsSync(path.join(out, 'data/tasks.csv'))).toBe(true);
  });
});
