// What every page has around its content: the head, the site header with its navigation, and the
// footer. Both BaseLayout.astro and the pages made without a template (a task's page) use it; the
// navigation and the footer, the same on thousands of pages, are made once per language.
import { getImage } from 'astro:assets';
import stylesheet from '../styles/global.css?url';
import { logo, model, paths } from '../data/content.ts';
import { contentSecurityPolicy } from '../lib/csp.ts';
import { attr, html, Html } from '../lib/html.ts';
import { filePath, pagePath } from '../lib/paths.ts';
import { localise } from '../lib/text.ts';
import { formatDate, translator } from '../i18n/translate.ts';
import { inPreview, previewProblems } from '../lib/preview-problems.ts';
import { formatProblem } from '../lib/problems.ts';
import type { UiKey } from '../i18n/translate.ts';

export type Section = 'home' | 'meetings' | 'tasks' | 'units' | 'data' | 'about';

export interface ShellProps {
  lang: string;
  title: string;
  description?: string | undefined;
  /** This page in each other language; a language without one links to the same section there. */
  alternates?: Record<string, string> | undefined;
  /** The navigation item this page belongs to. */
  section?: Section | undefined;
  /** `article` for meeting news items. */
  type?: 'website' | 'article' | undefined;
  /** Structured data for search engines (schema.org), printed as JSON-LD. */
  jsonLd?: Record<string, unknown> | undefined;
  /** Share image for link previews, as a site-relative path. */
  image?: string | undefined;
  /** Script sources this page needs beyond the site's own files (the search page's WebAssembly). */
  scriptSources?: string[] | undefined;
  /** The page's address, site-relative. */
  pathname: string;
  /** A draft meeting's page, which only the preview shows. */
  draft?: boolean | undefined;
}

const SECTIONS: ReadonlyArray<readonly [Section, UiKey, readonly string[]]> = [
  ['home', 'nav.home', []],
  ['meetings', 'nav.meetings', ['meetings']],
  ['tasks', 'nav.tasks', ['tasks']],
  ['units', 'nav.units', ['units']],
  ['data', 'nav.data', ['data']],
  ['about', 'nav.about', ['about']],
];

/** The publisher's logo for structured data: the site's logo when it has one, else its icon. */
export function publisherLogo(): string {
  return absolute(logoImage?.src ?? filePath(paths, 'favicon.svg'));
}

/** The site's stylesheet, as built. */
export const stylesheetHref = stylesheet;

// The logo is processed once, not on every page.
const logoImage = logo && (await getImage({ src: logo, height: 48, width: Math.round((48 * logo.width) / logo.height) }));

const L = (text: Parameters<typeof localise>[0], lang: string) => localise(text, lang, paths.defaultLocale);
const absolute = (path: string) => new URL(path, model.site.url).href;

/** Remembers what `make` returns for each key. */
function remembered<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

/** The header's brand, search link and navigation, for one language and section. */
const navigation = remembered((key) => {
  const [lang, section] = key.split('\n') as [string, Section | ''];
  const t = translator(lang);
  const brand = html`<a class="app-header__brand" href="${pagePath(paths, lang)}">${logoImage && html`<img src="${logoImage.src}" alt="" class="app-header__logo" width="${logoImage.attributes.width as number}" height="${logoImage.attributes.height as number}" loading="eager" decoding="async">`}<span><span class="app-header__name">${L(model.site.name, lang)}</span> <span class="app-header__publisher">${L(model.site.publisher, lang)}</span></span></a> <a class="app-header__search" href="${pagePath(paths, lang, 'search')}">${t('search.title')}</a>`;
  const nav = html`<nav class="app-nav" aria-label="${t('nav.label')}"><ul class="app-nav__list">${SECTIONS.map(([id, label, segments]) => html`<li><a class="app-nav__link" href="${pagePath(paths, lang, ...segments)}"${attr('aria-current', id === section && 'page')}>${t(label)}</a></li>`)}</ul></nav>`;
  return { brand, nav };
});

/** The footer, for one language. */
const footer = remembered((lang) => {
  const t = translator(lang);
  const { contact } = model.site;
  const publisher = L(model.site.publisher, lang);
  return html`<footer class="app-footer"><div class="app-footer__inner"><p><strong>${L(model.site.name, lang)}</strong><br>${t('footer.publisher', { publisher })}</p>${
    contact &&
    html`<p>${t('footer.contact')}:${contact.address && html` ${L(contact.address, lang)}`}${contact.phone && html` · <a href="tel:${contact.phone.replace(/\s+/g, '')}">${contact.phone}</a>`}${contact.email && html` · <a href="mailto:${contact.email}">${contact.email}</a>`}${contact.url && html` · <a href="${contact.url}">${contact.url}</a>`}</p>`
  }<p><a href="${pagePath(paths, lang, 'data')}">${t('footer.data')}</a>: <a href="${filePath(paths, 'data/meetings.json')}">meetings.json</a>, <a href="${filePath(paths, 'data/tasks.json')}">tasks.json</a>, <a href="${filePath(paths, 'data/tasks.csv')}">tasks.csv</a>, <a href="${filePath(paths, 'data/progress.json')}">progress.json</a> · <a href="${pagePath(paths, lang, 'about')}">${t('footer.about')}</a></p><p>${t('asOf', { date: formatDate(model.asOf, lang) })}</p></div></footer>`;
});

