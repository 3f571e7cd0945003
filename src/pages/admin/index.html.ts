// The web editor's page: Sveltia CMS, with its own Content-Security-Policy, kept out of search engines.
// Its script loads on this page only; the public pages carry none of it.
import type { APIRoute } from 'astro';
import { paths } from '../../data/content.ts';
import { adminContentSecurityPolicy } from '../../lib/admin-csp.ts';
import { html } from '../../lib/html.ts';
import { translator } from '../../i18n/translate.ts';

export const GET: APIRoute = () => {
  const t = translator(paths.defaultLocale);
  const base = `${import.meta.env.BASE_URL}admin/`;
  const page = html`<!doctype html><html lang="${paths.defaultLocale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><meta http-equiv="Content-Security-Policy" content="${adminContentSecurityPolicy()}"><title>${t('cms.title')}</title><link href="${base}config.yml" type="application/yaml" rel="cms-config-url"></head><body><noscript>${t('cms.noscript')}</noscript><script src="${base}sveltia-cms.js"></script></body></html>`;
  return new Response(page.text, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
