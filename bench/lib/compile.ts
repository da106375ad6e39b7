import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The bench's own programs (servers under test, the in-process turn measurements), compiled to plain
 * JavaScript once per run with esbuild as the production bundles are, and run by node: tsx would transpile
 * them with keepNames, which wraps every nested function in a naming call the shipped code never makes.
 * Dependencies stay in node_modules. The output sits two folders down (dist/bench/), as src/<dir>/ does, so
 * paths the code finds from its own location (routines/) resolve as they do from the source.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const COMPILED_DIR = `${ROOT}dist/bench`;

const ENTRIES = {
  backbreak: 'bench/servers/backbreak.ts',
  'bare-alexa': 'bench/servers/bare-alexa.ts',
  'bare-bolt': 'bench/servers/bare-bolt.ts',
  'turn-parts': 'bench/servers/turn-parts.ts',
  understanding: 'bench/servers/understanding.ts',
};
export type CompiledProgram = keyof typeof ENTRIES;

let compiled: Promise<void> | undefined;

export function compileBench(): Promise<void> {
  compiled ??= build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: COMPILED_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  }).then(() => {
    // Bundled, src/server.ts's "am I the main module?" test would be true for any program that includes it:
    // the programs are started through this launcher, so none of them is process.argv[1].
    writeFileSync(`${COMPILED_DIR}/launch.mjs`, "await import(new URL(`./${process.argv[2]}.mjs`, import.meta.url).href);\n");
  });
  return compiled;
}

/** The arguments for node that run a compiled program. */
export function compiledArgs(program: CompiledProgram): [string, string[]] {
  return [`${COMPILED_DIR}/launch.mjs`, [program]];
}
