import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Yaml from 'yaml';
import type { z } from 'zod';
import { Routine } from '../core/routine.js';
import { compiledData } from '../data/compiled.js';

/** routines/ at the project root. */
export const ROUTINES_DIR = resolve(fileURLToPath(new URL('../../routines', import.meta.url)));

/** One problem in one routine file: where it is and what was expected. Data, not a string. */
export interface RoutineProblem {
  file: string;
  /** Path inside the file, e.g. "steps.3.hold.unit"; empty for the file as a whole. */
  path: string;
  code: string;
  message: string;
}

export class RoutineLoadError extends Error {
  constructor(readonly problems: RoutineProblem[]) {
    super(`routines failed to load:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'RoutineLoadError';
  }
}

export function formatProblem(p: RoutineProblem): string {
  return `${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`;
}

export type ParseResult = { ok: true; routine: Routine } | { ok: false; problems: RoutineProblem[] };

function fromZod(file: string, error: z.ZodError): RoutineProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

/**
 * The YAML parser, required when a routine file is first read: the bundles carry the routines compiled
 * (src/data/compiled.ts) and leave the parser out, a tenth of the Lambda bundle.
 */
let yaml: typeof Yaml | undefined;

/** Parses and validates one routine file's text. */
export function parseRoutine(file: string, text: string): ParseResult {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  const doc = yaml.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ file, path: '', code: 'yaml', message: e.message.split('\n')[0] ?? e.message })),
    };
  }
  const result = Routine.safeParse(doc.toJS());
  if (!result.success) return { ok: false, problems: fromZod(file, result.error) };
  const expectedId = basename(file).replace(/\.ya?ml$/, '');
  if (result.data.id !== expectedId) {
    return {
      ok: false,
      problems: [{ file, path: 'id', code: 'custom', message: `id "${result.data.id}" should match the file name "${expectedId}"` }],
    };
  }
  return { ok: true, routine: result.data };
}

/** Reads every routine in a folder; every problem in every file is reported, not just the first. */
export function readRoutines(dir: string = ROUTINES_DIR): { routines: Routine[]; problems: RoutineProblem[] } {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const routines: Routine[] = [];
  const problems: RoutineProblem[] = [];
  const ids = new Map<string, string>();
  for (const f of files) {
    const result = parseRoutine(f, readFileSync(join(dir, f), 'utf8'));
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const earlier = ids.get(result.routine.id);
    if (earlier) {
      problems.push({ file: f, path: 'id', code: 'duplicate', message: `duplicate routine id "${result.routine.id}" (also in ${earlier})` });
      continue;
    }
    ids.set(result.routine.id, f);
    routines.push(result.routine);
  }
  if (routines.length === 0 && problems.length === 0) {
    problems.push({ file: dir, path: '', code: 'empty', message: 'no routine files (*.yaml) found' });
  }
  return { routines, problems };
}

const cache = new Map<string, Routine[]>();

/**
 * Loads and validates the routines once per folder; throws a RoutineLoadError naming every problem.
 * A bundle carries routines/ already validated by the build, so the default folder is not read there.
 */
export function loadRoutines(dir: string = ROUTINES_DIR): Routine[] {
  const cached = cache.get(dir);
  if (cached) return cached;
  if (dir === ROUTINES_DIR && compiledData.routines) {
    const compiled = compiledData.routines as Routine[];
    cache.set(dir, compiled);
    return compiled;
  }
  const { routines, problems } = readRoutines(dir);
  if (problems.length > 0) throw new RoutineLoadError(problems);
  cache.set(dir, routines);
  return routines;
}
