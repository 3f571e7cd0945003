// Fails when published content was changed without an `updates` entry, compared with a git revision:
// the last published commit (see .github/workflows/publish.yml), or the branch a pull request targets.
// Usage: npm run check:corrections -- --base origin/main [--format text|json|github] [--lang vi|en]
// Exit status: 0 when nothing published was changed silently, 1 when something was (or when there is
// nothing to compare with: no git repository, or no such revision), 2 on a failure of its own.

export {};

try {
  const { contentDir } = await import('../src/content/reader.ts');
  const { checkCorrectionsCommand } = await import('../src/cli/check-corrections.ts');
  process.exitCode = checkCorrectionsCommand(process.argv.slice(2), contentDir(), {
    out: (text) => process.stdout.write(text),
    err: (line) => process.stderr.write(`${line}\n`),
  });
} catch (e) {
  process.stderr.write(`check:corrections: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
