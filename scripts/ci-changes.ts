// The first step of .github/workflows/publish.yml, run before installing (no dependencies).
// Finds the last published commit (the head of the last successful Publish run on main), and
// whether anything outside the content folder changed since: a content-only commit is published
// after validate, check:corrections, build and a smoke check; any other change runs every test first.
// On the daily run, it also keeps the schedule enabled: GitHub disables the scheduled workflows of a
// public repository after 60 days without activity, and enabling the workflow through the API
// counts as activity.
// Writes `base=<commit or empty>` and `code=true|false` to $GITHUB_OUTPUT, and says why on stderr.
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';

/** Whether every changed path is inside the content folder. */
export function contentOnly(files: readonly string[], contentDir = 'content'): boolean {
  const prefix = `${contentDir.replace(/^\.\/|\/+$/g, '')}/`;
  return files.length > 0 && files.every((file) => file.startsWith(prefix));
}

function git(...args: string[]) {
  return spawnSync('git', args, { encoding: 'utf8' });
}

async function api(method: 'GET' | 'PUT', path: string): Promise<Response> {
  return fetch(`${process.env.GITHUB_API_URL ?? 'https://api.github.com'}/repos/${process.env.GITHUB_REPOSITORY}${path}`, {
    method,
    headers: { authorization: `Bearer ${process.env.GH_TOKEN}`, accept: 'application/vnd.github+json' },
  });
}

/** The head commit of the last successful run of this workflow on main, when there is one here. */
async function lastPublished(workflow: string): Promise<string | undefined> {
  const response = await api('GET', `/actions/workflows/${workflow}/runs?branch=main&status=success&per_page=1`);
  if (!response.ok) throw new Error(`GitHub API: ${response.status} ${response.statusText}`);
  const sha = ((await response.json()) as { workflow_runs?: Array<{ head_sha?: string }> }).workflow_runs?.[0]?.head_sha;
  return sha && git('cat-file', '-e', `${sha}^{commit}`).status === 0 ? sha : undefined;
}

async function main(): Promise<void> {
  const workflow = 'publish.yml';
  const say = (line: string) => process.stderr.write(`${line}\n`);
  let base: string | undefined;
  try {
    base = await lastPublished(workflow);
  } catch (e) {
    say(`the last published commit could not be found (${e instanceof Error ? e.message : String(e)}); every check runs`);
  }
  const files = base ? git('diff', '--name-only', base, 'HEAD').stdout.split('\n').filter(Boolean) : [];
  // Nothing changed (the daily rebuild, or a re-run) is published as content: the code was tested when it was.
  const code = base === undefined ? true : files.length > 0 && !contentOnly(files, process.env.CONTENT_DIR ?? 'content');
  say(base ? `last published commit ${base}; ${files.length} file(s) changed since; ${code ? 'code changed: every test runs' : 'content only: no browser tests'}` : 'no published commit to compare with: every test runs');
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `base=${base ?? ''}\ncode=${code}\n`);
  if (process.env.GITHUB_EVENT_NAME === 'schedule') {
    const enabled = await api('PUT', `/actions/workflows/${workflow}/enable`).catch(() => undefined);
    say(enabled?.ok ? 'daily rebuild kept enabled' : `could not keep the daily rebuild enabled (${enabled?.status ?? 'no answer'}); see README, Publishing`);
  }
}

if (import.meta.main) await main();
