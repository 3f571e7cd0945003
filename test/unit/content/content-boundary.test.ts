// The content folder is a boundary: links that leave it are refused, never read; text that is not
// UTF-8 is an error at its first bad byte; an empty task file and a very long body are warned about.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContent } from '../../../src/content/reader.ts';
import { readContentIds } from '../../../src/content/ids.ts';
import { readSiteConfig } from '../../../src/content/site-config.ts';
import { formatProblem } from '../../../src/lib/problems.ts';
import { runScript } from '../../helpers/run.ts';
import { bytePosition, firstInvalidUtf8 } from '../../../src/lib/utf8.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'nq57-boundary-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SECRET = 'root:x:0:0:bí-mật-ngoài-thư-mục';
const outside = path.join(work, 'outside');
mkdirSync(outside);
writeFileSync(path.join(outside, 'passwd'), `${SECRET}\n`);
writeFileSync(path.join(outside, 'photo.png'), `${SECRET}\n`);
writeFileSync(path.join(outside, 'meeting.md'), `---\ntitle: ${SECRET}\ndate: 2025-10-01\nsummary: x\nlevel: province\n---\n${SECRET}\n`);

/** A copy of the valid fixture, changed by `change`. */
function folder(name: string, change: (dir: string) => void): string {
  const dir = path.join(work, name);
  cpSync(path.resolve('test/fixtures/content/valid'), dir, { recursive: true });
  change(dir);
  return dir;
}

describe('links in the content folder', () => {
  const dir = folder('links', (d) => {
    // The photo a meeting names is a link to a file outside.
    unlinkSync(path.join(d, 'media/hop-quy-2.png'));
    symlinkSync(path.join(outside, 'passwd'), path.join(d, 'media/hop-quy-2.png'));
    symlinkSync(outside, path.join(d, 'media/ngoai'));
    symlinkSync(path.join(outside, 'meeting.md'), path.join(d, 'meetings/2025-10-01-ngoai.vi.md'));
    symlinkSync(path.join(outside, 'nothing-here'), path.join(d, 'media/broken.png'));
    // Links that stay inside are fine.
    symlinkSync('../tasks', path.join(d, 'media/tasks-again'));
    symlinkSync('kh-12.yaml', path.join(d, 'tasks/same.yml.txt'));
  });
  const { problems } = readContent(dir);
  const lines = problems.map(formatProblem);

  it('refuse a photo that leaves the folder where the meeting names it, and a meeting file that does', () => {
    expect(lines).toContain(
      "meetings/2025-06-15-hop-quy-2.vi.md:23:10: error: 'media/hop-quy-2.png' là liên kết tượng trưng trỏ ra ngoài thư mục nội dung: tệp không được đọc và không được đăng; hãy chép tệp vào thư mục nội dung thay cho liên kết",
    );
    expect(lines).toContain(
      'meetings/2025-10-01-ngoai.vi.md:1:1: error: tệp này là liên kết tượng trưng trỏ ra ngoài thư mục nội dung (hoặc tới chỗ không tồn tại): không được đọc và không được đăng; hãy chép tệp vào thư mục nội dung thay cho liên kết',
    );
    expect(lines).toContain(
      'media/ngoai:1:1: warning: thư mục này là liên kết tượng trưng trỏ ra ngoài thư mục nội dung (hoặc tới chỗ không tồn tại): không được đọc và không được đăng; hãy chép thư mục vào thư mục nội dung thay cho liên kết',
    );
    expect(lines.some((l) => l.startsWith('media/broken.png:1:1: warning: '))).toBe(true);
    expect(lines.join('\n')).not.toContain('bí-mật');
  });

  it('follow links that stay inside the folder', () => {
    expect(lines.filter((l) => /tasks-again|same\.yml/.test(l))).toEqual([expect.stringContaining('tasks/same.yml.txt:1:1: warning: tệp nhiệm vụ phải là tệp YAML')]);
  });

  it('make npm run validate fail with its errors, not an internal error, and print nothing from outside', () => {
    const result = runScript('validate.ts', [], { CONTENT_DIR: dir });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain("'media/hop-quy-2.png' là liên kết tượng trưng trỏ ra ngoài thư mục nội dung");
    expect(result.stdout + result.stderr).not.toContain('bí-mật');
    expect(result.stdout + result.stderr).not.toContain('root:x');
  });
});

