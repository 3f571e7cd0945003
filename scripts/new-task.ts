// Appends a task to the programme's task file, with an id in the programme's pattern.
// Usage: npm run new:task -- --programme ctr-97 --owner so-khcn --title "Tên nhiệm vụ" [--title-en "Title"]
//        [--id CTR97-…] [--deadline 2026-06-30] [--assigned 2025-12-01] [--lang vi|en]
// What is not given is asked, in the site's language: at the terminal, or one answer a line from
// piped standard input. Each answer is checked as it is given; the id proposed follows the ids the
// programme already has.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

async function main(): Promise<number> {
  const scaffold = await import('../src/cli/scaffold.ts');
  const { ask } = await import('../src/cli/prompt.ts');
  const { msg } = await import('../src/lib/messages.ts');
  const start = scaffold.startScaffold('new:task', process.argv.slice(2));
  if ('exitCode' in start) return start.exitCode;
  const { dir, flags, fail, model, langs } = start;
  const programmes = model.ids.programmes.map((p) => p.id);
  const units = model.ids.units.map((u) => u.id);
  const used = new Set(model.ids.tasks.map((t) => t.id));
  const [first] = langs;
  const titleAsked = scaffold.titleQuestions(langs, flags);
  const given = { programme: flags.programme, owner: flags.owner, ...titleAsked.given, assigned: flags.assigned, deadline: flags.deadline };
  const asked = await ask(given, [
    { key: 'programme', message: msg('scaffold.ask.programme', { choices: programmes.join(', ') }), check: (v) => scaffold.checkChoice(v, programmes) },
    { key: 'owner', message: msg('scaffold.ask.owner', { choices: units.join(', ') }), check: (v) => scaffold.checkChoice(v, units) },
    ...titleAsked.questions,
    { key: 'assigned', message: msg('scaffold.ask.assigned'), optional: true, check: scaffold.checkDate },
    { key: 'deadline', message: msg('scaffold.ask.deadline'), optional: true, check: scaffold.checkDate },
  ]);
  if ('problems' in asked) return asked.problems.map(fail).at(-1)!;
  const a = asked.answers;
  // The id is asked last, with a proposal from the programme's pattern and the title.
  const proposed = scaffold.proposeTaskId(a.programme!, a[`title-${first}`]!, used);
  const idAsked = await ask({ id: flags.id ?? (flags.programme && flags.title ? proposed : undefined) }, [
    { key: 'id', message: msg('scaffold.ask.id'), default: proposed, check: (v) => scaffold.checkNewId(v, used) },
  ]);
  if ('problems' in idAsked) return idAsked.problems.map(fail).at(-1)!;
  const id = idAsked.answers.id ?? proposed;
  const titles = scaffold.titlesAnswered(langs, a);
  const title = Object.keys(titles).length > 1 ? titles : titles[first]!;
  const file = path.join(dir, 'tasks', `${a.programme}.yaml`);
  mkdirSync(path.dirname(file), { recursive: true });
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const entry = scaffold.renderTask({ id, title, programme: a.programme!, owner: a.owner!, deadline: a.deadline, assigned: a.assigned });
  // An empty list written `[]` becomes the list of this task; otherwise the task is appended, and
  // nothing already in the file is rewritten, comments included.
  if (/^\[\][ \t]*$/m.test(before)) writeFileSync(file, before.replace(/^\[\][ \t]*$/m, entry.trimEnd()));
  else appendFileSync(file, (before && !before.endsWith('\n') ? '\n' : '') + entry);
  process.stdout.write(`${msg('scaffold.addedTask', { id, file: path.relative(process.cwd(), file) })}\n${msg('scaffold.checkIt')}\n`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`new:task: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
