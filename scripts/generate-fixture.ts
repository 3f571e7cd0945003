// Writes synthetic content of a given size and shape into a folder, for benchmarks. Never into content/.
// Usage: node scripts/generate-fixture.ts --out /tmp/fixture --meetings 500 --tasks 1250 [--seed 1] [--shape standard]
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseFlags } from '../src/cli/flags.ts';
import { addDays } from '../src/lib/dates.ts';

/** A small seeded generator, so that the same size gives the same content. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

const WORDS_VI = ['chuyển đổi số', 'dữ liệu', 'hạ tầng', 'đổi mới sáng tạo', 'khoa học', 'công nghệ', 'nhân lực', 'thể chế', 'dịch vụ công', 'nông nghiệp', 'đô thị thông minh', 'an toàn thông tin', 'kinh tế số', 'xã hội số', 'chính quyền số'];
const WORDS_EN = ['digital transformation', 'data', 'infrastructure', 'innovation', 'science', 'technology', 'human resources', 'institutions', 'public services', 'agriculture', 'smart city', 'cyber security', 'digital economy', 'digital society', 'digital government'];
const CATEGORIES = ['institutions', 'infrastructure', 'data', 'human-resources', 'digital-government'];
const LEVELS = ['province', 'province', 'province', 'commune', 'national'] as const;

/**
 * Shapes of content, so that a speed measured on one is not tuned to it:
 * - `standard`: 4 programmes, short bodies, two or three history entries a task;
 * - `long-bodies`: the same, with meeting bodies four times as long (more paragraphs, tables, lists);
 * - `deep-history`: 10 to 30 history entries a task, with sources, and a third of the statuses unknown;
 * - `many-programmes`: one programme per 25 tasks, half of their registries partial, many reported figures.
 */
export const SHAPES = ['standard', 'long-bodies', 'deep-history', 'many-programmes'] as const;

/** A shape of content (see SHAPES). */
export type Shape = (typeof SHAPES)[number];

