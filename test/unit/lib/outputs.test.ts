import { describe, expect, it } from 'vitest';
import { csvField, toDataPackage, toTasksCsv, toTasksJson, UTF8_BOM } from '../../../src/lib/outputs.ts';
import { PUBLISHED_SCHEMAS } from '../../../src/lib/json-schemas.ts';
import { makeModel, makeSite, makeTask } from './charts/model-factory.ts';
import { schemaErrors } from '../../helpers/json-schema.ts';

const ctx = { base: '/', defaultLocale: 'vi' };

describe(csvField, () => {
  it('neutralises what a spreadsheet would run as a formula, as OWASP recommends', () => {
    expect(csvField('=HYPERLINK("http://x.example","bấm")')).toBe(`"'=HYPERLINK(""http://x.example"",""bấm"")"`);
    expect(csvField("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    for (const start of ['+', '-', '@', '\t']) expect(csvField(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvField('\r1')).toBe(`"'\r1"`);
    expect(csvField('Số hóa 100%')).toBe('Số hóa 100%');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
  });
});

describe(toTasksCsv, () => {
  const model = makeModel({ tasks: [makeTask({ id: 'K1', title: { vi: '=HYPERLINK("http://x.example")', en: '@SUM(A1)' } })] });
  const csv = toTasksCsv(model, ctx);

  it('starts with a UTF-8 byte order mark, so that spreadsheets read the Vietnamese right', () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).startsWith('id,title_vi,title_en,')).toBe(true);
  });

  it('writes no cell that starts a formula, and gives each task page as an absolute URL', () => {
    const cells = csv.slice(1).trim().split('\r\n')[1]!.split(',');
    expect(cells.some((cell) => /^"?[=+\-@\t\r]/.test(cell))).toBe(false);
    expect(cells).toContain(`"'=HYPERLINK(""http://x.example"")"`);
    expect(cells).toContain("'@SUM(A1)");
    expect(cells).toContain('https://x.example/tasks/K1/');
  });
});

describe(toTasksJson, () => {
  it('publishes tasks without the build-internal `file` field, valid against the published schema', () => {
    const model = makeModel({ tasks: [{ ...makeTask({ id: 'K1', deadline: '2025-12-31' }), file: 'tasks/k.yaml' } as ReturnType<typeof makeTask>] });
    const json = JSON.parse(JSON.stringify(toTasksJson(model, ctx)));
    expect(json[0]).not.toHaveProperty('file');
    expect(schemaErrors('tasks-json', json)).toEqual([]);
  });
});

describe(toDataPackage, () => {
  const model = makeModel({ site: makeSite({ url: 'https://tien-do.example/nq57', licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } }), tasks: [makeTask({ id: 'K1' })] });
  const pkg = toDataPackage(model, { base: '/nq57/', defaultLocale: 'vi' });

  it('describes every data file, with the licence from site.yaml', () => {
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.name).toMatch(/^[a-z0-9._/-]+$/);
    expect(pkg.resources.map((r) => r.path)).toEqual(['meetings.json', 'tasks.json', 'tasks.csv', 'progress.json']);
    expect(pkg.licenses).toEqual([{ title: 'CC BY 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }]);
    expect(pkg.homepage).toBe('https://tien-do.example/nq57/data/');
    for (const resource of pkg.resources) {
      if ('jsonSchema' in resource) expect(Object.keys(PUBLISHED_SCHEMAS)).toContain(resource.jsonSchema.replace(/^schema\/(.*)\.json$/, '$1'));
    }
  });

  it("types the CSV's columns as they are written", () => {
    const csv = pkg.resources.find((r) => r.path === 'tasks.csv')!;
    const header = toTasksCsv(model, ctx).slice(1).split('\r\n')[0]!.split(',');
    expect('schema' in csv && csv.schema.fields.map((f) => f.name)).toEqual(header);
    expect('schema' in csv && csv.schema.fields.find((f) => f.name === 'deadline')!.type).toBe('date');
  });
});
