import { z } from 'zod';
import { Routine } from '../core/routine.js';

/** The JSON Schema of a routine file, as written to routines/schema.json (stable text, newline at the end). */
export function routineJsonSchema(): string {
  const schema = z.toJSONSchema(Routine, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Back Break routine' }, null, 2)}\n`;
}
