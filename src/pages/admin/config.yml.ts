// The web editor's configuration, made at build time from the schemas and the content's ids.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { model, paths } from '../../data/content.ts';
import { cmsConfig } from '../../lib/cms-config.ts';
import { contentDir } from '../../loaders/content-dir.ts';
import { translator } from '../../i18n/translate.ts';

/** A field's label and help text in the site's language, with its name in the file and in the other language. */
function words(lang: string, other: string | undefined) {
  const t = translator(lang);
  const o = other ? translator(other) : undefined;
  return (key: string) => {
    if (key.startsWith('collection.')) return { label: t(`cms.${key}` as never) };
    const label = t(`cms.field.${key}` as never);
    if (key.includes('.')) return { label };
    const hint = [t(`cms.hint.${key}` as never), `${key}${o ? ` · ${o(`cms.field.${key}` as never)}` : ''}`].filter(Boolean).join(' — ');
    return { label, hint };
  };
}

export const GET: APIRoute = () => {
  const dir = contentDir();
  const lang = paths.defaultLocale;
  const other = model.site.locales.find((l) => l !== lang);
  const config = cmsConfig({
    contentPath: path.relative(process.cwd(), dir).split(path.sep).join('/') || '.',
    locales: model.site.locales,
    defaultLocale: lang,
    jurisdiction: model.site.jurisdiction.id,
    ids: { tasks: model.tasks.map((v) => v.task.id), units: model.units.map((u) => u.id), programmes: model.programmes.map((p) => p.id) },
    taskFiles: readdirSync(path.join(dir, 'tasks')).filter((f) => /\.ya?ml$/.test(f)).sort(),
    // The repository the publish workflow runs in; elsewhere CMS_REPO names it.
    repo: process.env.CMS_REPO || process.env.GITHUB_REPOSITORY || 'OWNER/REPO',
    branch: process.env.CMS_BRANCH || 'main',
    words: words(lang, other),
  });
  return new Response(stringify(config, { lineWidth: 0 }), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
