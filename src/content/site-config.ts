import { parse } from 'yaml';
import { contentDir } from './dir.ts';
import { setMessageLang } from '../lib/messages.ts';
import { insideContentFolder, readContentText } from './files.ts';
import type { LocalisedText } from '../schemas/common.ts';

/** What the Astro config, the build and its integrations need from site.yaml, read apart from the content. */
export interface SiteConfig {
  /** The site's name: a string, or one per language. */
  name: LocalisedText;
  url: string;
  locales: string[];
  defaultLocale: string;
}

/**
 * Reads the site's name, deploy URL and languages: the one reading of site.yaml apart from the
 * content reader's. It never fails: bad content is reported by the content loaders, which stop a
 * build before anything that uses this is written.
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
  const name = typeof site.name === 'string' || (site.name && typeof site.name === 'object') ? (site.name as LocalisedText) : '';
  return { name, url, locales, defaultLocale };
}

/** Sets the language of the messages given to authors: the one asked for (`--lang`), else the site's default. */
export function chooseMessageLang(asked: string | undefined, dir: string = contentDir()): void {
  setMessageLang(asked ?? readSiteConfig(dir).defaultLocale);
}
