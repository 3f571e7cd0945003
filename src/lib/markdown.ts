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
import type { Element, Nodes, Root } from 'hast';
import { msg } from './messages.ts';
import type { VFile } from 'vfile';

/** Tags that may stay in a meeting body: what Markdown itself produces, and a few harmless extras. */
export const ALLOWED_EXTRA_TAGS = ['sup', 'sub', 'br', 'abbr', 'mark', 'small'] as const;

/** Elements removed together with everything inside them. */
const STRIPPED = ['script', 'style', 'iframe', 'object', 'embed', 'template', 'textarea', 'select', 'noscript', 'title', 'svg', 'math'];

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
    td: ['align'],
    th: ['align'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  ancestors: { tbody: ['table'], thead: ['table'], tr: ['table'], td: ['table'], th: ['table'], li: ['ol', 'ul'] },
  protocols: { href: ['http', 'https', 'mailto', 'tel'] },
  clobberPrefix: 'user-content-',
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

function demoteHeadings() {
  // The page title is the only h1; a body's `#` heading becomes h2.
  return (tree: Root) => {
    walk(tree, (node) => {
      if (node.type === 'element' && node.tagName === 'h1') node.tagName = 'h2';
    });
  };
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

const processors = new Map<boolean, Processor<any, any, any, any, string>>();

function getProcessor(raw: boolean) {
  let processor = processors.get(raw);
  if (!processor) {
    const base = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });
    processor = (raw ? base.use(rehypeRaw) : base).use(demoteHeadings).use(collectRemovals).use(rehypeSanitize, BODY_SCHEMA).use(rehypeStringify).freeze();
    processors.set(raw, processor);
  }
  return processor;
}

/** Renders an untrusted Markdown body to safe HTML and lists what the sanitiser removed. */
export function renderMeetingBody(markdown: string): RenderedBody {
  // Raw HTML and autolinks start with '<'. A body without one has no raw HTML for rehype-raw to
  // parse, and is spared its round trip through an HTML parser, the costliest step of the pipeline.
  const file = getProcessor(markdown.includes('<')).processSync(markdown);
  return { html: String(file.value), removed: (file.data.removed as RemovedMarkup[] | undefined) ?? [] };
}
