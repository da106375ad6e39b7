import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';

/**
 * Amazon's SMAPI definitions (Swagger 2.0, shipped in ask-smapi-model) compiled with ajv 8, for validating
 * the interaction models and the skill manifest offline.
 */

const require = createRequire(import.meta.url);
const spec = JSON.parse(readFileSync(require.resolve('ask-smapi-model/spec.json'), 'utf8')) as {
  definitions: Record<string, Record<string, unknown>>;
};

const ajv = new Ajv({
  strict: false,
  allErrors: true,
  // Swagger's free-text formats ("ISO 4217 format", "uri") are descriptions here, not checks.
  validateFormats: false,
});
ajv.addSchema({ definitions: spec.definitions }, 'smapi');

export function definition(name: string): Record<string, unknown> | undefined {
  return spec.definitions[name];
}

/** Problems with `data` as the named definition; empty when it is valid. */
export function smapiErrors(name: string, data: unknown): string[] {
  const validate = ajv.getSchema(`smapi#/definitions/${name}`);
  if (!validate) throw new Error(`no SMAPI definition ${name}`);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message}`);
}

/**
 * Swagger 2.0 discriminators (which ajv does not apply): the definition whose x-discriminator-value is
 * `value` among those extending `base`.
 */
export function discriminated(base: string, value: string): string | undefined {
  return Object.entries(spec.definitions).find(([, def]) => {
    const allOf = def.allOf as Array<{ $ref?: string }> | undefined;
    return def['x-discriminator-value'] === value && allOf?.some((s) => s.$ref === `#/definitions/${base}`);
  })?.[0];
}
