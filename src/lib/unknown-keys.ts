import type { z } from 'astro/zod';

/** A key in the data that the schema does not know, with the keys it does know there. */
export interface UnknownKey {
  path: Array<string | number>;
  key: string;
  known: string[];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keys that the schema would silently drop. Schemas accept and strip unknown keys,
 * so that a typo ("atendees") can be reported as a warning instead of losing the field unnoticed.
 */
export function findUnknownKeys(schema: z.ZodType, value: unknown, path: Array<string | number> = []): UnknownKey[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return findUnknownKeys(def.innerType!, value, path);
    case 'pipe':
      return findUnknownKeys(def.in!, value, path);
    case 'array':
      return Array.isArray(value) ? value.flatMap((item, i) => findUnknownKeys(def.element!, item, [...path, i])) : [];
    case 'record':
      return isPlainObject(value)
        ? Object.entries(value).flatMap(([k, v]) => findUnknownKeys(def.valueType!, v, [...path, k]))
        : [];
    case 'union': {
      // Only object-shaped options can have unknown keys; use the first one for an object value.
      const objectOption = def.options!.find((option) => defOf(option).type === 'object');
      return objectOption && isPlainObject(value) ? findUnknownKeys(objectOption, value, path) : [];
    }
    case 'object': {
      if (!isPlainObject(value)) return [];
      const shape = def.shape!;
      const known = Object.keys(shape);
      const found: UnknownKey[] = [];
      for (const [key, child] of Object.entries(value)) {
        const childSchema = shape[key];
        if (childSchema) found.push(...findUnknownKeys(childSchema, child, [...path, key]));
        else found.push({ path, key, known });
      }
      return found;
    }
    default:
      return [];
  }
}
