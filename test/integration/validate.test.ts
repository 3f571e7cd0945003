import { describe, expect, it } from 'vitest';
import { fixture, runScript } from '../helpers/run.ts';

const valid = runScript('validate.ts', [], { CONTENT_DIR: fixture('valid') });
const invalid = runScript('validate.ts', [], { CONTENT_DIR: fixture('invalid') });
const lines = invalid.stdout.trim().split('\n');

/** The problem reported at `file:line`, with its severity and message. */
function at(fileAndLine: string): string[] {
  return lines.filter((l) => l.startsWith(`${fileAndLine}:`));
}

describe('npm run validate', () => {
  it('accepts the valid fixture, with a warning for the markup it will remove', () => {
    expect(valid.status).toBe(0);
    expect(valid.stdout).not.toContain(': error:');
    expect(valid.stdout).toContain('meetings/2025-09-25-hop-quy-3.vi.md:17:1: warning: raw HTML <script> and its content will be removed');
  });

  it('refuses the broken fixture with exit status 1 and no stack trace', () => {
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
    expect(invalid.stderr).toMatch(/\d+ errors, \d+ warnings/);
  });

  it('prints every problem as path:line:column: severity: message', () => {
    for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: (error|warning): \S/);
  });

  it.each([
    ['site.yaml:4', 'error', "url 'http://insecure.example' must be an absolute URL starting with https://"],
    ['site.yaml:6', 'error', "default_locale 'fr' is not one of the locales: vi, en"],
    ['programmes.yaml:5', 'error', 'issued 2025-02-30 is not a real calendar date'],
    ['programmes.yaml:6', 'error', "scope 'tinh-khac' is not one of: national, tinh-mau"],
    ['units.yaml:3', 'error', "duplicate unit id 'u-khcn' (first defined in units.yaml)"],
    ['tasks/a.yaml:5', 'error', "status 'done' is not one of: not-started, in-progress, completed, cancelled"],
    ['tasks/a.yaml:10', 'error', "status is 'completed' but there is no 'completed' date"],
    ['tasks/a.yaml:14', 'error', "unknown unit 'u-khnc'; did you mean 'u-khcn'?"],
    ['tasks/a.yaml:16', 'warning', "unknown field 'dealine' is ignored; did you mean 'deadline'?"],
    ['tasks/a.yaml:19', 'error', "unknown programme 'kh-13'; did you mean 'kh-12'?"],
    ['tasks/a.yaml:21', 'error', 'deadline 2025-13-01 is not a real calendar date'],
    ['tasks/a.yaml:25', 'error', 'history[1].date must be oldest first: 2025-03-01 comes after 2025-05-01'],
    ['tasks/a.yaml:27', 'error', "sources[0].url uses the scheme 'javascript:', which is not allowed"],
    ['tasks/b.yaml:1', 'error', "duplicate task id 'T1' (first defined in tasks/a.yaml)"],
    ['tasks/broken.yaml:3', 'error', 'YAML: Flow sequence in block collection must be sufficiently indented'],
    ['meetings/2025-06-15-hop.vi.md:6', 'error', 'reported[0].completed (70) is more than the total (65)'],
    ['meetings/2025-06-15-hop.vi.md:7', 'error', 'reported[1].percent_completed 60 does not match completed / total'],
    ['meetings/2025-06-15-hop.vi.md:8', 'error', "unknown task 'T99'"],
    ['meetings/2025-06-15-hop.vi.md:11', 'error', "unknown task 'T88'"],
    ['meetings/2025-06-15-hop.vi.md:13', 'error', "'media/missing.jpg' does not exist in the content folder"],
    ['meetings/2025-06-15-hop.vi.md:15', 'error', "'../outside.png' points outside the content folder"],
    ['meetings/2025-06-15-hop.vi.md:17', 'error', 'images[2].alt is required'],
    ['meetings/2025-06-15-hop.vi.md:19', 'error', "sources[0].url uses the scheme 'ftp:'"],
    ['meetings/2025-06-15-hop.vi.md:20', 'warning', "unknown field 'atendees' is ignored; did you mean 'attendees'?"],
    ['meetings/2025-06-15-hop.vi.md:24', 'warning', 'raw HTML <img> will be removed'],
    ['meetings/2025-06-15-hop.en.md:3', 'error', 'date differs from the translation meetings/2025-06-15-hop.vi.md'],
    ['meetings/2025-06-20 Bad Name.vi.md:1', 'error', "meeting file name '2025-06-20 Bad Name.vi.md' is not valid"],
    ['meetings/2025-07-01-thieu-truong.vi.md:2', 'error', 'title is required'],
    ['meetings/2025-07-01-thieu-truong.vi.md:2', 'error', 'summary is required'],
    ['meetings/2025-07-01-thieu-truong.vi.md:3', 'error', "level 'regional' is not one of: national, province, commune"],
    ['meetings/2025-07-01-thieu-truong.vi.md:4', 'error', 'draft must be true or false'],
    ['meetings/2025-07-02-frontmatter-hong.vi.md', 'error', 'YAML:'],
  ])('reports %s: %s: %s', (place, severity, message) => {
    const found = at(place);
    expect(found.some((l) => l.includes(`: ${severity}: `) && l.includes(message)), `${place}\n${invalid.stdout}`).toBe(true);
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
    expect(gh.stdout).toContain('::error file=test/fixtures/content/invalid/tasks/a.yaml,line=5,col=11::status \'done\' is not one of');
  });

  it('says what is wrong with its own arguments', () => {
    const bad = runScript('validate.ts', ['--format', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format must be one of: text, json, github');
  });

  it('reports a missing content folder in one line', () => {
    const missing = runScript('validate.ts', [], { CONTENT_DIR: fixture('does-not-exist') });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/^\.:1:1: error: content folder .* does not exist/);
  });
});
