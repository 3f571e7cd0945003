// Starts a meeting file (one per language) that validates, named by the content format.
// Usage: npm run new:meeting -- --date 2025-12-01 --level province --title "Tiêu đề" [--title-en "Title"]
// Without flags, it asks at the terminal.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

async function main(): Promise<number> {
  const { contentDir, readContent } = await import('../src/loaders/content-reader.ts');
  const scaffold = await import('./lib/scaffold.ts');
  const { askMissing } = await import('./lib/prompt.ts');
  const dir = contentDir();
  const { model } = readContent(dir);
  if (!model) {
    process.stderr.write('new:meeting: site.yaml has errors; run `npm run validate` and fix them first\n');
    return 1;
  }
  const [first, ...others] = model.site.default_locale
    ? [model.site.default_locale, ...model.site.locales.filter((l) => l !== model.site.default_locale)]
    : model.site.locales;
  const flags = scaffold.parseFlags(process.argv.slice(2));
  const answers = await askMissing(
    { date: flags.date, level: flags.level ?? (process.stdin.isTTY ? undefined : 'province'), [`title-${first}`]: flags.title ?? flags[`title-${first}`], ...Object.fromEntries(others.map((l) => [`title-${l}`, flags[`title-${l}`]])) },
    [
      { key: 'date', question: 'Date (YYYY-MM-DD)' },
      { key: 'level', question: 'Level (national, province, commune)' },
      { key: `title-${first}`, question: `Title (${first})` },
      ...others.map((l) => ({ key: `title-${l}`, question: `Title (${l})`, optional: true })),
    ],
  );
  const titles = Object.fromEntries([first!, ...others].flatMap((l) => (answers[`title-${l}`] ? [[l, answers[`title-${l}`]!]] : [])));
  const meeting = { date: answers.date ?? '', level: answers.level ?? 'province', titles };
  const problem = answers.date ? scaffold.checkNewMeeting(meeting, model.site.locales) : 'give --date YYYY-MM-DD and --title "…"';
  if (problem) {
    process.stderr.write(`new:meeting: ${problem}\n`);
    return 1;
  }
  const stem = scaffold.meetingStem(meeting);
  const files = Object.keys(titles).map((lang) => path.join(dir, 'meetings', `${stem}.${lang}.md`));
  const existing = files.find((f) => existsSync(f));
  if (existing) {
    process.stderr.write(`new:meeting: ${path.relative(process.cwd(), existing)} already exists; nothing was written\n`);
    return 1;
  }
  mkdirSync(path.join(dir, 'meetings'), { recursive: true });
  Object.keys(titles).forEach((lang, i) => {
    writeFileSync(files[i]!, scaffold.renderMeetingFile(meeting, lang, i === 0), { flag: 'wx' });
    process.stdout.write(`wrote ${path.relative(process.cwd(), files[i]!)}\n`);
  });
  process.stdout.write('The meeting is a draft (draft: true) until you remove that line. Check it with: npm run validate\n');
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`new:meeting: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
