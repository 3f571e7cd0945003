// Starts a meeting file (one per language) that validates, named by the content format.
// Usage: npm run new:meeting -- --date 2025-12-01 --level province --title "Tiêu đề" [--title-en "Title"] [--lang vi|en]
// What is not given is asked, in the site's language: at the terminal, or one answer a line from
// piped standard input. Each answer is checked as it is given.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

async function main(): Promise<number> {
  const scaffold = await import('../src/cli/scaffold.ts');
  const { ask } = await import('../src/cli/prompt.ts');
  const { msg } = await import('../src/lib/messages.ts');
  const { MEETING_LEVELS } = await import('../src/schemas/meeting.ts');
  const start = scaffold.startScaffold('new:meeting', process.argv.slice(2));
  if ('exitCode' in start) return start.exitCode;
  const { dir, flags, fail, model, langs } = start;
  const title = scaffold.titleQuestions(langs, flags);
  const asked = await ask({ date: flags.date, level: flags.level, ...title.given }, [
    { key: 'date', message: msg('scaffold.ask.date'), check: scaffold.checkDate },
    { key: 'level', message: msg('scaffold.ask.level'), default: 'province', check: (v) => scaffold.checkChoice(v, MEETING_LEVELS) },
    ...title.questions,
  ]);
  if ('problems' in asked) return asked.problems.map(fail).at(-1)!;
  const answers = asked.answers;
  const titles = scaffold.titlesAnswered(langs, answers);
  const meeting = { date: answers.date!, level: answers.level ?? 'province', titles };
  const stem = scaffold.meetingStem(meeting);
  const files = Object.keys(titles).map((l) => path.join(dir, 'meetings', `${stem}.${l}.md`));
  const existing = files.find((f) => existsSync(f));
  if (existing) return fail(msg('scaffold.exists', { file: path.relative(process.cwd(), existing) }));
  mkdirSync(path.join(dir, 'meetings'), { recursive: true });
  Object.keys(titles).forEach((l, i) => {
    writeFileSync(files[i]!, scaffold.renderMeetingFile(meeting, l, i === 0), { flag: 'wx' });
    process.stdout.write(`${msg('scaffold.wrote', { file: path.relative(process.cwd(), files[i]!) })}\n`);
  });
  process.stdout.write(`${msg('scaffold.draftNote')}\n`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`new:meeting: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
