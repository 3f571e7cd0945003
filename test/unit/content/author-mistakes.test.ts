// The mistakes a press officer makes most, each with the exact message, in Vietnamese (the site's
// default language) and in English.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readContent } from '../../../src/content/reader.ts';
import { setMessageLang } from '../../../src/lib/messages.ts';
import { formatProblem } from '../../../src/lib/problems.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'nq57-mistakes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => setMessageLang('vi'));

let copies = 0;

type Edit = (text: string) => string;

/** The valid fixture with one file changed by `edit`: its problems, as the validator prints them. */
function problemsAfter(file: string, edit: Edit, lang: string): string[] {
  return problemsAfterEdits({ [file]: edit }, lang);
}

/** The same, with several files changed. */
function problemsAfterEdits(edits: Record<string, Edit>, lang: string): string[] {
  const dir = path.join(scratch, String(copies++));
  cpSync(path.resolve('test/fixtures/content/valid'), dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const full = path.join(dir, file);
    const before = readFileSync(full, 'utf8');
    const after = edit(before);
    expect(after, 'the edit changed nothing').not.toBe(before);
    writeFileSync(full, after);
  }
  setMessageLang(lang);
  return readContent(dir)
    .problems.filter((p) => !(p.severity === 'warning' && /sources|nguồn|<script>/.test(p.message)))
    .map(formatProblem);
}

const TASKS = 'tasks/kh-12.yaml';
/** The first task's status line in the fixture, `status: completed` on line 9. */
const setStatus = (value: string) => (text: string) => text.replace('  status: completed\n  completed: 2025-03-01', `  status: ${value}\n  completed: 2025-03-01`);

describe('a status written in Vietnamese', () => {
  it.each([
    ['vi', "tasks/kh-12.yaml:9:11: error: status 'hoàn thành' không phải một trong các giá trị: not-started, in-progress, completed, cancelled, unknown; có phải là 'completed'?"],
    ['en', "tasks/kh-12.yaml:9:11: error: status 'hoàn thành' is not one of: not-started, in-progress, completed, cancelled, unknown; did you mean 'completed'?"],
  ])('%s: names the value meant', (lang, message) => {
    expect(problemsAfter(TASKS, setStatus('hoàn thành'), lang)).toContain(message);
  });

  it('is read without diacritics or case, and for every status', () => {
    const problems = problemsAfter(TASKS, (text) => setStatus('Dang Thuc Hien')(text).replace('  status: not-started', '  status: đã hủy'), 'en');
    expect(problems.some((p) => p.includes("status 'Dang Thuc Hien' is not one of") && p.endsWith("did you mean 'in-progress'?"))).toBe(true);
  });

  it('names the status meant when no source says where a task stands', () => {
    const problems = problemsAfter(TASKS, setStatus('chưa có thông tin'), 'en');
    expect(problems.some((p) => p.startsWith("tasks/kh-12.yaml:9:11: error: status 'chưa có thông tin' is not one of") && p.endsWith("did you mean 'unknown'?"))).toBe(true);
  });

  it('names the level meant for a meeting', () => {
    const problems = problemsAfter('meetings/2025-06-15-hop-quy-2.vi.md', (text) => text.replace('level: province', 'level: cấp tỉnh'), 'vi');
    expect(problems).toContain("meetings/2025-06-15-hop-quy-2.vi.md:5:8: error: level 'cấp tỉnh' không phải một trong các giá trị: national, province, commune; có phải là 'province'?");
  });
});

describe('a date written the Vietnamese way', () => {
  it.each([
    ['vi', '18/9/2025', "tasks/kh-12.yaml:8:13: error: deadline '18/9/2025' không phải ngày viết theo dạng YYYY-MM-DD (năm-tháng-ngày); có phải là 2025-09-18?"],
    ['en', '18/9/2025', "tasks/kh-12.yaml:8:13: error: deadline '18/9/2025' is not a date written as YYYY-MM-DD; did you mean 2025-09-18?"],
    ['en', '18-9-2025', "tasks/kh-12.yaml:8:13: error: deadline '18-9-2025' is not a date written as YYYY-MM-DD; did you mean 2025-09-18?"],
    ['en', '18.9.2025', "tasks/kh-12.yaml:8:13: error: deadline '18.9.2025' is not a date written as YYYY-MM-DD; did you mean 2025-09-18?"],
  ])('%s: %s gives its ISO form, once', (lang, written, message) => {
    const problems = problemsAfter(TASKS, (text) => text.replace('  deadline: 2025-06-30', `  deadline: ${written}`), lang);
    expect(problems).toContain(message);
    expect(problems.filter((p) => p.startsWith('tasks/kh-12.yaml:8:'))).toHaveLength(1);
  });

  it('gives its ISO form for a meeting date too', () => {
    const problems = problemsAfter('meetings/2025-06-15-hop-quy-2.vi.md', (text) => text.replace('date: 2025-06-15T14:00:00+07:00', 'date: 15/6/2025'), 'en');
    expect(problems).toContain(
      "meetings/2025-06-15-hop-quy-2.vi.md:3:7: error: date '15/6/2025' is not a date (YYYY-MM-DD) or a date-time with offset (2025-09-18T14:00:00+07:00); did you mean 2025-06-15?",
    );
  });
});

