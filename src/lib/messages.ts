import { dictionaries, translator, uiLang } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/translate.ts';

/**
 * The language of the messages given to authors: the content checks, the build, the scaffolds and
 * check:corrections. Chosen once per process from `--lang` or the
 * site's default locale, and read by every place that writes a message, so that a problem is written
 * in one language from the start, in the same dictionaries as the site.
 */
let current = 'vi';
let t = translator(current);

export function setMessageLang(lang: string): void {
  current = uiLang(lang);
  t = translator(current);
}

export function messageLang(): string {
  return current;
}

/** A message in the current language. */
export function msg(key: UiKey, params?: Record<string, string | number>): string {
  return t(key, params);
}

/** `{count} error` or `{count} errors`: the key's `.one` or `.other` form. */
export function msgCount(key: string, count: number): string {
  return t(`${key}.${count === 1 ? 'one' : 'other'}` as UiKey, { count });
}

/** Whether a schema's error text is a message key (schemas give keys; the checker writes them). */
export function isMessageKey(text: string): text is UiKey {
  return text.startsWith('problem.') && text in dictionaries.vi!;
}

/** Takes `--lang X` (or `--lang=X`) out of a command line: the language asked for, and the rest. */
export function splitLangArg(argv: readonly string[]): { lang?: string; rest: string[] } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') lang = argv[++i];
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  return lang === undefined ? { rest } : { lang, rest };
}

