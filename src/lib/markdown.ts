import { unified } from 'unified';
import type { Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { sanitize } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import type { Schema } from 'hast-util-sanitize';
import type { Comment, Element, ElementContent, Nodes, Root, RootContent } from 'hast';
import { msg } from './messages.ts';
import { translator } from '../i18n/translate.ts';
import type { UiKey } from '../i18n/translate.ts';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** The language a body is written in. */
    lang: string;
  }
}

/** Tags that may stay in a meeting body: what Markdown itself produces, and a few harmless extras. */
export const ALLOWED_EXTRA_TAGS = ['sup', 'sub', 'br', 'abbr', 'mark', 'small'] as const;

/** The classes a table cell's alignment becomes (styled in global.css). */
const ALIGN_CLASSES = ['align-left', 'align-center', 'align-right'];

/** Elements removed together with everything inside them. */
const STRIPPED = ['script', 'style', 'iframe', 'object', 'embed', 'template', 'textarea', 'select', 'noscript', 'title', 'svg', 'math'];

/** What the sanitiser puts before every id of a body, so that none takes the name of one of the page's own. */
const ID_PREFIX = 'user-content-';

/**
 * The one allowlist for meeting bodies: the renderer removes what it does not allow,
 * and the validator warns about the same removals.
 */
export const BODY_SCHEMA: Schema = {
  tagNames: [
    'p', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'del', 's', 'blockquote',
    'ul', 'ol', 'li', 'a', 'code', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
    'input', 'section', ...ALLOWED_EXTRA_TAGS,
  ],
  attributes: {
    a: ['href', 'title', 'dataFootnoteRef', 'dataFootnoteBackref', ['className', 'data-footnote-backref'], 'ariaDescribedBy', 'id'],
    abbr: ['title'],
    code: [['className', /^language-[\w-]+$/]],
    h2: [['className', 'sr-only'], 'id'],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    li: [['className', 'task-list-item'], 'id'],
    ol: ['start', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    sup: [],
    // Column alignment from Markdown tables, as a class (`align` is obsolete in HTML, and the CSP
    // allows no inline style): see alignAsClass.
    td: [['className', ...ALIGN_CLASSES]],
    th: [['className', ...ALIGN_CLASSES]],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  ancestors: { tbody: ['table'], thead: ['table'], tr: ['table'], td: ['table'], th: ['table'], li: ['ol', 'ul'] },
  protocols: { href: ['http', 'https', 'mailto', 'tel'] },
  clobberPrefix: ID_PREFIX,
  clobber: ['ariaDescribedBy', 'id', 'name'],
  strip: STRIPPED,
};

// The validator looks at one element at a time, without its ancestors.
const ELEMENT_SCHEMA: Schema = { ...BODY_SCHEMA, ancestors: {}, clobber: [] };

/** Markup the sanitiser removed, where it stood in the Markdown (1-based, relative to the body). */
export interface RemovedMarkup {
  line: number;
  column: number;
  message: string;
}

/** A rendered meeting body. */
export interface RenderedBody {
  html: string;
  removed: RemovedMarkup[];
}

/** A table cell's `align` (from a Markdown table's `:---:`, or written by hand) becomes a class. */
function alignAsClass() {
  return (tree: Root) => {
    walk(tree, (node) => {
      if (node.type !== 'element' || (node.tagName !== 'th' && node.tagName !== 'td') || node.properties.align === undefined) return;
      const align = String(node.properties.align).toLowerCase();
      delete node.properties.align;
      if (ALIGN_CLASSES.includes(`align-${align}`)) node.properties.className = [`align-${align}`];
    });
  };
}

/**
 * A table is drawn as the site's tables are, in a box that scrolls sideways where the table is wider
 * than the screen (global.css: `.app-table-wrap`), and that takes the keyboard's focus so that it can
 * be scrolled without a mouse. The box is a region named in the body's language ("Bảng 1", "Table 2"),
 * as the site's own tables' boxes are named by their captions, so that a screen reader says what the
 * focus came to. Added after the sanitiser: the box, its name and the class are the site's markup,
 * which an author cannot write (the sanitiser removes `class`, `aria-*`, `role` and `tabindex`).
 */
function tablesInScrollBoxes() {
  return (tree: Root, file: VFile) => {
    let tables = 0;
    const wrap = (parent: Root | Element): void => {
      for (const [i, node] of parent.children.entries()) {
        if (node.type !== 'element') continue;
        wrap(node);
        if (node.tagName !== 'table') continue;
        node.properties.className = ['app-table'];
        const box = { className: ['app-table-wrap'], ariaLabel: inBodyLanguage(file)('body.table', { n: ++tables }), tabIndex: 0 };
        parent.children[i] = { type: 'element', tagName: 'section', properties: box, children: [node] };
      }
    };
    wrap(tree);
  };
}

/** The words of the body's language, for the site's markup in a body; asked only where there is some. */
function inBodyLanguage(file: VFile) {
  if (!file.data.lang) throw new Error('a body with a table or a footnote is rendered with its language (renderMeetingBody)');
  return translator(file.data.lang);
}

/** `text` with its percent-escapes decoded, or as it is where one is not valid UTF-8. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A link within a body (a footnote's, its way back, or one an author wrote to an `id` in the body)
 * goes to the id as the sanitiser wrote it: `href="#fn-1"` to `id="user-content-fn-1"`. The
 * footnotes' heading and each way back are named here, in the body's language: remark-rehype's
 * processor is shared by every language and names them in English, and the sanitiser removes the
 * name of a link.
 */
function linksWithinTheBody() {
  return (tree: Root, file: VFile) => {
    const ids = new Set<string>();
    // Each footnote reference's number as shown, by its id: what a way back to it is named after.
    const numbers = new Map<string, string>();
    walk(tree, (node) => {
      if (node.type !== 'element' || typeof node.properties.id !== 'string') return;
      ids.add(node.properties.id);
      if (node.properties.dataFootnoteRef !== undefined) numbers.set(node.properties.id, node.children.map((child) => (child.type === 'text' ? child.value : '')).join(''));
    });
    // No id, no link within the body and no footnotes (whose heading has one): most bodies.
    if (ids.size === 0) return;
    walk(tree, (node) => {
      if (node.type !== 'element') return;
      const href = node.properties.href;
      // As written, or as Markdown percent-encoded it (`#ghi-chú` becomes `#ghi-ch%C3%BA`).
      const target = typeof href === 'string' && href.startsWith('#') ? [href.slice(1), decoded(href.slice(1))].map((id) => ID_PREFIX + id).find((id) => ids.has(id)) : undefined;
      if (node.tagName === 'a' && target) {
        node.properties.href = `#${target}`;
        if (node.properties.dataFootnoteBackref !== undefined) node.properties.ariaLabel = inBodyLanguage(file)('body.footnoteBack', { n: numbers.get(target) ?? '' });
      }
      if (node.tagName === 'h2' && node.properties.id === `${ID_PREFIX}footnote-label`) node.children = [{ type: 'text', value: inBodyLanguage(file)('body.footnotes') }];
    });
  };
}

function demoteHeadings() {
  // The page title is the only h1; a body's `#` heading becomes h2.
  return (tree: Root) => {
    walk(tree, (node) => {
      if (node.type === 'element' && node.tagName === 'h1') node.tagName = 'h2';
    });
  };
}

/** The text of a node and everything in it. */
function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** Tag names of the elements in `nodes`, each once, as `<tag>`. */
function tagsIn(nodes: readonly Nodes[]): string[] {
  const tags = new Set<string>();
  for (const node of nodes) walk(node, (n) => n.type === 'element' && tags.add(`<${n.tagName}>`));
  return [...tags];
}

/**
 * Removes what follows `children[start]` up to the first `-->`, keeping what comes after it; the
 * removed nodes are added to `hidden`. Returns whether a `-->` was found.
 */
function dropUntilClose(children: Array<RootContent | ElementContent>, start: number, hidden: Nodes[]): boolean {
  while (start < children.length) {
    const node = children[start]!;
    if (node.type === 'text' && node.value.includes('-->')) {
      node.value = node.value.slice(node.value.indexOf('-->') + 3);
      return true;
    }
    if (node.type === 'element' && textOf(node).includes('-->')) {
      dropUntilClose(node.children, 0, hidden);
      if (textOf(node).trim() === '' && !node.children.some((c) => c.type === 'element')) hidden.push(...children.splice(start, 1));
      return true;
    }
    hidden.push(node);
    children.splice(start, 1);
  }
  return false;
}

/**
 * HTML comments are removed by the sanitiser; one that hides markup (a `<script>` an author meant to
 * switch off, or one slipped in) is reported, so that nobody is surprised by what is not published.
 * `<!-->` and `<!--->` are comments that close at once in HTML, where older parsers read on to the
 * next `-->`: what lies between is removed with them, so that no stray `-->` is left on the page.
 */
function collectComments() {
  return (tree: Root, file: VFile) => {
    const removed: RemovedMarkup[] = [];
    const visit = (parent: Root | Element) => {
      for (let i = 0; i < parent.children.length; i++) {
        const node = parent.children[i]!;
        if (node.type === 'element') visit(node);
        if (node.type !== 'comment' || !node.position) continue;
        const { line, column } = node.position.start;
        const length = node.position.end.offset! - node.position.start.offset!;
        const abrupt = node.value === '' && (length === 5 || length === 6);
        const rest = parent.children.slice(i + 1);
        if (abrupt && rest.some((n) => textOf(n).includes('-->'))) {
          const hidden: Nodes[] = [];
          dropUntilClose(parent.children, i + 1, hidden);
          const tags = tagsIn(hidden);
          removed.push({ line, column, message: msg(tags.length ? 'problem.html.abruptCommentTags' : 'problem.html.abruptComment', { tags: tags.join(', ') }) });
          continue;
        }
        const tags = hiddenTags(node);
        if (tags.length) removed.push({ line, column, message: msg('problem.html.hidingComment', { tags: tags.join(', ') }) });
      }
    };
    visit(tree);
    file.data.comments = removed;
  };
}

/** The tags written inside a comment, as `<tag>`, each once. */
function hiddenTags(comment: Comment): string[] {
  return [...new Set([...comment.value.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => `<${m[1]!.toLowerCase()}>`))];
}

function collectRemovals() {
  return (tree: Root, file: VFile) => {
    const removed: RemovedMarkup[] = [];
    walk(tree, (node) => {
      if (node.type !== 'element') return;
      const message = describeRemoval(node);
      if (message && node.position) {
        removed.push({ line: node.position.start.line, column: node.position.start.column, message });
      }
    });
    file.data.removed = removed;
  };
}

function describeRemoval(element: Element): string | undefined {
  const shallow: Element = { type: 'element', tagName: element.tagName, properties: { ...element.properties }, children: [] };
  const result = sanitize({ type: 'root', children: [shallow] }, ELEMENT_SCHEMA) as Root;
  const kept = result.children.find((child): child is Element => child.type === 'element');
  const tag = `<${element.tagName}>`;
  if (!kept || kept.tagName !== element.tagName) {
    return msg(STRIPPED.includes(element.tagName) ? 'problem.html.stripped' : 'problem.html.unwrapped', { tag, allowed: ALLOWED_EXTRA_TAGS.join(', ') });
  }
  const lost = Object.keys(element.properties).filter((key) => kept.properties[key] === undefined);
  if (lost.length === 0) return undefined;
  if (lost.includes('href')) {
    return msg('problem.html.link', { href: String(element.properties.href) });
  }
  return msg(lost.length > 1 ? 'problem.html.attributes' : 'problem.html.attribute', { names: lost.map(attributeName).join(', '), tag });
}

function attributeName(property: string): string {
  // hast names `onclick` as `onClick` and `aria-label` as `ariaLabel`; authors wrote the HTML names.
  return find(html, property).attribute;
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/**
 * What a body may hold of GFM's autolink literals (`www.example.vn`, `https://…` and e-mail addresses
 * written out, made links without `<>` or `[]()`): 'all', 'web' (no `@`, so no e-mail address), or
 * 'none' (neither `@` nor `www.` nor `http://`/`https://`, in any case).
 */
type Autolinks = 'all' | 'web' | 'none';

function autolinksIn(markdown: string): Autolinks {
  if (markdown.includes('@')) return 'all';
  return /www\.|https?:\/\//i.test(markdown) ? 'web' : 'none';
}

/** The names of the autolink literal constructs (micromark-extension-gfm-autolink-literal) each level leaves out. */
const LEFT_OUT: Record<Autolinks, ReadonlySet<string>> = {
  all: new Set(),
  web: new Set(['emailAutolink']),
  none: new Set(['emailAutolink', 'wwwAutolink', 'protocolAutolink']),
};

/**
 * remark-gfm, less the autolink literals a body cannot hold. The e-mail construct is tried at every
 * letter and digit of running text, which cuts the text into one token per character: on bodies
 * without an `@` that was a third of the parse, for nothing. The tree is the same as remark-gfm's
 * wherever the level fits the body (markdown.test.ts compares them).
 */
function remarkGfmFor(autolinks: Autolinks) {
  return function (this: Processor) {
    const gfm = unified().use(remarkGfm).freeze().data();
    const data = this.data();
    const leftOut = LEFT_OUT[autolinks];
    const syntax = (gfm.micromarkExtensions ?? []).map((extension) => {
      if (!extension.text || leftOut.size === 0) return extension;
      const text: typeof extension.text = {};
      for (const [code, constructs] of Object.entries(extension.text)) {
        const kept = (Array.isArray(constructs) ? constructs : constructs ? [constructs] : []).filter((construct) => !leftOut.has(construct.name ?? ''));
        if (kept.length) text[Number(code)] = kept;
      }
      return { ...extension, text };
    });
    // The tree transform that finds the same addresses in text nodes has nothing to find either.
    const tree = (gfm.fromMarkdownExtensions ?? []).flat().filter((extension) => autolinks !== 'none' || !extension.enter?.literalAutolink);
    (data.micromarkExtensions ??= []).push(...syntax);
    (data.fromMarkdownExtensions ??= []).push(...tree);
  };
}

/**
 * What may follow a link's `](` or a definition's `]:` for the sanitiser to keep the link as it is: an
 * address with a scheme the schema allows, or with none, written plainly (no entity or escape that
 * could spell a scheme, no parenthesis), then a space, a newline, `)` or the end.
 */
const KEPT_DESTINATION = new RegExp(String.raw`\s*(?!\s)(?:(?:${BODY_SCHEMA.protocols!.href!.join('|')}):[^\s<>&\\()]*|[^\s:<>&\\()]*)(?:\s|\)|$)`, 'y');

/** A body's rendering where none was made: for a reader that needs no body, or a body with nothing to remove (`mayLoseMarkup`). */
export const NOT_RENDERED: RenderedBody = { html: '', removed: [] };

/**
 * Whether the sanitiser could remove anything from a body in `markdown`. Only raw HTML, a comment or
 * an autolink (`<`), an image (`![`), and a link or definition to an address it refuses can lead to a
 * removal. A text with none of these renders with nothing removed (markdown.test.ts tries it on
 * generated bodies), so a check that needs only the removals need not render it.
 */
export function mayLoseMarkup(markdown: string): boolean {
  if (markdown.includes('<') || markdown.includes('![')) return true;
  for (const link of markdown.matchAll(/\][(:]/g)) {
    // Tried where the address starts, against the whole text: an address of any length is read to its end.
    KEPT_DESTINATION.lastIndex = link.index + 2;
    if (!KEPT_DESTINATION.test(markdown)) return true;
  }
  return false;
}

const processors = new Map<string, Processor<any, any, any, any, string>>();

/** The processor for a body with raw HTML or not, and with the autolink literals it may hold. */
export function bodyProcessor(raw: boolean, autolinks: Autolinks) {
  const key = `${raw} ${autolinks}`;
  let processor = processors.get(key);
  if (!processor) {
    const base = unified().use(remarkParse).use(remarkGfmFor(autolinks)).use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' });
    // Footnotes' ids are prefixed by the sanitiser alone (remark-rehype would prefix them a second
    // time), and the links to them follow (linksWithinTheBody).
    processor = (raw ? base.use(rehypeRaw) : base).use(demoteHeadings).use(alignAsClass).use(collectComments).use(collectRemovals).use(rehypeSanitize, BODY_SCHEMA).use(linksWithinTheBody).use(tablesInScrollBoxes).use(rehypeStringify).freeze();
    processors.set(key, processor);
  }
  return processor;
}

/**
 * Renders an untrusted Markdown body, written in `lang`, to safe HTML and lists what the sanitiser
 * removed. The language names the site's markup in it: its tables' boxes and its footnotes.
 */
export function renderMeetingBody(markdown: string, lang: string): RenderedBody {
  // Raw HTML and autolinks start with '<'. A body without one has no raw HTML for rehype-raw to
  // parse, and is spared its round trip through an HTML parser, the costliest step of the pipeline.
  const file = bodyProcessor(markdown.includes('<'), autolinksIn(markdown)).processSync({ value: markdown, data: { lang } });
  const removed = [...((file.data.comments as RemovedMarkup[] | undefined) ?? []), ...((file.data.removed as RemovedMarkup[] | undefined) ?? [])];
  return { html: String(file.value), removed: removed.sort((a, b) => a.line - b.line || a.column - b.column) };
}

/** The headings under which a meeting's page gives its own sections (src/pages/[...lang]/meetings/[id].astro). */
const PAGE_SECTIONS: readonly UiKey[] = ['meeting.reported', 'meeting.directions', 'meeting.tasks', 'changes.title', 'meeting.updates', 'meeting.related'];

const sectionTitlesByLang = new Map<string, ReadonlySet<string>>();

/** `PAGE_SECTIONS` as `lang` writes them, in lower case, made once per language. */
function sectionTitles(lang: string): ReadonlySet<string> {
  let titles = sectionTitlesByLang.get(lang);
  if (!titles) {
    const t = translator(lang);
    titles = new Set(PAGE_SECTIONS.map((key) => t(key).toLocaleLowerCase(lang)));
    sectionTitlesByLang.set(lang, titles);
  }
  return titles;
}

/**
 * The ATX headings of a body (`## …`, not in fenced code) that read as one of the page's own
 * sections in the body's language `lang`, each with its line in the body (1-based): the page would
 * show two sections of that name.
 */
export function headingsLikePageSections(markdown: string, lang: string): Array<{ line: number; heading: string }> {
  const sections = sectionTitles(lang);
  const found: Array<{ line: number; heading: string }> = [];
  let fence: string | undefined;
  for (const [i, text] of markdown.split('\n').entries()) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1]?.[0];
    if (marker) fence = fence === undefined ? marker : fence === marker ? undefined : fence;
    if (marker || fence !== undefined) continue;
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(text)?.[1];
    if (heading && sections.has(heading.toLocaleLowerCase(lang))) found.push({ line: i + 1, heading });
  }
  return found;
}