describe('a tab in a task file', () => {
  const withTab = (text: string) => text.replace('  owner: u-khcn\n  partners', '\towner: u-khcn\n  partners');

  it.each([
    [
      'vi',
      'tasks/kh-12.yaml:4:1: error: dòng này thụt lề bằng ký tự tab (cột 1); YAML không cho phép thụt lề bằng tab: dùng dấu cách thay cho tab',
      'tasks/kh-12.yaml:1:1: warning: 6 tham chiếu tới nhiệm vụ trong tệp này (từ các tệp khác) bị bỏ qua cho tới khi tệp này đọc được; hãy sửa lỗi của tệp này trước',
    ],
    [
      'en',
      'tasks/kh-12.yaml:4:1: error: a tab (column 1) indents this line; YAML does not allow tabs for indentation: use spaces instead of the tab',
      'tasks/kh-12.yaml:1:1: warning: 6 references to tasks in this file (from other files) are skipped until this file can be read; fix its error first',
    ],
  ])('%s: is named, once, with no follow-on error in other files', (lang, error, summary) => {
    const problems = problemsAfter(TASKS, withTab, lang);
    expect(problems).toEqual([error, summary].sort());
  });

  it('still reports a reference to a task that no file defines', () => {
    const problems = problemsAfterEdits({ [TASKS]: withTab, 'meetings/2025-06-15-hop-quy-2.vi.md': (text) => text.replace('tasks: [K1, K2]', 'tasks: [K1, K99]') }, 'en');
    expect(problems, problems.join("\n")).toContain("meetings/2025-06-15-hop-quy-2.vi.md:13:13: error: unknown task 'K99'");
    expect(problems).toContain('tasks/kh-12.yaml:1:1: warning: 5 references to tasks in this file (from other files) are skipped until this file can be read; fix its error first');
  });
});

describe('a frontmatter that is not closed', () => {
  const unclosed = (text: string) => text.replace(/\n---\n/, '\n\n');

  it.each([
    ['vi', 'meetings/2025-06-15-hop-quy-2.vi.md:1:1: error: dòng "---" ở dòng 1 mở phần thông tin (frontmatter) nhưng không có dòng "---" nào đóng lại; thêm một dòng "---" sau trường cuối cùng, trước phần nội dung bản tin'],
    ['en', 'meetings/2025-06-15-hop-quy-2.vi.md:1:1: error: the "---" on line 1 opens the frontmatter, but no "---" line closes it; add a line "---" after the last field, before the text of the news item'],
  ])('%s: names the --- at line 1, and nothing in the body', (lang, message) => {
    const problems = problemsAfter('meetings/2025-06-15-hop-quy-2.vi.md', unclosed, lang);
    expect(problems.filter((p) => p.startsWith('meetings/2025-06-15-hop-quy-2.vi.md:'))).toEqual([message]);
  });
});

describe('a misspelled field name', () => {
  const dealine = (text: string) => text.replace('  deadline: 2025-06-30', '  dealine: 2025-06-30');

  it.each([
    ['vi', "tasks/kh-12.yaml:8:3: error: không có trường 'dealine'; có phải là 'deadline'? Giá trị này sẽ không được công bố cho tới khi sửa tên trường"],
    ['en', "tasks/kh-12.yaml:8:3: error: unknown field 'dealine'; did you mean 'deadline'? Its value is not published until the name is corrected"],
  ])('%s: is an error with the field meant', (lang, message) => {
    expect(problemsAfter(TASKS, dealine, lang)).toContain(message);
  });

  it.each([
    ['vi', "tasks/kh-12.yaml:8:3: warning: trường 'colour' không có trong định dạng nên bị bỏ qua"],
    ['en', "tasks/kh-12.yaml:8:3: warning: unknown field 'colour' is ignored"],
  ])('%s: a field like no known one stays a warning', (lang, message) => {
    expect(problemsAfter(TASKS, (text) => text.replace('  deadline: 2025-06-30', '  colour: blue'), lang)).toContain(message);
  });
});

describe('a heading of a body that the page has already', () => {
  const MEETING = 'meetings/2025-06-15-hop-quy-2.vi.md';
  /** The meeting's body with `added` at its end; the line of its first line in the file. */
  const append = (added: string) => {
    let line = 0;
    const edit = (text: string) => {
      line = text.replace(/\n$/, '').split('\n').length + 2;
      return `${text.replace(/\n$/, '')}\n\n${added}`;
    };
    return { edit, line: () => line };
  };

  it.each([
    ['vi', "tiêu đề 'Chỉ đạo' trùng tên với một mục mà trang của cuộc họp tự thêm; hãy đặt tên khác, để trang không có hai mục cùng tên"],
    ['en', "heading 'Chỉ đạo' has the name of a section that the meeting's page adds itself; give it another name, so that the page does not have two sections of the same name"],
  ])('%s: is a warning at its line, in the language of the body', (lang, message) => {
    const { edit, line } = append('## Chỉ đạo\n\nTiếp tục số hóa hồ sơ.\n');
    expect(problemsAfter(MEETING, edit, lang)).toContain(`${MEETING}:${line()}:1: warning: ${message}`);
  });

  it('is read in the language of the file', () => {
    const file = 'meetings/2025-06-15-hop-quy-2.en.md';
    const problems = problemsAfter(file, (text) => `${text.replace(/\n$/, '')}\n\n## Reported figures\n\n## Chỉ đạo\n`, 'en').filter((p) => p.includes('has the name of a section'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("heading 'Reported figures'");
  });

  it('is found whatever its case and closing hashes, and not in code or under another name', () => {
    const { edit, line } = append('### số liệu được báo cáo ###\n\n```\n## Chỉ đạo\n```\n\n## Chỉ đạo của Bí thư\n\n## Reported figures\n');
    const warnings = problemsAfter(MEETING, edit, 'vi').filter((p) => p.includes('trùng tên với một mục'));
    expect(warnings).toEqual([`${MEETING}:${line()}:1: warning: tiêu đề 'số liệu được báo cáo' trùng tên với một mục mà trang của cuộc họp tự thêm; hãy đặt tên khác, để trang không có hai mục cùng tên`]);
  });
});

