import { Ajv2020 } from 'ajv/dist/2020.js';
import { jsonSchemaFor } from '../../src/lib/json-schemas.ts';
import type { PUBLISHED_SCHEMAS } from '../../src/lib/json-schemas.ts';

const ajv = new Ajv2020({ allErrors: true });

/** What the published JSON Schema `name` finds wrong with `data`, as ajv words it: empty when it is valid. */
export function schemaErrors(name: keyof typeof PUBLISHED_SCHEMAS, data: unknown): string[] {
  const id = `https://schema.test/${name}.json`;
  const validate = ajv.getSchema(id) ?? ajv.compile(jsonSchemaFor(name, id));
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
