import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseRoutine, readRoutines, ROUTINES_DIR, type RoutineProblem } from '../../src/routines/load.js';
import { routineJsonSchema } from '../../src/routines/schema.js';

/** A small valid routine to break in one place at a time. */
function validRoutine(): Record<string, any> {
  return {
    id: 'tiny',
    title: 'Tiny',
    summary: 'A tiny routine for tests.',
    source: { title: 'Tests', author: 'Back Break', kind: 'composed' },
    level: 'gentle',
    startingPosition: 'Lie on your back.',
    equipment: [{ id: 'strap', name: 'a strap', substitutes: ['a belt', 'a towel'] }],
    steps: [
      { id: 'knee-circles', name: 'Knee circles', instructions: ['Hug your knees.'], hold: { unit: 'breaths', count: 5 } },
      {
        id: 'hamstring',
        name: 'Hamstring stretch',
        instructions: ['Loop the strap around your {side} foot.'],
        hold: { unit: 'breaths', count: 10 },
        sides: 'right-then-left',
        equipment: ['strap'],
        tags: ['strap-leg-stretch'],
      },
    ],
  };
}

function problemsOf(doc: unknown, file = 'tiny.yaml'): RoutineProblem[] {
  const result = parseRoutine(file, stringify(doc));
  expect(result.ok, 'expected the file to be rejected').to.equal(false);
  return result.ok ? [] : result.problems;
}

/** The first problem of the valid routine after one change. */
function firstProblem(change: (doc: Record<string, any>) => void): RoutineProblem {
  const doc = validRoutine();
  change(doc);
  const [p] = problemsOf(doc);
  expect(p, 'a problem').to.not.equal(undefined);
  return p!;
}

describe('routine loading', () => {
  it('accepts a valid routine and applies defaults', () => {
    const result = parseRoutine('tiny.yaml', stringify(validRoutine()));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.routine.steps[0]!.sides).to.equal('none');
    expect(result.routine.steps[0]!.repeats).to.equal(1);
    expect(result.routine.steps[1]!.tags).to.deep.equal(['strap-leg-stretch']);
  });

  it('names the file and path of a missing field', () => {
    const p = firstProblem((doc) => { delete doc.steps[1].hold; });
    expect(p).to.include({ file: 'tiny.yaml', path: 'steps.1.hold' });
  });

  it('rejects an unknown hold unit with the accepted ones', () => {
    const p = firstProblem((doc) => { doc.steps[0].hold.unit = 'minutes'; });
    expect(p.path).to.equal('steps.0.hold.unit');
    expect(p.message).to.match(/breaths/);
  });

  it('rejects a negative count', () => {
    const p = firstProblem((doc) => { doc.steps[0].hold.count = -3; });
    expect(p.path).to.equal('steps.0.hold.count');
    expect(p.code).to.equal('too_small');
  });

  it('rejects a duplicate step id', () => {
    const p = firstProblem((doc) => { doc.steps[1].id = 'knee-circles'; });
    expect(p.path).to.equal('steps.1.id');
    expect(p.message).to.match(/duplicate step id "knee-circles"/);
  });

  it('rejects an unknown safety tag', () => {
    const p = firstProblem((doc) => { doc.steps[1].tags = ['handstand']; });
    expect(p.path).to.equal('steps.1.tags.0');
  });

  it('rejects equipment a step uses but the routine does not list', () => {
    const p = firstProblem((doc) => { doc.steps[0].equipment = ['block']; });
    expect(p.path).to.equal('steps.0.equipment.0');
  });

  it('rejects an unknown field instead of ignoring a typo', () => {
    const p = firstProblem((doc) => { doc.steps[0].instrutions = ['typo']; });
    expect(p.code).to.equal('unrecognized_keys');
  });

  it('rejects broken YAML with its position', () => {
    const result = parseRoutine('broken.yaml', 'id: [unclosed\n');
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.problems[0]!.code).to.equal('yaml');
  });

  it('requires the id to match the file name', () => {
    const [p] = problemsOf(validRoutine(), 'other.yaml');
    expect(p!.message).to.match(/should match the file name/);
  });

  it('reports duplicate routine ids across files and keeps reading the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'routines-'));
    writeFileSync(join(dir, 'tiny.yaml'), stringify(validRoutine()));
    writeFileSync(join(dir, 'tiny.yml'), stringify(validRoutine()));
    writeFileSync(join(dir, 'bad.yaml'), stringify({ id: 'bad' }));
    const { routines, problems } = readRoutines(dir);
    expect(routines.map((r) => r.id)).to.deep.equal(['tiny']);
    expect(problems.some((p) => p.code === 'duplicate')).to.equal(true);
    expect(problems.some((p) => p.file === 'bad.yaml')).to.equal(true);
  });

  it('routines/schema.json is current (run npm run routines:schema)', () => {
    expect(readFileSync(join(ROUTINES_DIR, 'schema.json'), 'utf8')).to.equal(routineJsonSchema());
  });
});