describe('text that is not UTF-8', () => {
  it('is an error at the line and column of its first bad byte, in YAML and in meetings', () => {
    const dir = folder('latin1', (d) => {
      // "Sở Nội vụ" written as Latin-1 would be refused too; here é (0xE9) on line 3, column 14.
      writeFileSync(path.join(d, 'tasks/latin1.yaml'), Buffer.concat([Buffer.from('- id: L1\n  title: Nhiệm vụ\n  notes: "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]));
      writeFileSync(path.join(d, 'meetings/2025-10-01-latin.vi.md'), Buffer.concat([Buffer.from('\uFEFF---\ntitle: Họp\n---\nThành ph'), Buffer.from([0xf4, 0x20]), Buffer.from('\n')]));
    });
    const lines = readContent(dir).problems.map(formatProblem);
    expect(lines).toContain('tasks/latin1.yaml:3:14: error: tệp không phải UTF-8 (byte 0xE9 ở đây; có thể tệp được lưu bằng bảng mã Latin-1 hoặc Windows-1258): hãy lưu lại tệp với bảng mã UTF-8 trong trình soạn thảo (ví dụ "Save with Encoding → UTF-8")');
    expect(lines.some((l) => l.startsWith('meetings/2025-10-01-latin.vi.md:4:9: error: tệp không phải UTF-8 (byte 0xF4 ở đây'))).toBe(true);
    // The rest of the folder, a UTF-8 BOM at the start of a file included, is read as before.
    expect(lines.filter((l) => l.includes('UTF-8'))).toHaveLength(2);
  });

  it('is found at the first byte of a sequence that is cut short, overlong or a surrogate', () => {
    const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
    expect(at(0x61, 0xc3, 0xa9, 0x62)).toBe(-1);
    expect(at(0xef, 0xbb, 0xbf, 0xf0, 0x9f, 0x98, 0x80)).toBe(-1);
    expect(at(0x61, 0xe9, 0x62)).toBe(1);
    expect(at(0x61, 0xe1, 0xbb)).toBe(1);
    expect(at(0xc0, 0xaf)).toBe(0);
    expect(at(0xe0, 0x80, 0xaf)).toBe(0);
    expect(at(0xed, 0xa0, 0x80)).toBe(0);
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0);
    expect(at(0x61, 0x80)).toBe(1);
    expect(bytePosition(Uint8Array.from([0x61, 0x0a, 0xe1, 0xbb, 0x9f, 0x62, 0xff]), 6)).toEqual({ line: 2, column: 3 });
  });
});

describe('warnings for what would publish badly', () => {
  it('name an empty task file, and a meeting body over 1 MB with its size', () => {
    const dir = folder('warnings', (d) => {
      writeFileSync(path.join(d, 'tasks/trong.yaml'), '# chưa có nhiệm vụ\n');
      writeFileSync(path.join(d, 'tasks/rong.yaml'), '[]\n');
      writeFileSync(path.join(d, 'meetings/2025-10-01-dai.vi.md'), `---\ntitle: Họp dài\ndate: 2025-10-01\nsummary: Tóm tắt\nlevel: province\nsources:\n  - url: https://x.example/\n---\n${'Đoạn văn dài. '.repeat(60_000)}\n`);
    });
    const lines = readContent(dir).problems.map(formatProblem);
    expect(lines).toContain(`tasks/trong.yaml:1:1: warning: tệp không có nhiệm vụ nào (tệp trống hoặc chỉ có chú thích): hãy thêm nhiệm vụ, mỗi nhiệm vụ bắt đầu bằng "- id: …", hoặc xoá tệp`);
    // An explicit empty list says that no task is published yet: no warning.
    expect(lines.filter((line) => line.startsWith('tasks/rong.yaml'))).toEqual([]);
    expect(lines).toContain(
      'meetings/2025-10-01-dai.vi.md:9:1: warning: nội dung cuộc họp dài 1,1 MB, quá giới hạn 1 MB: trang sẽ quá nặng với người đọc trên điện thoại; hãy rút gọn, hoặc đăng toàn văn ở nơi khác và dẫn nguồn (sources)',
    );
  });
});

describe('what the web editor and the Astro config read before the check', () => {
  it('offers no id from a list file that links outside the folder, and lists only task files inside it', () => {
    writeFileSync(path.join(outside, 'units.yaml'), `- id: ${'bi-mat'}\n  name: ${SECRET}\n`);
    writeFileSync(path.join(outside, 'tasks.yaml'), `- id: ngoai-1\n  title: ${SECRET}\n`);
    const dir = folder('editor-ids', (d) => {
      unlinkSync(path.join(d, 'units.yaml'));
      symlinkSync(path.join(outside, 'units.yaml'), path.join(d, 'units.yaml'));
      symlinkSync(path.join(outside, 'tasks.yaml'), path.join(d, 'tasks/ngoai.yaml'));
    });
    const ids = readContentIds(dir);
    expect(ids.units).toEqual([]);
    expect(ids.taskFiles).toEqual(['kh-12.yaml', 'more.yaml']);
    expect(ids.tasks).not.toContain('ngoai-1');
    expect(ids.tasks.length).toBeGreaterThan(0);
  });

  it('reads no language from a site.yaml that is not UTF-8, and falls back to Vietnamese', () => {
    const dir = folder('site-latin1', (d) => {
      // "Cà Mau" in Latin-1, and English as the default language: neither may be taken from it.
      writeFileSync(path.join(d, 'site.yaml'), Buffer.concat([Buffer.from('name: C'), Buffer.from([0xe0]), Buffer.from(' Mau\nurl: https://example.org/\nlocales: [en, vi]\ndefault_locale: en\n')]));
    });
    expect(readSiteConfig(dir)).toEqual({ name: '', url: 'https://example.invalid', locales: ['vi'], defaultLocale: 'vi' });
  });
});
