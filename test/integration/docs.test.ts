// The examples in the authoring guides are real content: written into a content folder, they validate.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, runScript } from '../helpers/run.ts';

const GUIDES = ['docs/authoring.vi.md', 'docs/authoring.en.md'];
const work = mkdtempSync(path.join(tmpdir(), 'nq57-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Fenced blocks whose info string names the content file they are, e.g. ```yaml file=tasks/x.yaml */
function examples(markdown: string): Array<{ file: string; text: string }> {
  return [...markdown.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)].map((m) => ({ file: m[1]!, text: m[2]! }));
}

describe('authoring guides', () => {
  const blocks = GUIDES.flatMap((guide) => examples(readFileSync(path.join(ROOT, guide), 'utf8')).map((b) => ({ guide, ...b })));

  it('have examples of a meeting and a task in each language', () => {
    for (const guide of GUIDES) {
      const files = blocks.filter((b) => b.guide === guide).map((b) => b.file);
      expect(files.some((f) => f.startsWith('meetings/')), guide).toBe(true);
      expect(files.some((f) => f.startsWith('tasks/')), guide).toBe(true);
    }
  });

  it('examples validate without errors in a content folder', () => {
    const content = path.join(work, 'content');
    cpSync(fixture('valid'), content, { recursive: true });
    for (const block of blocks) {
      mkdirSync(path.dirname(path.join(content, block.file)), { recursive: true });
      writeFileSync(path.join(content, block.file), block.text);
    }
    const result = runScript('validate.ts', [], { CONTENT_DIR: content });
    expect(result.stdout).not.toContain(': error:');
    expect(result.status, result.stdout).toBe(0);
    for (const block of blocks) expect(result.stdout, block.file).not.toContain(`${block.file}:`);
  });
});
