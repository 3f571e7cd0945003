// The validator's command line: what an author types, and what they are told when it is wrong.
import { describe, expect, it } from 'vitest';
import { parseValidateArgs } from '../../../src/cli/report.ts';

describe('parseValidateArgs', () => {
  it('reads the format and the folder, with or without =, and a folder given bare', () => {
    expect(parseValidateArgs([])).toEqual({ format: 'text' });
    expect(parseValidateArgs(['--format', 'json', '--dir', 'a'])).toEqual({ format: 'json', dir: 'a' });
    expect(parseValidateArgs(['--format=github', '--dir=b c'])).toEqual({ format: 'github', dir: 'b c' });
    expect(parseValidateArgs(['content/', '--format', 'json'])).toEqual({ format: 'json', dir: 'content/' });
    expect(parseValidateArgs(['--help'])).toEqual({ format: 'text', help: true });
    expect(parseValidateArgs(['-h'])).toEqual({ format: 'text', help: true });
  });

  it('names the argument it does not understand, not the one after it', () => {
    expect(parseValidateArgs(['--verbose'])).toEqual({ error: 'cli.args.unknown', params: { option: '--verbose' } });
    expect(parseValidateArgs(['--dir', 'a', 'b'])).toEqual({ error: 'cli.args.unknown', params: { option: 'b' } });
  });

  it('says what a flag needs when its value is missing or wrong', () => {
    expect(parseValidateArgs(['--format', 'xml'])).toEqual({ error: 'cli.args.format', params: { choices: 'text, json, github' } });
    expect(parseValidateArgs(['--format'])).toEqual({ error: 'cli.args.format', params: { choices: 'text, json, github' } });
    expect(parseValidateArgs(['--dir'])).toEqual({ error: 'cli.args.dir', params: {} });
  });
});
