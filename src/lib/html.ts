// HTML written as text, for the parts of pages made without Astro's templates: every value put into
// a template is escaped unless it is itself markup made here.

/** Markup: text that is put into a page as it is. */
export class Html {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text made safe for an element's content or a double-quoted attribute value (the only kind written here). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** A value in a template: markup as it is, a list part by part, nothing for null, undefined and false, anything else escaped. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function write(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(write).join('');
  return escapeHtml(String(value));
}

/** `` html`<a href="${href}">${label}</a>` ``: markup with every value escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let text = strings[0]!;
  for (let i = 0; i < values.length; i++) text += write(values[i]!) + strings[i + 1]!;
  return new Html(text);
}

/** An attribute, or nothing when its value is missing: `` attr('aria-current', current && 'page') ``. */
export function attr(name: string, value: string | number | null | undefined | false): Html {
  return new Html(value === null || value === undefined || value === false ? '' : ` ${name}="${escapeHtml(String(value))}"`);
}
