import { dirname } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/**
 * The esbuild settings of the two bundles. Both are ESM for Node 20, minified (less to parse on a cold
 * start), with the compiled data inlined (src/data/compiled.ts) so they read no data files.
 */

/** CommonJS dependencies (express, pg, ask-sdk) call require() for Node's own modules; ESM has none. */
const REQUIRE_SHIM = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** Replaces src/data/compiled.ts with the values the data steps compiled. */
function inlineData(data: Record<string, unknown>): Plugin {
  return {
    name: 'inline-compiled-data',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]data[\\/]compiled\.ts$/ }, () => ({
        contents: `export const compiledData = Object.freeze(${JSON.stringify(data)});`,
        loader: 'js',
      }));
    },
  };
}

/**
 * zod ships its error messages in about fifty languages, a third of the Lambda bundle to parse on every cold
 * start; the coach reads zod's issue codes and paths, never its messages, and zod itself needs only English.
 */
const englishZodOnly: Plugin = {
  name: 'english-zod-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: args.importer, namespace: 'zod-english' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  banner: { js: REQUIRE_SHIM },
  // pg loads pg-native only when asked for (pg.native), which we never do.
  external: ['pg-native'],
  logLevel: 'warning',
  metafile: true,
};

export interface BundleResult {
  /** Output file -> bytes (source maps left out). */
  files: Record<string, number>;
  /** Modules the bundle imports from outside itself (Node's own, and what `external` names). */
  externals: string[];
}

type Outputs = Record<string, { bytes: number; imports: Array<{ path: string; external?: boolean }> }>;

function summary(metafile: { outputs: Outputs } | undefined): BundleResult {
  const files: Record<string, number> = {};
  const externals = new Set<string>();
  for (const [file, out] of Object.entries(metafile?.outputs ?? {})) {
    if (file.endsWith('.map')) continue;
    files[file] = out.bytes;
    for (const i of out.imports) if (i.external) externals.add(i.path);
  }
  return { files, externals: [...externals].sort() };
}

/**
 * The server: dist/server.js. better-sqlite3, a native module, is not bundled: the SQLite store requires it
 * from node_modules when it opens (src/store/sqlite.ts).
 */
export async function bundleServer(outDir: string, data: Record<string, unknown>): Promise<BundleResult> {
  const result = await build({
    ...common,
    entryPoints: { server: 'src/server.ts' },
    outdir: outDir,
    plugins: [inlineData(data), englishZodOnly],
  });
  return summary(result.metafile);
}

/**
 * The Lambda: one file, index.mjs (handler `index.handler`), with every dependency inside and no native
 * module, so the folder zips as it is. PostgreSQL (or memory: for tests) only: the SQLite store's driver is
 * never required there (src/adapters/alexa/lambda.ts refuses sqlite: first).
 */
export async function bundleLambda(
  outDir: string,
  data: Record<string, unknown>,
  /** Another handler module built the same way (bench/lambda-cold-start.ts builds a bare skill with it). */
  entry = 'src/adapters/alexa/lambda.ts',
): Promise<BundleResult> {
  const result = await build({
    ...common,
    entryPoints: { index: entry },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    plugins: [inlineData(data), englishZodOnly],
  });
  return summary(result.metafile);
}
