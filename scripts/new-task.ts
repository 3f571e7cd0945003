// Appends a task with the next free id to the programme's task file.
// Usage: npm run new:task -- --programme ctr-97 --owner so-khcn --title "Tên nhiệm vụ" [--deadline 2026-06-30] [--assigned 2025-12-01]
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

async function main(): Promise<number> {
  const { contentDir, readContent } = await import('../src/loaders/content-reader.ts');
  const scaffold = await import('./lib/scaffold.ts');
  const { askMissing } = await import('./lib/prompt.ts');
  const { didYouMean } = await import('../src/lib/suggest.ts');
  const { isIsoDate } = await import('../src/lib/dates.ts');
  const dir = contentDir();
  const { model } = readContent(dir);
  if (!model) {
    process.stderr.write('new:task: site.yaml has errors; run `npm run validate` and fix them first\n');
    return 1;
  }
  const programmes = model.ids.programmes.map((p) => p.id);
  const units = model.ids.units.map((u) => u.id);
  const flags = scaffold.parseFlags(process.argv.slice(2));
  const a = await askMissing(
    { programme: flags.programme, owner: flags.owner, title: flags.title, deadline: flags.deadline, assigned: flags.assigned },
    [
      { key: 'programme', question: `Programme (${programmes.join(', ')})` },
      { key: 'owner', question: `Owner unit (${units.join(', ')})` },
      { key: 'title', question: 'Title' },
      { key: 'assigned', question: 'Assigned (YYYY-MM-DD)', optional: true },
      { key: 'deadline', question: 'Deadline (YYYY-MM-DD)', optional: true },
    ],
  );
  const problems = [
    !a.programme || !programmes.includes(a.programme) ? `programme '${a.programme ?? ''}' is not one of: ${programmes.join(', ')}${didYouMean(a.programme ?? '', programmes)}` : '',
    !a.owner || !units.includes(a.owner) ? `owner '${a.owner ?? ''}' is not one of: ${units.join(', ')}${didYouMean(a.owner ?? '', units)}` : '',
    !a.title?.trim() ? 'give a --title' : '',
    a.deadline && !isIsoDate(a.deadline) ? `deadline '${a.deadline}' must be a real date written YYYY-MM-DD` : '',
    a.assigned && !isIsoDate(a.assigned) ? `assigned '${a.assigned}' must be a real date written YYYY-MM-DD` : '',
  ].filter(Boolean);
  if (problems.length) {
    for (const p of problems) process.stderr.write(`new:task: ${p}\n`);
    return 1;
  }
  const id = scaffold.nextTaskId(a.programme!, new Set(model.ids.tasks.map((t) => t.id)));
  const file = path.join(dir, 'tasks', `${a.programme}.yaml`);
  mkdirSync(path.dirname(file), { recursive: true });
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const separator = before && !before.endsWith('\n') ? '\n' : '';
  // Appending never rewrites what is already in the file, comments included.
  appendFileSync(file, separator + scaffold.renderTask({ id, title: a.title!.trim(), programme: a.programme!, owner: a.owner!, deadline: a.deadline, assigned: a.assigned }));
  process.stdout.write(`added task ${id} to ${path.relative(process.cwd(), file)}\nCheck it with: npm run validate\n`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`new:task: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