/** Writes a content folder with `meetings` meetings (in vi and en) and `tasks` tasks, of a shape. */
export function generateFixture(out: string, meetings: number, tasks: number, seed = 1, shape: Shape = 'standard'): void {
  if (path.resolve(out) === path.resolve('content')) throw new Error('refusing to write into content/');
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty`);
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  mkdirSync(path.join(out, 'tasks'), { recursive: true });
  mkdirSync(path.join(out, 'meetings'), { recursive: true });
  const programmeCount = shape === 'many-programmes' ? Math.max(4, Math.ceil(tasks / 25)) : 4;
  const programmes = Array.from({ length: programmeCount }, (_, i) => `kh-${i + 1}`);
  const units = Array.from({ length: 24 }, (_, i) => `don-vi-${i + 1}`);
  writeFileSync(path.join(out, 'site.yaml'), stringify({
    name: { vi: 'Tỉnh Thử nghiệm: tiến độ', en: 'Test province: progress' },
    publisher: { vi: 'Văn phòng Ban Chỉ đạo', en: 'Steering committee office' },
    jurisdiction: { id: 'tinh-thu', name: { vi: 'Tỉnh Thử', en: 'Test province' } },
    url: 'https://tinh-thu.example',
    locales: ['vi', 'en'],
    as_of: '2026-06-30',
  }));
  writeFileSync(path.join(out, 'programmes.yaml'), stringify(programmes.map((id, i) => ({
    id, title: { vi: `Kế hoạch ${i + 1}`, en: `Plan ${i + 1}` }, number: `${i + 1}/KH-UBND`, issuer: { vi: 'UBND tỉnh', en: 'Provincial People\'s Committee' }, issued: '2025-01-15', scope: 'tinh-thu',
    ...(shape === 'many-programmes' && i % 2 === 1 ? { registry: 'partial' } : {}),
  }))));
  writeFileSync(path.join(out, 'units.yaml'), stringify(units.map((id, i) => ({ id, name: { vi: `Sở số ${i + 1}`, en: `Department ${i + 1}` } }))));
  const start = '2025-01-01';
  const taskIds: string[] = [];
  const perFile = 250;
  for (let file = 0; file * perFile < tasks; file++) {
    const list = [];
    for (let i = file * perFile; i < Math.min(tasks, (file + 1) * perFile); i++) {
      const id = `T-${String(i + 1).padStart(5, '0')}`;
      taskIds.push(id);
      const assigned = addDays(start, Math.floor(rnd() * 300));
      const deadline = addDays(assigned, 30 + Math.floor(rnd() * 500));
      const roll = rnd();
      const unknownShare = shape === 'deep-history' ? 0.33 : 0;
      const status =
        roll < unknownShare ? 'unknown' : roll < 0.45 ? 'completed' : roll < 0.85 ? 'in-progress' : roll < 0.97 ? 'not-started' : 'cancelled';
      const word = Math.floor(rnd() * WORDS_VI.length);
      const task: Record<string, unknown> = {
        id,
        title: { vi: `Nhiệm vụ ${i + 1}: ${WORDS_VI[word]}`, en: `Task ${i + 1}: ${WORDS_EN[word]}` },
        programme: pick(programmes),
        owner: pick(units),
        category: pick(CATEGORIES),
        assigned,
        deadline,
        status,
      };
      const source = { url: `https://tin-tuc.tinh-thu.example/nhiem-vu-${i + 1}` };
      const history: Array<Record<string, unknown>> = [{ date: assigned, status: 'not-started', source }, { date: addDays(assigned, 10), status: 'in-progress', source }];
      if (shape === 'deep-history') {
        // Back and forth between in progress and not reported, with a note and a source each time.
        const steps = 8 + Math.floor(rnd() * 21);
        for (let k = 0; k < steps; k++) {
          history.push({
            date: addDays(assigned, 11 + k * 7),
            status: k % 3 === 2 ? 'unknown' : 'in-progress',
            note: { vi: `Báo cáo lần ${k + 1}`, en: `Report ${k + 1}` },
            source: { url: `https://tin-tuc.tinh-thu.example/nhiem-vu-${i + 1}/${k + 1}` },
          });
        }
      }
      if (status === 'completed') {
        const last = String(history[history.length - 1]!.date);
        const completed = addDays(last, 10 + Math.floor(rnd() * 300));
        task.completed = completed;
        history.push({ date: completed, status: 'completed', source });
      }
      if (status === 'not-started') history.splice(1);
      if (status === 'in-progress' && history[history.length - 1]!.status !== 'in-progress') {
        history.push({ date: addDays(String(history[history.length - 1]!.date), 5), status: 'in-progress', source });
      }
      if (status === 'unknown') history.push({ date: addDays(String(history[history.length - 1]!.date), 5), status: 'unknown' });
      if (status !== 'cancelled') task.history = history;
      task.sources = [source];
      list.push(task);
    }
    writeFileSync(path.join(out, 'tasks', `nhom-${file + 1}.yaml`), stringify(list));
  }
  for (let i = 0; i < meetings; i++) {
    const day = addDays(start, Math.floor((i * 540) / Math.max(1, meetings)));
    const slug = `hop-${String(i + 1).padStart(5, '0')}`;
    const level = pick(LEVELS);
    const discussed = Array.from({ length: 3 }, () => pick(taskIds));
    const programme = pick(programmes);
    const total = 100 + Math.floor(rnd() * 200);
    const completed = Math.floor(total * rnd());
    const figure = (p: string) => ({ programme: p, total, completed, percent_completed: Math.round((completed / total) * 10000) / 100 });
    const shared = {
      date: day,
      level,
      reported: shape === 'many-programmes' ? [figure(programme), figure(pick(programmes)), figure(pick(programmes))].filter((f, k, all) => all.findIndex((g) => g.programme === f.programme) === k) : [figure(programme)],
      tasks: [...new Set(discussed)],
    };
    const word = Math.floor(rnd() * WORDS_VI.length);
    const table = `| Chỉ tiêu | Số |\n| --- | --: |\n| Tổng số | ${total} |\n| Hoàn thành | ${completed} |\n`;
    const vi = {
      title: `Cuộc họp số ${i + 1} về ${WORDS_VI[word]}`,
      ...shared,
      summary: `Ngày ${day}, Ban Chỉ đạo họp về ${WORDS_VI[word]} và tiến độ các nhiệm vụ.`,
      chair: { name: 'Nguyễn Văn A', role: 'Chủ tịch UBND tỉnh' },
      directions: [{ text: `Đẩy nhanh ${WORDS_VI[word]}.`, tasks: shared.tasks.slice(0, 1), deadline: addDays(day, 60) }],
      sources: [{ url: `https://tin-tuc.tinh-thu.example/${slug}` }],
      tags: [WORDS_VI[word]],
    };
    const en = {
      title: `Meeting ${i + 1} on ${WORDS_EN[word]}`,
      date: day,
      summary: `On ${day} the steering committee met on ${WORDS_EN[word]} and task progress.`,
      sources: [{ url: `https://tin-tuc.tinh-thu.example/${slug}` }],
    };
    const section = `${table}\n${'Nội dung chi tiết của cuộc họp. '.repeat(12)}\n\n## Kết luận\n\n- Ý thứ nhất.\n- Ý thứ hai.\n`;
    const body = (lead: string) => `${lead}\n\n${shape === 'long-bodies' ? Array.from({ length: 4 }, (_, k) => `## Phần ${k + 1}\n\n${section}`).join('\n') : section}`;
    writeFileSync(path.join(out, 'meetings', `${day}-${slug}.vi.md`), `---\n${stringify(vi)}---\n\n${body('Cuộc họp đánh giá tiến độ.')}`);
    writeFileSync(path.join(out, 'meetings', `${day}-${slug}.en.md`), `---\n${stringify(en)}---\n\n${body('The meeting reviewed progress.')}`);
  }
}

if (import.meta.main) {
  const flags = parseFlags(process.argv.slice(2));
  if (!flags.out) {
    process.stderr.write(`usage: node scripts/generate-fixture.ts --out DIR --meetings N --tasks N [--seed S] [--shape ${SHAPES.join('|')}]\n`);
    process.exitCode = 2;
  } else {
    const shape = (flags.shape ?? 'standard') as Shape;
    if (!SHAPES.includes(shape)) {
      process.stderr.write(`unknown shape '${shape}'; shapes: ${SHAPES.join(', ')}\n`);
      process.exitCode = 2;
    } else {
      generateFixture(flags.out, Number(flags.meetings ?? 500), Number(flags.tasks ?? 1250), Number(flags.seed ?? 1), shape);
      process.stderr.write(`wrote ${flags.meetings ?? 500} meetings and ${flags.tasks ?? 1250} tasks of shape ${shape} to ${flags.out}\n`);
    }
  }
}
