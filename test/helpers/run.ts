import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withProject } from './project-lock.ts';

/** The project root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A fixture content folder by name. */
export function fixture(name: string): string {
  return path.join(ROOT, 'test/fixtures/content', name);
}

/** What a script printed and how it exited. */
export interface ScriptResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's scripts with the Node that runs the tests (Node 24 from node_modules).
 * A build holds the project (test/helpers/project-lock.ts) while it runs.
 */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): ScriptResult {
  const run = () => spawnScript(script, args, env);
  return script === 'build.ts' ? withProject(`build ${env.CONTENT_DIR ?? 'content'}`, run) : run();
}

function spawnScript(script: string, args: string[], env: Record<string, string>): ScriptResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
