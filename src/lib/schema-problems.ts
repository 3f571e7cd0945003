import type { z } from 'astro/zod';
import { formatFieldPath } from './problems.ts';
import type { PathProblem } from './problems.ts';
import { findUnknownKeys } from './unknown-keys.ts';
import { didYouMean } from './suggest.ts';

/** The result of checking one value against its schema. */
export interface SchemaCheck<T> {
  /** The parsed value, when it passed. */
  value?: T;
  /**
   * When it failed: the value parsed without the fields that had problems, if that passes.
   * Lets checks across files look at the rest of a broken entry, so that every problem shows at once.
   */
  partial?: T;
  problems: PathProblem[];
}

/**
 * Checks data against a schema and turns every issue into a message an author can act on,
 * plus a warning for each field the schema does not know.
 */
export function checkAgainstSchema<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  basePath: ReadonlyArray<string | number> = [],
): SchemaCheck<z.output<S>> {
  const result = schema.safeParse(data, { reportInput: true });
  const problems: PathProblem[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = [...basePath, ...(issue.path as Array<string | number>)];
      problems.push({ file, path, severity: 'error', message: describeIssue(issue, path) });
    }
  }
  for (const unknown of findUnknownKeys(schema, data)) {
    const path = [...basePath, ...unknown.path];
    problems.push({
      file,
      path: [...path, unknown.key],
      atKey: true,
      severity: 'warning',
      message: `unknown field '${formatFieldPath([...path, unknown.key])}' is ignored${didYouMean(unknown.key, unknown.known)}`,
    });
  }
  if (result.success) return { value: result.data, problems };
  return { problems, partial: parseWithout(schema, data, result.error.issues) };
}

function parseWithout<S extends z.ZodType>(schema: S, data: unknown, issues: readonly z.core.$ZodIssue[]): z.output<S> | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const broken = new Set(issues.map((issue) => issue.path[0]).filter((key) => key !== undefined).map(String));
  if (broken.size === 0) return undefined;
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => !broken.has(key)));
  const retry = schema.safeParse(rest);
  return retry.success ? retry.data : undefined;
}

function describeValue(input: unknown): string {
  if (input === null) return 'nothing (null)';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a map of fields';
  if (typeof input === 'string') return `'${input}'`;
  return `${typeof input} ${String(input)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of fields',
  record: 'a map of fields',
};

/** One sentence for one zod issue, starting with the field it concerns. */
export function describeIssue(issue: z.core.$ZodIssue, path: ReadonlyArray<string | number>): string {
  const field = formatFieldPath(path);
  const subject = field || 'the file';
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type' && input === undefined && issue.message.startsWith('Invalid input')) {
    return `${subject} is required`;
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    return `${subject} must be ${expected}, not ${describeValue(input)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.message.startsWith('Too small')) {
    return `${subject} must not be empty`;
  }
  if (issue.code === 'too_small' && issue.message.startsWith('Too small')) {
    return `${subject} must be at least ${String(issue.minimum)}`;
  }
  if (issue.code === 'too_big' && issue.message.startsWith('Too big')) {
    return `${subject} must be at most ${String(issue.maximum)}`;
  }
  if (issue.code === 'invalid_format' && issue.message.startsWith('Invalid')) {
    return `${subject} has the wrong format`;
  }
  const message = issue.message;
  if (!field) return message;
  return message.startsWith(':') ? `${field}${message}` : `${field} ${message}`;
}
