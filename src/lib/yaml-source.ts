import jsyaml from 'js-yaml';
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node, Pair, YAMLError } from 'yaml';
import { msg } from './messages.ts';
import type { PathProblem, Problem, Severity } from './problems.ts';

/** A YAML text parsed, with what it takes to find where each of its nodes sits. */
export interface YamlSource {
  /** Path relative to the content folder. */
  file: string;
  /** Lines before the YAML starts in the file (the frontmatter's opening `---`). */
  lineOffset: number;
  /** The parsed data, or undefined when the YAML could not be read. */
  data: unknown;
  /** Syntax errors, already positioned. */
  problems: Problem[];
  /** The YAML text itself. */
  text: string;
}

/** A text parsed with positions. */
interface Positioned {
  document: Document.Parsed;
  lineCounter: LineCounter;
}

const positionsOf = new WeakMap<YamlSource, Positioned>();

function parseWithPositions(text: string): Positioned {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: dates stay strings, so an impossible date is reported rather than rolled over.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  return { document, lineCounter };
}

/** Where the nodes of a source sit: parsed again from its text the first time a problem needs it. */
function positions(source: YamlSource): Positioned {
  let found = positionsOf.get(source);
  if (!found) {
    found = parseWithPositions(source.text);
    positionsOf.set(source, found);
  }
  return found;
}

/**
 * Parses YAML. Content that reads cleanly is read by js-yaml, with the same YAML 1.2 core schema,
 * ten times as fast as by `yaml`; positions are worked out, by `yaml`, only for a file with a problem
 * to place. A text js-yaml refuses is read by `yaml`, whose errors name the line and say what is wrong.
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0): YamlSource {
  try {
    const data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
    // An empty text, or one of comments only: `yaml` reads it as null.
    return { file, lineOffset, data: data === undefined ? null : data, problems: [], text };
  } catch {
    // Read again below, for the errors.
  }
  const { document, lineCounter } = parseWithPositions(text);
  const problems: Problem[] = [];
  const at = (offset: number, severity: Severity, message: string) => {
    const pos = lineCounter.linePos(offset);
    problems.push({ file, line: pos.line + lineOffset, column: pos.col, severity, message });
  };
  // One error, at its cause: what the parser finds after the first error follows from it.
  const first = document.errors[0];
  const tab = first && indentingTab(text, first.pos[0]);
  if (tab !== undefined) at(tab, 'error', msg('problem.yaml.tab', { column: lineCounter.linePos(tab).col }));
  else if (first) {
    const quote = /^Missing closing (["'])quote/.exec(first.message)?.[1];
    // An unclosed quotation mark is reported where it opens, not where the text runs out.
    const flow = /^Flow (sequence|map) in block collection must be sufficiently indented and end with a/.exec(first.message)?.[1];
    if (quote) at(Math.max(0, text.lastIndexOf(quote, first.pos[0] - 1)), 'error', msg('problem.yaml.unclosedQuote', { quote }));
    // An unclosed [ or { is reported where it opens too.
    else if (flow) {
      const [open, close] = flow === 'sequence' ? ['[', ']'] : ['{', '}'];
      at(Math.max(0, text.lastIndexOf(open, first.pos[0] - 1)), 'error', msg('problem.yaml.unclosedFlow', { open, close }));
    } else at(first.pos[0], 'error', syntaxMessage(first, text));
  }
  for (const warning of document.warnings) at(warning.pos[0], 'warning', msg('problem.yaml', { detail: yamlMessage(warning.message) }));
  let data: unknown;
  if (document.errors.length === 0) {
    try {
      data = document.toJS();
    } catch (e) {
      // An alias to an anchor that is not set (before it): `yaml` throws here rather than report it.
      at(unresolvedAlias(document) ?? 0, 'error', msg('problem.yaml', { detail: yamlMessage(e instanceof Error ? e.message : String(e)) }));
    }
  }
  const source: YamlSource = { file, lineOffset, data, problems, text };
  positionsOf.set(source, { document, lineCounter });
  return source;
}

/** Where the first alias that names no earlier anchor starts. */
function unresolvedAlias(document: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_, node) {
      if (isAlias(node) && node.resolve(document) === undefined) {
        offset = node.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/**
 * The first tab that indents a line, at or before the line of `offset`: YAML forbids tabs there, and
 * the parser's own errors about such a line speak of tokens and never of the tab.
 */
function indentingTab(text: string, offset: number): number | undefined {
  const lineEnd = text.indexOf('\n', offset);
  const upTo = lineEnd === -1 ? text.length : lineEnd;
  const tab = /^[ ]*\t/m.exec(text.slice(0, upTo));
  return tab ? tab.index + tab[0].length - 1 : undefined;
}

/** What a syntax error means, in the message language, for the errors authors make most. */
function syntaxMessage(error: YAMLError, text: string): string {
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))![0].trim().replace(/^["']|["']$/g, '');
    return msg('problem.yaml.duplicateKey', { key });
  }
  if (error.message.startsWith('All mapping items must start at the same column')) return msg('problem.yaml.notAligned');
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') return msg('problem.yaml.nestedMap');
  if (error.message.startsWith('Implicit map keys need to be followed by map values')) return msg('problem.yaml.missingColon');
  return msg('problem.yaml', { detail: yamlMessage(error.message) });
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

/** The 1-based line and column of a field, or of the nearest enclosing field that exists. */
export function locate(source: YamlSource, path: ReadonlyArray<string | number>, atKey = false): { line: number; column: number } {
  const { document, lineCounter } = positions(source);
  let node: unknown = document.contents;
  let offset: number | undefined = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    let next: unknown;
    let pair: Pair | undefined;
    if (isMap(node)) {
      pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      next = pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (pair === undefined && next === undefined) break;
    const isLast = i === path.length - 1;
    if (pair && (atKey || isLast)) {
      // The key is where the author looks; its value may start on the next line.
      offset = rangeStart(pair.key) ?? offset;
      if (!atKey && isLast && next !== null && !isMap(next) && !isSeq(next)) offset = rangeStart(next) ?? offset;
    } else {
      offset = rangeStart(next) ?? rangeStart(pair?.key) ?? offset;
    }
    node = next;
  }
  if (offset === undefined) return { line: 1 + source.lineOffset, column: 1 };
  const pos = lineCounter.linePos(offset);
  return { line: pos.line + source.lineOffset, column: pos.col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}

/** Gives a path problem its line and column in the source. */
export function positionProblem(source: YamlSource, problem: PathProblem): Problem {
  const { line, column } = locate(source, problem.path, problem.atKey);
  return { file: problem.file, line, column, severity: problem.severity, message: problem.message };
}
