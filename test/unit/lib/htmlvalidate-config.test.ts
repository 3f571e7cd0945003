// The committed html-validate configuration: every rule it turns off or relaxes says why, in a
// "// rule" entry beside it (JSON has no comments), in one line.
import { describe, expect, it } from 'vitest';
import { htmlValidateConfig } from '../../helpers/built-site.ts';

describe('.htmlvalidate.json', () => {
  const config = htmlValidateConfig();
  const rules = Object.entries(config.rules ?? {});

  it('extends the recommended rules', () => {
    expect(config.extends).toEqual(['html-validate:recommended']);
  });

  it('gives a one-line reason for every rule it turns off or changes', () => {
    const changed = rules.filter(([name]) => !name.startsWith('// ')).map(([name]) => name);
    expect(changed.length).toBeGreaterThan(0);
    for (const name of changed) {
      const reason = rules.find(([key]) => key === `// ${name}`)?.[1] as [string, string] | undefined;
      expect(reason?.[0], name).toBe('off');
      expect(reason?.[1], name).toMatch(/^[^\n]{20,200}$/);
    }
  });
});
