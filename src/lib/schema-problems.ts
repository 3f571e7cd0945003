import type { z } from 'astro/zod';
import { formatFieldPath } from './problems.ts';
import type { PathProblem } from './problems.ts';
import { findUnknownKeys } from './unknown-keys.ts';
import { closestMatch, suggestIsoDate, suggestValue } from './suggest.ts';
import { isMessageKey, msg } from './messages.ts';
import type { UiKey } from '../i18n/translate.ts';

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
    const field = formatFieldPath([...path, unknown.key]);
    // A near miss of a known field is a misspelling: its value would be lost, so it stops the build.
    const match = closestMatch(unknown.key, unknown.known);
    problems.push({
      file,
      path: [...path, unknown.key],
      atKey: true,
      severity: match ? 'error' : 'warning',
      message: match ? msg('problem.misspelledField', { field, match }) : msg('problem.unknownField', { field }),
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
  if (input === null) return msg('problem.value.null');
  if (Array.isArray(input)) return msg('problem.type.array');
  if (typeof input === 'object') return msg('problem.type.object');
  if (typeof input === 'string') return `'${input}'`;
  if (typeof input === 'number') return msg('problem.value.number', { value: input });
  return msg('problem.value.other', { value: String(input) });
}

const EXPECTED: Record<string, UiKey> = {
  string: 'problem.type.string',
  number: 'problem.type.number',
  int: 'problem.type.int',
  boolean: 'problem.type.boolean',
  array: 'problem.type.array',
  object: 'problem.type.object',
  record: 'problem.type.object',
};

/** Keys whose text says itself what to do when the field is missing. */
const SAYS_WHEN_MISSING = new Set<string>(['problem.schema.altRequired', 'problem.schema.requiredOneOf']);

/** Keys of schema errors about a date, after which a date written another way gets its ISO form. */
const DATE_KEYS = new Set<string>(['problem.schema.date', 'problem.schema.dateOrDateTime']);

/** One sentence for one zod issue, starting with the field it concerns, in the message language. */
export function describeIssue(issue: z.core.$ZodIssue, path: ReadonlyArray<string | number>): string {
  const named = formatFieldPath(path);
  const field = named || msg('problem.field.file');
  const input = (issue as { input?: unknown }).input;
  const key = isMessageKey(issue.message) ? issue.message : undefined;
  if (issue.code === 'invalid_type' && input === undefined && !(key && SAYS_WHEN_MISSING.has(key))) {
    return msg('problem.required', { field });
  }
  if (key) {
    const params: Record<string, string | number> = { input: String(input) };
    for (const [name, value] of Object.entries((issue as { params?: Record<string, unknown> }).params ?? {})) params[name] = String(value);
    if (issue.code === 'invalid_value') params.values = issue.values.map(String).join(', ');
    let text = msg(key, params);
    if (issue.code === 'invalid_value' && typeof input === 'string') {
      const match = suggestValue(input, issue.values.map(String));
      if (match) text += msg('problem.didYouMean', { match });
    }
    if (DATE_KEYS.has(key) && typeof input === 'string') {
      const date = suggestIsoDate(input);
      if (date) text += msg('problem.didYouMeanDate', { date });
    }
    if (!named) return text.replace(/^:\s*/, '');
    return text.startsWith(':') ? `${field}${text}` : `${field} ${text}`;
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    const expected = EXPECTED[issue.expected];
    return msg('problem.wrongType', { field, expected: expected ? msg(expected) : issue.expected, actual: describeValue(input) });
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.message.startsWith('Too small')) {
    return msg('problem.empty', { field });
  }
  if (issue.code === 'too_small' && issue.message.startsWith('Too small')) {
    return msg('problem.min', { field, min: String(issue.minimum) });
  }
  if (issue.code === 'too_big' && issue.message.startsWith('Too big')) {
    return msg('problem.max', { field, max: String(issue.maximum) });
  }
  if (issue.code === 'invalid_format' && issue.message.startsWith('Invalid')) {
    return msg('problem.format', { field });
  }
  const message = issue.message;
  if (!named) return message;
  return message.startsWith(':') ? `${field}${message}` : `${field} ${message}`;
}
