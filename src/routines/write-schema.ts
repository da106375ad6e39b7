import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTINES_DIR } from './load.js';
import { routineJsonSchema } from './schema.js';

// Regenerates routines/schema.json from the zod schema; a test fails while it is stale.
const file = join(ROUTINES_DIR, 'schema.json');
writeFileSync(file, routineJsonSchema());
console.log(`wrote ${file}`);
