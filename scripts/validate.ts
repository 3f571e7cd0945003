// Checks the content folder and reports every problem at once.
// Usage: npm run validate [-- [content folder] --format text|json|github --dir path --lang vi|en --help]
// Messages are in the site's default language unless --lang asks for another.

export {};

async function main(): Promise<number> {
  const { contentDir } = await import('../src/content/reader.ts');
  const { readContentOnTwoThreads } = await import('../src/content/two-threads.ts');
  const { mayLoseMarkup, NOT_RENDERED } = await import('../src/lib/markdown.ts');
  const { formatProblems, parseValidateArgs } = await import('../src/cli/report.ts');
  const { msg, msgCount, splitLangArg } = await import('../src/lib/messages.ts');
  const { chooseMessageLang } = await import('../src/content/site-config.ts');
  const { lang, rest } = splitLangArg(process.argv.slice(2));
  const args = parseValidateArgs(rest);
  const dir = ('dir' in args && args.dir) || contentDir();
  chooseMessageLang(lang, dir);
  if ('error' in args) {
    process.stderr.write(`${msg(args.error, args.params)}\n${msg('cli.args.usage')}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${msg('cli.args.usage')}\n`);
    return 0;
  }
  // Of a body, validate reports only what the sanitiser removes: a file that holds no markup it could
  // remove (most minutes are plain text) is not rendered, its most costly step.
  const { problems } = await readContentOnTwoThreads(dir, { renderedBefore: (_file, text) => (mayLoseMarkup(text) ? undefined : NOT_RENDERED) });
  const output = formatProblems(problems, args.format, dir);
  if (output) process.stdout.write(output);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (args.format !== 'json') {
    const warnings = problems.length - errors;
    process.stderr.write(errors || warnings ? `${msgCount('cli.errors', errors)}, ${msgCount('cli.warnings', warnings)}\n` : `${msg('cli.valid')}\n`);
  }
  return errors > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  // A bug of ours, not the author's: say so in one line rather than a stack trace.
  process.stderr.write(`validate: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
