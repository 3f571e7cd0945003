/** What page addresses depend on. */
export interface PathContext {
  /** The deploy base path, e.g. `/` or `/nq57/`. */
  base: string;
  /** The language served at the root; others live under `/LANG/`. */
  defaultLocale: string;
}

function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}

/** `/en` for a language other than the default, else nothing. */
export function localePrefix(ctx: PathContext, lang: string): string {
  return lang === ctx.defaultLocale ? '' : `/${lang}`;
}

/** The address of a page: base, language prefix, segments, trailing slash. */
export function pagePath(ctx: PathContext, lang: string, ...segments: string[]): string {
  const rest = segments.map((s) => encodeURIComponent(s)).join('/');
  return `${trimBase(ctx.base)}${localePrefix(ctx, lang)}/${rest ? `${rest}/` : ''}`;
}

/** The address of a file in the built site (data files, feeds), which is the same in every language. */
export function filePath(ctx: PathContext, file: string): string {
  return `${trimBase(ctx.base)}/${file.replace(/^\/+/, '')}`;
}

/** A meeting's news item in one language. */
export function meetingPath(ctx: PathContext, lang: string, id: string): string {
  return pagePath(ctx, lang, 'meetings', id);
}

/** A task's page. */
export function taskPath(ctx: PathContext, lang: string, id: string): string {
  return pagePath(ctx, lang, 'tasks', id);
}

/** A unit's page. */
export function unitPath(ctx: PathContext, lang: string, id: string): string {
  return pagePath(ctx, lang, 'units', id);
}

/** A programme's page. */
export function programmePath(ctx: PathContext, lang: string, id: string): string {
  return pagePath(ctx, lang, 'programmes', id);
}

/** The same page in another language: swaps the language prefix of a path. */
export function switchLocale(ctx: PathContext, path: string, from: string, to: string): string {
  const base = trimBase(ctx.base);
  const rest = path.slice(base.length + localePrefix(ctx, from).length) || '/';
  return `${base}${localePrefix(ctx, to)}${rest}`;
}
