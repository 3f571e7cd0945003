import { parse } from 'yaml';
import { contentDir } from './content-dir.ts';
import { setMessageLang } from '../lib/messages.ts';
import { insideContentFolder, readContentText } from './content-files.ts';

/** What the Astro config needs from site.yaml before the content is checked. */
export interface SiteConfig {
  url: string;
  locales: string[];
  defaultLocale: string;
}

/**
 * Reads the deploy URL and languages for astro.config.mjs. It never fails: bad content is
 * reported by the validator, which runs before every build.
 */
export function readSiteConfig(dir: string = contentDir()): SiteConfig {
  let site: Record<string, unknown> = {};
  try {
    // A site.yaml that links outside the content folder, or is not UTF-8, is not read (the validator
    // reports both).
    if (!insideContentFolder(dir, 'site.yaml')) throw new Error('outside the content folder');
    const parsed = parse(readContentText(dir, 'site.yaml'));
    if (parsed && typeof parsed === 'object') site = parsed as Record<string, unknown>;
  } catch {
    // The validator reports a missing or unreadable site.yaml.
  }
  const locales = Array.isArray(site.locales) && site.locales.length > 0 ? site.locales.map(String) : ['vi'];
  const url = typeof site.url === 'string' && /^https?:\/\//.test(site.url) ? site.url : 'https://example.invalid';
  const defaultLocale = typeof site.default_locale === 'string' && locales.includes(site.default_locale) ? site.default_locale : locales[0]!;
  return { url, locales, defaultLocale };
}

/** Sets the language of the messages given to authors: the one asked for (`--lang`), else the site's default. */
export function chooseMessageLang(asked: string | undefined, dir: string = contentDir()): void {
  setMessageLang(asked ?? readSiteConfig(dir).defaultLocale);
}
