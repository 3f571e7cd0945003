import { describe, expect, it } from 'vitest';
import { locate, parseYamlSource } from '../../../src/lib/yaml-source.ts';

describe(parseYamlSource, () => {
  it('keeps dates as written, so impossible dates can be reported', () => {
    expect(parseYamlSource('f.yaml', 'a: 2025-02-30\nb: 2025-09-18').data).toEqual({ a: '2025-02-30', b: '2025-09-18' });
  });

  it('reports syntax errors with their line, shifted by the frontmatter offset', () => {
    const source = parseYamlSource('m.md', 'title: [open\nx: 1\n', 1);
    expect(source.data).toBeUndefined();
    expect(source.problems[0]).toMatchObject({ file: 'm.md', severity: 'error', line: 3 });
    expect(source.problems[0]!.message).toMatch(/^YAML: /);
  });

  it('reports duplicate keys', () => {
    const source = parseYamlSource('f.yaml', 'a: 1\na: 2\n');
    expect(source.problems).toHaveLength(1);
    expect(source.problems[0]).toMatchObject({ line: 2, severity: 'error' });
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