/** What goes in `<head>`, but for the stylesheet and scripts, which Astro adds to its pages. */
export function shellHead(props: ShellProps): Html {
  const { lang, title, description, alternates = {}, type = 'website', jsonLd, image, scriptSources } = props;
  const t = translator(lang);
  const siteName = L(model.site.name, lang);
  const pageTitle = title === siteName ? title : `${title} | ${siteName}`;
  const canonical = absolute(props.pathname);
  const summary = description ?? L(model.site.description, lang);
  const others = model.site.locales.filter((l) => l !== lang);
  // The page in every language it has, itself included, and the default language's for anyone else (x-default).
  const translated = others.filter((other) => alternates[other]);
  const defaultHref = lang === paths.defaultLocale ? canonical : alternates[paths.defaultLocale] && absolute(alternates[paths.defaultLocale]!);
  const hreflang = translated.length > 0 && html`<link rel="alternate" hreflang="${lang}" href="${canonical}">${translated.map((other) => html`<link rel="alternate" hreflang="${other}" href="${absolute(alternates[other]!)}">`)}${defaultHref && html`<link rel="alternate" hreflang="x-default" href="${defaultHref}">`}`;
  // JSON-LD is data, not script; `<` is escaped so that no text in it can close the element.
  const jsonLdText = jsonLd && JSON.stringify({ '@context': 'https://schema.org', ...jsonLd }).replace(/</g, '\\u003c');
  return html`<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="content-security-policy" content="${contentSecurityPolicy(scriptSources)}"><title>${pageTitle}</title><link rel="icon" href="${filePath(paths, 'favicon.svg')}" type="image/svg+xml">${summary && html`<meta name="description" content="${summary}">`}<link rel="canonical" href="${canonical}">${hreflang}<link rel="alternate" type="application/rss+xml" title="${t('feed.title')}" href="${pagePath(paths, lang).replace(/\/$/, '/rss.xml')}"><meta property="og:type" content="${type}"><meta property="og:site_name" content="${siteName}"><meta property="og:title" content="${title}">${summary && html`<meta property="og:description" content="${summary}">`}<meta property="og:url" content="${canonical}"><meta property="og:locale" content="${lang === 'vi' ? 'vi_VN' : lang === 'en' ? 'en_GB' : lang}">${image && html`<meta property="og:image" content="${absolute(image)}"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">`}<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}"><meta name="twitter:title" content="${title}">${summary && html`<meta name="twitter:description" content="${summary}">`}${image && html`<meta name="twitter:image" content="${absolute(image)}">`}${jsonLdText && html`<script type="application/ld+json">${new Html(jsonLdText)}</script>`}`;
}

/**
 * In the preview only (`npm run dev`): the content's errors, each with its file and line, and a
 * note on a draft's page. A build has neither: it stops on a problem, and leaves drafts out.
 */
function previewNotes(lang: string, draft: boolean | undefined): Html | false {
  if (!inPreview()) return false;
  const t = translator(lang);
  // Errors only: they are what keeps the page from showing the content as it is now (the terminal has the warnings too).
  const problems = previewProblems().filter((p) => p.severity === 'error');
  const count = problems.length;
  const list =
    count > 0 &&
    html`<div class="app-preview" role="alert"><p><strong>${t(`preview.problems.${count === 1 ? 'one' : 'other'}` as UiKey, { count })}</strong></p><ul class="app-preview__list">${problems.map((p) => html`<li><code>${formatProblem(p)}</code></li>`)}</ul></div>`;
  const note = draft && html`<p class="app-draft" role="note">${t('preview.draft')}</p>`;
  return html`${list}${note}`;
}

/** The skip link and the site header, with links to this page in the other languages. */
export function shellHeader({ lang, alternates = {}, section, draft }: ShellProps): Html {
  const t = translator(lang);
  const { brand, nav } = navigation(`${lang}\n${section ?? ''}`);
  const entry = SECTIONS.find(([id]) => id === section);
  const others = model.site.locales.filter((l) => l !== lang);
  const languages = others.length > 0 && html`<ul class="app-lang" aria-label="${t('lang.label')}">${others.map((other) => html`<li><a href="${alternates[other] ?? pagePath(paths, other, ...(entry ? entry[2] : []))}" hreflang="${other}" lang="${other}">${translator(other)('lang.name')}</a></li>`)}</ul>`;
  return html`<a class="app-skip" href="#main">${t('skip')}</a><header class="app-header"><div class="app-header__inner">${brand} ${languages}</div>${nav}</header>${previewNotes(lang, draft)}`;
}

/** The site footer. */
export function shellFooter({ lang }: ShellProps): Html {
  return footer(lang);
}

/** A whole page around `main`, for pages made without a template. */
export function shellPage(props: ShellProps, main: Html): string {
  return html`<!DOCTYPE html><html lang="${props.lang}"><head>${shellHead(props)}<link rel="stylesheet" href="${stylesheetHref}"></head><body>${shellHeader(props)}<main id="main" class="app-main">${main}</main>${shellFooter(props)}</body></html>`.text;
}
