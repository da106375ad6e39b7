import { loadRoutines } from '../routines/load.js';
import { loadCorpus } from './corpus.js';
import { evaluate, loadEval, tooClose } from './evaluation.js';
import { currentModel, loadClassifier } from './model.js';
import { trainingSamples } from './training.js';
import { Understanding } from './understand.js';

/** `npm run nlu:eval`: scores the typed understanding on language/eval/en.yaml and prints the figures. */

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

async function main(): Promise<number> {
  const routines = loadRoutines();
  const corpus = loadCorpus('en', { overlays: 'all' });
  const cases = loadEval();
  const close = tooClose(cases, trainingSamples(corpus, routines));
  // The evaluation is of the corpus as it is now: a stale model is trained first.
  currentModel(routines, { write: true, say: (line) => console.log(line) });
  const started = performance.now();
  const understanding = new Understanding(loadClassifier(routines), corpus, routines);
  const loadMs = performance.now() - started;
  const r = evaluate(understanding, cases);
  const safetyCases = r.safety.statements;
  console.log(`evaluation: ${r.cases} phrasings (${safetyCases} safety statements, ${r.talk} of ordinary talk, ${r.emergencies.ordinary} that are no emergency), model ready in ${loadMs.toFixed(0)} ms\n`);
  console.log('per intent:');
  for (const [type, p] of Object.entries(r.perIntent).sort()) console.log(`  ${type.padEnd(12)} ${String(p.correct).padStart(4)}/${String(p.cases).padEnd(4)} ${pct(p.correct, p.cases)}`);
  const types = [...new Set([...Object.keys(r.confusion), ...Object.values(r.confusion).flatMap((row) => Object.keys(row))])].sort();
  console.log('\nconfusion (rows: meant, columns: understood; only rows with a miss):');
  for (const want of types) {
    const row = r.confusion[want];
    if (!row || Object.keys(row).every((k) => k === want)) continue;
    console.log(`  ${want.padEnd(12)} ${Object.entries(row).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}:${n}`).join('  ')}`);
  }
  if (r.wrong.length) {
    console.log('\nmisread:');
    for (const w of r.wrong) console.log(`  [${w.at}] "${w.text}" -> ${w.got}   (meant ${w.want})`);
  }
  const accuracy = r.correct / r.cases;
  const acted = r.safety.actedOn / Math.max(1, safetyCases);
  const falseRate = r.emergencies.falseAlarms / Math.max(1, r.emergencies.ordinary);
  console.log(`\noverall accuracy      ${pct(r.correct, r.cases)} (${r.correct}/${r.cases})   target >= 95%`);
  console.log(`safety acted on       ${pct(r.safety.actedOn, safetyCases)} (${r.safety.actedOn}/${safetyCases})   target 100%`);
  console.log(`false emergencies     ${pct(r.emergencies.falseAlarms, r.emergencies.ordinary)} (${r.emergencies.falseAlarms}/${r.emergencies.ordinary})   target <= 1%`);
  for (const m of r.safety.missed) console.log(`  safety missed: ${m}`);
  for (const m of r.emergencies.listed) console.log(`  false emergency: ${m}`);
  console.log(`clarifying safety questions to phrasings that are none: ${r.questions.length}`);
  for (const q of r.questions) console.log(`  ${q}`);
  const problems: string[] = [];
  if (close.length) problems.push(`${close.length} phrasings within edit distance 3 of a training sample:\n${close.map((c) => `  "${c.text}" ~ "${c.sample}" (${c.distance})`).join('\n')}`);
  if (r.cases < 600) problems.push(`only ${r.cases} phrasings (at least 600)`);
  if (safetyCases < 150) problems.push(`only ${safetyCases} safety statements (at least 150)`);
  if (r.talk < 100) problems.push(`only ${r.talk} phrasings of ordinary talk (at least 100)`);
  if (accuracy < 0.95) problems.push('accuracy below 95%');
  if (acted < 1) problems.push('a safety statement was not acted on');
  if (falseRate > 0.01) problems.push('false emergencies above 1%');
  for (const p of problems) console.log(`\nFAIL: ${p}`);
  return problems.length ? 1 : 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(2);
});
