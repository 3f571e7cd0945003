import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { locate, parseYamlSource } from '../../../src/lib/yaml-source.ts';
import { setMessageLang } from '../../../src/lib/messages.ts';

afterEach(() => setMessageLang('vi'));

/** Every YAML text in the bundled content and the test fixtures: list files and meeting frontmatter. */
function yamlTexts(): Array<[string, string]> {
  return ['content', 'test/fixtures/content'].flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' }).flatMap((file): Array<[string, string]> => {
      if (!/\.(ya?ml|md)$/.test(file)) return [];
      const text = readFileSync(path.join(root, file), 'utf8');
      if (/\.ya?ml$/.test(file)) return [[file, text]];
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text);
      return file.endsWith('.md') && frontmatter ? [[file, frontmatter[1]!]] : [];
    }),
  );
}

describe(parseYamlSource, () => {
  it('keeps dates as written, so impossible dates can be reported', () => {
    expect(parseYamlSource('f.yaml', 'a: 2025-02-30\nb: 2025-09-18').data).toEqual({ a: '2025-02-30', b: '2025-09-18' });
  });

  it('reports syntax errors with their line, shifted by the frontmatter offset', () => {
    const source = parseYamlSource('m.md', 'title: [open\nx: 1\n', 1);
    expect(source.data).toBeUndefined();
    // At the [ that is not closed, on the first line of the text: the second of the file.
    expect(source.problems[0]).toMatchObject({ file: 'm.md', severity: 'error', line: 2, column: 8 });
    expect(parseYamlSource('m.md', 'a: 1\nb: 2\nc: *x\n', 1).problems[0]).toMatchObject({ line: 4, message: expect.stringMatching(/^lỗi cú pháp YAML: /) });
  });

  it('reports one error, at the first: the later errors of the parser follow from it', () => {
    const source = parseYamlSource('f.yaml', '- id: T1\n  title: x\n  note: y: z\n  - oops\n: bad\n');
    expect(source.data).toBeUndefined();
    expect(source.problems).toHaveLength(1);
  });

  it('names a tab that indents a line, in each language', () => {
    const text = '- id: T1\n  title: x\n\tstatus: done\n';
    expect(parseYamlSource('f.yaml', text).problems).toEqual([
      { file: 'f.yaml', line: 3, column: 1, severity: 'error', message: 'dòng này thụt lề bằng ký tự tab (cột 1); YAML không cho phép thụt lề bằng tab: dùng dấu cách thay cho tab' },
    ]);
    setMessageLang('en');
    expect(parseYamlSource('f.yaml', '- id: T1\n  \ttitle: x\n').problems).toEqual([
      { file: 'f.yaml', line: 2, column: 3, severity: 'error', message: 'a tab (column 3) indents this line; YAML does not allow tabs for indentation: use spaces instead of the tab' },
    ]);
  });

  it.each([
    ['- id: T9\n  title: [unclosed\n  programme: kh-12\n', 2, 10, 'dấu [ mở ở đây không được đóng bằng ]; thêm ] ở cuối danh sách, trên cùng dòng hoặc thụt vào dưới tên trường'],
    ['a:\n  b: 1\n c: 2\n', 3, 1, 'trường này không thẳng cột với các trường phía trên; đặt cùng số dấu cách ở đầu dòng'],
    ['title: Họp: tiến độ\n', 1, 8, 'giá trị ở đây bị hiểu là một trường nằm trong trường khác: đặt giá trị có ": " trong dấu ngoặc kép ("…"), hoặc thụt lề các trường như nhau'],
    ['a: 1\nb\nc: 2\n', 2, 1, 'dòng này thiếu dấu ":" sau tên trường; viết tên: giá trị'],
  ])('says what the common syntax error in %j means, at its cause', (text, line, column, message) => {
    expect(parseYamlSource('f.yaml', text).problems).toEqual([{ file: 'f.yaml', line, column, severity: 'error', message }]);
  });

  it('reports an unclosed quotation mark where it opens', () => {
    expect(parseYamlSource('f.yaml', 'title: "open\ndate: 2025-01-01\n').problems).toEqual([
      { file: 'f.yaml', line: 1, column: 8, severity: 'error', message: 'dấu " mở ở đây không được đóng; thêm dấu " ở cuối giá trị' },
    ]);
  });

  it('reads every YAML text of the content and fixtures as `yaml` reads it, errors aside', () => {
    const texts = yamlTexts();
    expect(texts.length).toBeGreaterThan(20);
    for (const [file, text] of texts) {
      const document = parseDocument(text, { uniqueKeys: true, schema: 'core' });
      if (document.errors.length > 0) continue;
      expect(parseYamlSource(file, text).data, file).toEqual(document.toJS());
    }
  });

  it('reads an empty text, or one of comments only, as null', () => {
    expect(parseYamlSource('f.yaml', '').data).toBeNull();
    expect(parseYamlSource('f.yaml', '# nothing yet\n').data).toBeNull();
  });

  it('reports an alias to an anchor that is not set, at the alias', () => {
    const source = parseYamlSource('f.yaml', 'a: &x 1\nb: *y\n');
    expect(source.data).toBeUndefined();
    expect(source.problems).toEqual([{ file: 'f.yaml', line: 2, column: 4, severity: 'error', message: 'lỗi cú pháp YAML: Unresolved alias (the anchor must be set before the alias): y' }]);
  });

  it('reports duplicate keys', () => {
    const source = parseYamlSource('f.yaml', 'a: 1\na: 2\n');
    expect(source.problems).toHaveLength(1);
    expect(source.problems[0]).toMatchObject({ line: 2, severity: 'error', message: "trường 'a' được ghi hai lần ở cùng một chỗ; chỉ giữ một" });
  });
});

describe(locate, () => {
  const text = ['- id: T1', '  status: done', '  history:', '    - date: 2025-01-01', '      status: in-progress', '- id: T2', '  title:', '    vi: Tiêu đề'].join('\n');
  const source = parseYamlSource('tasks/a.yaml', text);

  it('points at a scalar field', () => {
    expect(locate(source, [0, 'status'])).toEqual({ line: 2, column: 11 });
  });

  it('points at a nested field in a list', () => {
    expect(locate(source, [0, 'history', 0, 'status'])).toEqual({ line: 5, column: 15 });
  });

  it('points at the key of a field whose value is a map', () => {
    expect(locate(source, [1, 'title'])).toEqual({ line: 7, column: 3 });
  });

  it('points at the enclosing entry when the field is missing', () => {
    expect(locate(source, [1, 'status'])).toEqual({ line: 6, column: 3 });
  });

  it('points at the key itself for unknown fields', () => {
    expect(locate(source, [0, 'status'], true)).toEqual({ line: 2, column: 3 });
  });
});
