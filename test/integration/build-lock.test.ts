// One build at a time in a project, and nothing of a build outliving it. Each test holds the project
// (test/helpers/project-lock.ts) as the other tests' builds do: it takes the build lock from under
// them, and the build it kills leaves a mark that makes the next build render every page.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, runScript } from '../helpers/run.ts';
import { isRunning } from '../../src/cli/build-lock.ts';
import { giveProjectBack, takeProject, withProject } from '../helpers/project-lock.ts';

const LOCK = path.join(ROOT, '.build.lock');
const work = mkdtempSync(path.join(tmpdir(), 'nq57-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The pids of the processes whose parent is `parent`, with their command lines. */
function childrenOf(parent: number): Array<{ pid: number; command: string }> {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return ppid === parent ? [{ pid: Number(name), command: readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ') }] : [];
    } catch {
      return [];
    }
  });
}

/** Whether a process runs: an ended one that nobody has reaped yet (a zombie) does not. */
function runs(pid: number): boolean {
  if (!isRunning(pid)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** What the lock file holds now, or undefined while there is none (a build may remove a stale one and write its own in between). */
function lockText(): string | undefined {
  try {
    return readFileSync(LOCK, 'utf8');
  } catch {
    return undefined;
  }
}

async function until<T>(what: string, get: () => T | undefined, timeout: number): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a build while another runs in the same project', () => {
  it('waits for it, saying so, then refuses with a clear message and changes nothing', () => withProject('a build refused by the build lock', () => {
    // This test's own process holds the lock, as a running build would.
    writeFileSync(LOCK, `${process.pid}\n`);
    try {
      const started = Date.now();
      const out = path.join(work, 'refused', 'dist');
      const result = runScript('build.ts', [], { CONTENT_DIR: fixture('valid'), OUT_DIR: out, BUILD_LOCK_WAIT: '1' });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`build: một bản dựng khác (pid ${process.pid}) đang chạy trong dự án này: chờ nó xong (tối đa 1 giây)…`);
      expect(result.stderr).toContain(`build: một bản dựng khác (pid ${process.pid}) vẫn đang chạy trong dự án này sau 1 giây chờ; bản dựng này dừng, không thay đổi gì`);
      expect(existsSync(out)).toBe(false);
      expect(readFileSync(LOCK, 'utf8')).toBe(`${process.pid}\n`);
      // In English when asked, from the same dictionaries as the site.
      const english = runScript('build.ts', ['--lang', 'en'], { CONTENT_DIR: fixture('valid'), OUT_DIR: out, BUILD_LOCK_WAIT: '1' });
      expect(english.status).toBe(1);
      expect(english.stderr).toContain(`build: another build (pid ${process.pid}) is running in this project: waiting for it to finish (at most 1 s)…`);
      expect(english.stderr).toContain(`build: another build (pid ${process.pid}) is still running in this project after 1 s of waiting; this build stops without changing anything`);
    } finally {
      rmSync(LOCK, { force: true });
    }
  }));
});

describe('a build killed outright', () => {
  it('leaves nothing it started running, and its lock is taken over by the next build', async () => {
    await takeProject('a build killed outright');
    // A lock left by a build that no longer runs.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const dead = Number(gone.stdout);
    writeFileSync(LOCK, `${dead}\n`);
    const build = spawn(process.execPath, [path.join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: fixture('valid'), OUT_DIR: path.join(work, 'killed', 'dist') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    build.stderr.on('data', (chunk) => (stderr += chunk));
    try {
      await until('the build to take the lock', () => (lockText() === `${build.pid}\n` ? true : undefined), 30_000);
      expect(stderr).toContain(`build: bản dựng trước (pid ${dead}) đã dừng mà không trả khóa ${LOCK}: lấy lại khóa`);
      // Astro runs in the build's own process; whatever else it has started by now goes with it.
      const started = childrenOf(build.pid!);
      build.kill('SIGKILL');
      await until('what the build started to stop', () => (started.some((child) => runs(child.pid)) ? undefined : true), 10_000);
    } finally {
      build.kill('SIGKILL');
      rmSync(LOCK, { force: true });
      giveProjectBack();
    }
  }, 60_000);
});
