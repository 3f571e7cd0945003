/** How bad a content problem is: errors stop the build, warnings do not. */
export type Severity = 'error' | 'warning';

/** A content problem at a place in a file of the content folder. */
export interface Problem {
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  message: string;
}

/** A problem that still needs its line: it names a field by its path inside the file's data. */
export interface PathProblem {
  file: string;
  /** Field path inside the file's YAML (for a meeting, inside its frontmatter). */
  path: ReadonlyArray<string | number>;
  severity: Severity;
  message: string;
  /** Point at the field's key rather than its value (for unknown fields). */
  atKey?: boolean;
}

/** `path:line:column: severity: message`, the format editors and CI understand. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}

/** Problems in reading order: by file, then line, then column. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/**
 * `a.b[2].c`: a field path as authors read it. The index of an entry in a list file is left out:
 * the line number already says which entry it is.
 */
export function formatFieldPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of typeof path[0] === 'number' ? path.slice(1) : path) {
    out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  }
  return out;
}
