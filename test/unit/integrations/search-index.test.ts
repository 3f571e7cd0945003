import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../../src/integrations/search-index.ts';
import type { SearchRecord } from '../../../src/lib/search-records.ts';
import { fileDigests } from '../../helpers/built-site.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'nq57-search-'));
afterAll(async () => {
  await pagefind.close();
  rmSync(scratch, { recursive: true, force: true });
});

function record(language: string, url: string, title: string, content: string): SearchRecord {
  return { url, content, language, meta: { title, summary: title, date: '2025-06-15', kind: 'meeting' }, filters: { kind: ['meeting'] } };
}

// Languages interleaved, as the site gives them (each meeting in its languages, then each task), and
// one more page in Vietnamese than in English.
const RECORDS = [
  record('vi', '/meetings/hop-quy-2/', 'Ban Chỉ đạo họp quý II', 'Ban Chỉ đạo tỉnh Cà Mau họp quý II, đánh giá tiến độ chuyển đổi số Đắk Lắk dak lak'),
  record('en', '/en/meetings/hop-quy-2/', 'Steering committee, second quarter', 'The steering committee of Ca Mau reviewed digital transformation progress'),
  record('vi', '/tasks/K1/', 'K1: Thuê dịch vụ trung tâm dữ liệu', 'K1 Thuê dịch vụ trung tâm dữ liệu Sở Khoa học và Công nghệ'),
  record('en', '/en/tasks/K1/', 'K1: Renting data centre services', 'K1 Renting data centre services Department of Science and Technology'),
  record('vi', '/tasks/K2/', 'K2: Số hoá hồ sơ', 'K2 Số hoá hồ sơ hành chính'),
];

describe(writeSearchIndex, () => {
  it("writes, one language at a time, the files one Pagefind index of every record writes", async () => {
    const apart = path.join(scratch, 'apart');
    await writeSearchIndex(RECORDS, apart);

    const together = path.join(scratch, 'together');
    const { index } = await pagefind.createIndex({});
    for (const r of RECORDS) expect((await index!.addCustomRecord(r)).errors).toEqual([]);
    expect((await index!.writeFiles({ outputPath: together })).errors).toEqual([]);
    await pagefind.close();

    const entry = JSON.parse(readFileSync(path.join(apart, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]))).toEqual({ en: 2, vi: 3 });
    const written = fileDigests(apart);
    const expected = fileDigests(together);
    expect(Object.keys(written)).toEqual(Object.keys(expected));
    expect(written).toEqual(expected);
  });

  it('writes Pagefind\'s files with no language where there is no record, so that the search page loads', async () => {
    const none = path.join(scratch, 'none');
    await writeSearchIndex([], none);
    expect(readdirSync(none)).toContain('pagefind.js');
    expect(JSON.parse(readFileSync(path.join(none, 'pagefind-entry.json'), 'utf8'))).toMatchObject({ languages: {} });
  });
});
