/**
 * Checks compose.yaml as `docker compose config` would: with the Docker compose plugin when this machine has
 * it, else against the Compose Specification's schema (vendor/compose-spec, the one docker compose uses) after
 * interpolating ${...} from the environment, plus the references the schema cannot see (depends_on names a
 * service, a named volume is declared, the build context has a Dockerfile).
 *
 *   tsx build/compose-check.ts [compose.yaml]    exit 0 when valid; POSTGRES_PASSWORD etc. from the environment
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'vendor/compose-spec/compose-spec.json'), 'utf8')) as object;

/** Go's time.ParseDuration format, which the schema's "duration" means. */
const DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;

let validate: ReturnType<Ajv2020['compile']> | undefined;

/** ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+other}, $VAR and $$, as Compose reads them. */
export function interpolate(text: string, env: NodeJS.ProcessEnv, problems: string[]): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^}])*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name?: string, op?: string, arg?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const variable = name ?? bare!;
    const value = env[variable];
    const set = value !== undefined && (op?.startsWith(':') ? value !== '' : true);
    switch (op) {
      case ':-':
      case '-':
        return set ? value! : (arg ?? '');
      case ':?':
      case '?':
        if (!set) problems.push(`required variable ${variable} is missing a value: ${arg ?? ''}`);
        return value ?? '';
      case ':+':
      case '+':
        return set ? (arg ?? '') : '';
      default:
        return value ?? '';
    }
  });
}

type Service = { depends_on?: Record<string, unknown> | string[]; volumes?: Array<string | { type?: string; source?: string }>; build?: string | { context?: string; dockerfile?: string } };

/** Problems with a compose file's text (empty when valid), given the environment it would run with. */
export function checkCompose(text: string, env: NodeJS.ProcessEnv, dir: string): string[] {
  const problems: string[] = [];
  let doc: { services?: Record<string, Service>; volumes?: Record<string, unknown> };
  try {
    doc = parse(interpolate(text, env, problems)) as typeof doc;
  } catch (err) {
    return [...problems, `not YAML: ${(err as Error).message.split('\n')[0]}`];
  }
  if (!validate) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat('duration', DURATION);
    validate = ajv.compile(SCHEMA);
  }
  if (!validate(doc)) {
    for (const e of validate.errors ?? []) problems.push(`${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    return problems;
  }
  const services = doc.services ?? {};
  for (const [name, service] of Object.entries(services)) {
    const deps = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
    for (const dep of deps) if (!(dep in services)) problems.push(`services.${name}.depends_on: no service ${dep}`);
    for (const v of service.volumes ?? []) {
      const source = typeof v === 'string' ? v.split(':')[0]! : v.type === 'volume' ? (v.source ?? '') : '';
      if (source && !/^[./~]/.test(source) && !(source in (doc.volumes ?? {}))) problems.push(`services.${name}.volumes: volume ${source} is not declared`);
    }
    if (service.build !== undefined) {
      const context = resolve(dir, typeof service.build === 'string' ? service.build : (service.build.context ?? '.'));
      const dockerfile = typeof service.build === 'object' && service.build.dockerfile ? service.build.dockerfile : 'Dockerfile';
      if (!existsSync(join(context, dockerfile))) problems.push(`services.${name}.build: no ${dockerfile} in ${context}`);
    }
  }
  return problems;
}

function composePlugin(): boolean {
  return spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = resolve(process.argv[2] ?? join(ROOT, 'compose.yaml'));
  if (composePlugin()) {
    const run = spawnSync('docker', ['compose', '-f', file, 'config', '--quiet'], { stdio: 'inherit' });
    console.log(run.status === 0 ? `${file}: valid (docker compose config)` : `${file}: docker compose config failed`);
    process.exit(run.status ?? 1);
  }
  const problems = checkCompose(readFileSync(file, 'utf8'), process.env, dirname(file));
  if (problems.length > 0) {
    console.error(`${file}: not valid\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`${file}: valid against the Compose Specification schema (no docker compose plugin here)`);
}
