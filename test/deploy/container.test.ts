import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCompose, interpolate } from '../../build/compose-check.js';
import { ignoredBy, instructions } from '../../build/without-docker.js';

/**
 * The container files, checked offline. `.ci/run` also runs the Dockerfile's steps without Docker
 * (build/without-docker.ts) and checks compose.yaml with the same checker (build/compose-check.ts).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const compose = readFileSync(join(ROOT, 'compose.yaml'), 'utf8');
const check = (text: string, env: NodeJS.ProcessEnv = { POSTGRES_PASSWORD: '0f3a9c', LOG_PSEUDONYM_KEY: '5b'.repeat(16) }) => checkCompose(text, env, ROOT);

describe('compose.yaml', () => {
  it('is valid against the Compose Specification schema, with PostgreSQL and the app built from the Dockerfile', () => {
    expect(check(compose)).to.deep.equal([]);
  });

  it('needs POSTGRES_PASSWORD from the environment: no password in the repository', () => {
    expect(check(compose, { LOG_PSEUDONYM_KEY: '5b'.repeat(16) })).to.have.length(2).and.satisfy((ps: string[]) => ps.every((p) => p.includes('POSTGRES_PASSWORD')));
    expect(compose).to.not.match(/^\s*POSTGRES_PASSWORD:\s*[^$\s]/m);
  });

  it("needs the log pseudonyms' key from the environment too (required with PostgreSQL)", () => {
    const problems = check(compose, { POSTGRES_PASSWORD: '0f3a9c' });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include('LOG_PSEUDONYM_KEY');
    expect(compose).to.not.match(/^\s*LOG_PSEUDONYM_KEY:\s*[^$\s]/m);
  });

  it('the checker catches what docker compose config would refuse', () => {
    expect(check(compose.replace('services:', 'servces:'))).to.not.deep.equal([]);
    expect(check(compose.replace('ports:\n      - "3000:3000"', 'ports: 3000'))).to.deep.equal(['/services/app/ports must be array']);
    expect(check(compose.replace('image: postgres:15-bookworm', 'image: [postgres]'))).to.deep.equal(['/services/db/image must be string']);
    expect(check(compose.replace('db:\n        condition', 'database:\n        condition'))).to.deep.equal(['services.app.depends_on: no service database']);
    expect(check(compose.replace('- db:/var/lib', '- pgdata:/var/lib'))).to.deep.equal(['services.db.volumes: volume pgdata is not declared']);
    expect(check(compose.replace('build: .', 'build: ./nowhere'))[0]).to.match(/^services\.app\.build: no Dockerfile in/);
    expect(check('services: [\n')[0]).to.match(/^not YAML/);
  });

  it('interpolates as Compose does', () => {
    const problems: string[] = [];
    const env = { A: 'x', EMPTY: '' };
    expect(interpolate('$A ${A} ${B:-d} ${EMPTY:-d} ${EMPTY-d} ${A:+y} ${B:+y} $$A', env, problems)).to.equal('x x d d  y  $A');
    expect(problems).to.deep.equal([]);
    interpolate('${B:?say B} ${EMPTY:?say EMPTY} ${EMPTY?fine}', env, problems);
    expect(problems).to.deep.equal(['required variable B is missing a value: say B', 'required variable EMPTY is missing a value: say EMPTY']);
  });
});

describe('Dockerfile', () => {
  const steps = instructions(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
  const last = steps.slice(steps.map((s) => s.op).lastIndexOf('FROM'));

  it('runs as a numeric non-root user, with a HEALTHCHECK, and node itself as CMD (signals reach the server)', () => {
    const user = last.find((s) => s.op === 'USER')?.args ?? '';
    expect(user).to.match(/^[1-9]\d*:\d+$/);
    expect(last.find((s) => s.op === 'HEALTHCHECK')?.args).to.include('/healthz');
    expect(JSON.parse(last.find((s) => s.op === 'CMD')!.args)).to.deep.equal(['node', 'dist/server.js']);
  });

  it('keeps its final stage small: no npm install there, only the build stage\'s runtime files', () => {
    expect(last.filter((s) => s.op === 'RUN').map((s) => s.args).join(' ')).to.not.match(/npm (ci|install)/);
    expect(last.find((s) => s.op === 'COPY')?.args).to.equal('--from=build /app/runtime ./');
  });

  it('joins continued lines and leaves comments out', () => {
    expect(instructions('# c\nFROM node:20 AS b\nRUN a \\\n  && b\n')).to.deep.equal([
      { op: 'FROM', args: 'node:20 AS b' },
      { op: 'RUN', args: 'a && b' },
    ]);
  });

  it('.dockerignore patterns match as Docker matches them (from the root; a folder takes what is in it)', () => {
    const ignored = ignoredBy(readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));
    for (const p of ['node_modules/pg/index.js', 'dist/server.js', '.git/HEAD', 'debug.log', 'bench/results/x.json', '.env']) expect(ignored(p), p).to.equal(true);
    for (const p of ['src/server.ts', 'package.json', 'routines/five-moves.yaml', 'bench/main.ts', 'src/x.log.ts']) expect(ignored(p), p).to.equal(false);
  });
});
