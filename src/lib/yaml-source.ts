import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { PathProblem, Problem, Severity } from './problems.ts';

/** A YAML text parsed with its source positions. */
export interface YamlSource {
  /** Path relative to the content folder. */
  file: string;
  /** Lines before the YAML starts in the file (the frontmatter's opening `---`). */
  lineOffset: number;
  /** The parsed data, or undefined when the YAML could not be read. */
  data: unknown;
  /** Syntax errors, already positioned. */
  problems: Problem[];
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/** Parses YAML, keeping where every node sits so that problems can name a line. */
export function parseYamlSource(file: string, text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: dates stay strings, so an impossible date is reported rather than rolled over.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const problems: Problem[] = [];
  for (const [severity, list] of [
    ['error', document.errors],
    ['warning', document.warnings],
  ] as const) {
    for (const error of list) {
      const pos = lineCounter.linePos(error.pos[0]);
      problems.push({
        file,
        line: pos.line + lineOffset,
        column: pos.col,
        severity: severity as Severity,
        message: `YAML: ${yamlMessage(error.message)}`,
      });
    }
  }
  const hasError = document.errors.length > 0;
  return { file, lineOffset, data: hasError ? undefined : document.toJS(), problems, document, lineCounter };
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

/** The 1-based line and column of a field, or of the nearest enclosing field that exists. */
export function locate(source: YamlSource, path: ReadonlyArray<string | number>, atKey = false): { line: number; column: number } {
  let node: unknown = source.document.contents;
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
  const pos = source.lineCounter.linePos(offset);
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
