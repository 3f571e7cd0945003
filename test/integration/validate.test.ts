import { describe, expect, it } from 'vitest';
import { fixture, runScript } from '../helpers/run.ts';

const valid = runScript('validate.ts', [], { CONTENT_DIR: fixture('valid') });
const invalid = runScript('validate.ts', [], { CONTENT_DIR: fixture('invalid') });
const english = runScript('validate.ts', ['--lang', 'en'], { CONTENT_DIR: fixture('invalid') });
const lines = invalid.stdout.trim().split('\n');
const englishLines = english.stdout.trim().split('\n');

/** The problem reported at `file:line`, with its severity and message. */
function at(fileAndLine: string): string[] {
  return lines.filter((l) => l.startsWith(`${fileAndLine}:`));
}

/** The same, in English. */
function atEn(fileAndLine: string): string[] {
  return englishLines.filter((l) => l.startsWith(`${fileAndLine}:`));
}

describe('npm run validate', () => {
  it('accepts the valid fixture, with a warning for the markup it will remove', () => {
    expect(valid.status).toBe(0);
    expect(valid.stdout).not.toContain(': error:');
    expect(valid.stdout).toContain('meetings/2025-09-25-hop-quy-3.vi.md:17:1: warning: thẻ HTML <script> và nội dung bên trong sẽ bị bỏ');
  });

  it('refuses the broken fixture with exit status 1 and no stack trace', () => {
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
    expect(invalid.stderr).toMatch(/\d+ lỗi, \d+ cảnh báo/);
  });

  it('prints every problem as path:line:column: severity: message, in either language', () => {
    for (const line of [...lines, ...englishLines]) expect(line).toMatch(/^[^:]+:\d+:\d+: (error|warning): \S/);
    const places = (found: string[]) => found.map((l) => l.split(': ').slice(0, 2).join(': ')).sort();
    expect(places(englishLines)).toEqual(places(lines));
  });

  // The site's default language (vi) unless --lang asks for another; the prefix is the same in both.
  it.each([
    ['site.yaml:4', 'error', 'url \'http://insecure.example\' phải là địa chỉ web đầy đủ bắt đầu bằng https://', 'url \'http://insecure.example\' must be an absolute URL starting with https://'],
    ['site.yaml:6', 'error', 'default_locale \'fr\' không nằm trong các ngôn ngữ locales: vi, en', 'default_locale \'fr\' is not one of the locales: vi, en'],
    ['programmes.yaml:5', 'error', 'issued 2025-02-30 không phải là một ngày có thật', 'issued 2025-02-30 is not a real calendar date'],
    ['programmes.yaml:6', 'error', 'scope \'tinh-khac\' không phải một trong các giá trị: national, tinh-mau', 'scope \'tinh-khac\' is not one of: national, tinh-mau'],
    ['units.yaml:3', 'error', 'mã đơn vị \'u-khcn\' bị trùng (đã khai báo trước trong units.yaml)', 'duplicate unit id \'u-khcn\' (first defined in units.yaml)'],
    ['tasks/a.yaml:5', 'error', 'status \'done\' không phải một trong các giá trị: not-started, in-progress, completed, cancelled, unknown; có phải là \'completed\'?', 'status \'done\' is not one of: not-started, in-progress, completed, cancelled, unknown; did you mean \'completed\'?'],
    ['tasks/a.yaml:10', 'error', 'status là \'completed\' nhưng chưa có ngày hoàn thành', 'status is \'completed\' but there is no \'completed\' date'],
    ['tasks/a.yaml:14', 'error', 'không có đơn vị nào mang mã \'u-khnc\'; có phải là \'u-khcn\'?', 'unknown unit \'u-khnc\'; did you mean \'u-khcn\'?'],
    ['tasks/a.yaml:16', 'error', 'không có trường \'dealine\'; có phải là \'deadline\'? Giá trị này sẽ không được công bố cho tới khi sửa tên trường', 'unknown field \'dealine\'; did you mean \'deadline\'? Its value is not published until the name is corrected'],
    ['tasks/a.yaml:19', 'error', 'không có chương trình nào mang mã \'kh-13\'; có phải là \'kh-12\'?', 'unknown programme \'kh-13\'; did you mean \'kh-12\'?'],
    ['tasks/a.yaml:21', 'error', 'deadline 2025-13-01 không phải là một ngày có thật', 'deadline 2025-13-01 is not a real calendar date'],
    ['tasks/a.yaml:25', 'error', 'history[1].date phải xếp từ cũ đến mới: 2025-03-01 đứng sau 2025-05-01', 'history[1].date must be oldest first: 2025-03-01 comes after 2025-05-01'],
    ['tasks/a.yaml:27', 'error', 'sources[0].url dùng giao thức \'javascript:\', không được phép', 'sources[0].url uses the scheme \'javascript:\', which is not allowed'],
    ['tasks/b.yaml:1', 'error', 'mã nhiệm vụ \'T1\' bị trùng (đã khai báo trước trong tasks/a.yaml)', 'duplicate task id \'T1\' (first defined in tasks/a.yaml)'],
    ['tasks/broken.yaml:2:10', 'error', 'dấu [ mở ở đây không được đóng bằng ]; thêm ] ở cuối danh sách', 'the [ opened here is never closed with ]; close it at the end of the list'],
    ['meetings/2025-06-15-hop.vi.md:6', 'error', 'reported[0].completed (70) lớn hơn tổng số (65)', 'reported[0].completed (70) is more than the total (65)'],
    ['meetings/2025-06-15-hop.vi.md:7', 'error', 'reported[1].percent_completed 60 không khớp với completed / total', 'reported[1].percent_completed 60 does not match completed / total'],
    ['meetings/2025-06-15-hop.vi.md:8', 'error', 'không có nhiệm vụ nào mang mã \'T99\'', 'unknown task \'T99\''],
    ['meetings/2025-06-15-hop.vi.md:11', 'error', 'không có nhiệm vụ nào mang mã \'T88\'', 'unknown task \'T88\''],
    ['meetings/2025-06-15-hop.vi.md:13', 'error', 'không có tệp \'media/missing.jpg\' trong thư mục nội dung', '\'media/missing.jpg\' does not exist in the content folder'],
    ['meetings/2025-06-15-hop.vi.md:15', 'error', '\'../outside.png\' trỏ ra ngoài thư mục nội dung', '\'../outside.png\' points outside the content folder'],
    ['meetings/2025-06-15-hop.vi.md:17', 'error', 'images[2].alt là trường bắt buộc: mô tả nội dung bức ảnh', 'images[2].alt is required'],
    ['meetings/2025-06-15-hop.vi.md:19', 'error', 'sources[0].url dùng giao thức \'ftp:\'', 'sources[0].url uses the scheme \'ftp:\''],
    ['meetings/2025-06-15-hop.vi.md:20', 'error', 'không có trường \'atendees\'; có phải là \'attendees\'?', 'unknown field \'atendees\'; did you mean \'attendees\'?'],
    ['meetings/2025-06-15-hop.vi.md:24', 'warning', 'thẻ HTML <img> sẽ bị bỏ, giữ lại chữ bên trong', 'raw HTML <img> will be removed'],
    ['meetings/2025-06-15-hop.en.md:3', 'error', 'date khác với bản dịch meetings/2025-06-15-hop.vi.md', 'date differs from the translation meetings/2025-06-15-hop.vi.md'],
    ['meetings/2025-06-20 Bad Name.vi.md:1', 'error', 'tên tệp cuộc họp \'2025-06-20 Bad Name.vi.md\' không hợp lệ', 'meeting file name \'2025-06-20 Bad Name.vi.md\' is not valid'],
    ['meetings/2025-07-01-thieu-truong.vi.md:2', 'error', 'thiếu trường bắt buộc title', 'title is required'],
    ['meetings/2025-07-01-thieu-truong.vi.md:2', 'error', 'thiếu trường bắt buộc summary', 'summary is required'],
    ['meetings/2025-07-01-thieu-truong.vi.md:3', 'error', 'level \'regional\' không phải một trong các giá trị: national, province, commune', 'level \'regional\' is not one of: national, province, commune'],
    ['meetings/2025-07-01-thieu-truong.vi.md:4', 'error', 'draft phải là true hoặc false', 'draft must be true or false'],
    ['meetings/2025-07-02-frontmatter-hong.vi.md:2:8', 'error', 'dấu " mở ở đây không được đóng; thêm dấu " ở cuối giá trị', 'the " opened here is never closed; add the closing " at the end of the value'],
  ])('reports %s: %s: %s (in English: %s)', (place, severity, vi, en) => {
    for (const [found, message] of [[at(place), vi], [atEn(place), en]] as const) {
      expect(found.some((l) => l.includes(`: ${severity}: `) && l.includes(message)), `${place}\n${found.join('\n')}`).toBe(true);
    }
  });

  it('reports a file that cannot be parsed once, at its cause', () => {
    expect(lines.filter((l) => l.startsWith('tasks/broken.yaml:'))).toHaveLength(1);
    expect(at('meetings/2025-07-02-frontmatter-hong.vi.md')).toHaveLength(1);
  });

  it('words its summary in the same language', () => {
    expect(invalid.stderr).toMatch(/^\d+ lỗi, \d+ cảnh báo$/m);
    expect(english.stderr).toMatch(/^\d+ errors, \d+ warnings$/m);
    expect(valid.stderr).toMatch(/^0 lỗi, \d+ cảnh báo$/m);
  });

  it('gives the same problems as JSON with --format json', () => {
    const json = runScript('validate.ts', ['--format', 'json'], { CONTENT_DIR: fixture('invalid') });
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as { valid: boolean; errors: number; problems: Array<Record<string, unknown>> };
    expect(parsed.valid).toBe(false);
    expect(parsed.problems).toHaveLength(lines.length);
    expect(parsed.errors).toBe(lines.filter((l) => l.includes(': error: ')).length);
    expect(parsed.problems[0]).toEqual(expect.objectContaining({ file: expect.any(String), line: expect.any(Number), column: expect.any(Number), severity: expect.any(String), message: expect.any(String) }));
  });

  it('writes GitHub annotations with --format github', () => {
    const gh = runScript('validate.ts', ['--format', 'github'], { CONTENT_DIR: fixture('invalid') });
    expect(gh.stdout).toContain('::error file=test/fixtures/content/invalid/tasks/a.yaml,line=5,col=11::status \'done\' không phải một trong các giá trị');
  });

  it('says what is wrong with its own arguments', () => {
    const bad = runScript('validate.ts', ['--format', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format cần một trong: text, json, github\ncách dùng: npm run validate');
    const help = runScript('validate.ts', ['--help', '--lang', 'en']);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe('usage: npm run validate -- [content folder] [--format text|json|github] [--lang vi|en]\n');
  });

  it('reports a missing content folder in one line', () => {
    const missing = runScript('validate.ts', [], { CONTENT_DIR: fixture('does-not-exist') });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/^\.:1:1: error: không có thư mục nội dung .*/);
  });
});
