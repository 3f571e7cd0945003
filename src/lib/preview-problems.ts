import type { Problem } from './problems.ts';

// The problems that the content loaders last found, for the preview (`npm run dev`) to show on the
// page being previewed. The loaders and the pages run in the same process there, but in module
// graphs of their own: the problems are kept on the global object, under a registered symbol.
const KEY = Symbol.for('nq57.previewProblems');

type Holder = { [KEY]?: readonly Problem[] };

export function setPreviewProblems(problems: readonly Problem[]): void {
  (globalThis as Holder)[KEY] = problems;
}

/**
 * Whether this process is the preview: its loaders watch the content folder and have said what they
 * found. (Astro's own `import.meta.env.DEV` is true while a build prerenders pages too.)
 */
export function inPreview(): boolean {
  return (globalThis as Holder)[KEY] !== undefined;
}

export function previewProblems(): readonly Problem[] {
  return (globalThis as Holder)[KEY] ?? [];
}
