import { estimatedMinutes } from '../core/routine.js';
import { formatProblem, readRoutines, ROUTINES_DIR } from './load.js';

// `npm run routines:check [dir]`: validates every routine file and prints a table; exits 1 with every problem.
const dir = process.argv[2] ?? ROUTINES_DIR;
const { routines, problems } = readRoutines(dir);

if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in ${dir}:`);
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}

const rows = routines.map((r) => [
  r.id,
  r.title,
  String(r.steps.length),
  `${estimatedMinutes(r)}${r.statedMinutes ? ` (source: ${r.statedMinutes})` : ''}`,
  r.equipment.map((e) => (e.optional ? `${e.name} (optional)` : e.name)).join(', ') || 'none',
]);
const header = ['id', 'title', 'steps', 'minutes', 'equipment'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log(`\n${routines.length} routines valid (a breath is paced at 5 s, a rep at 5 s, 15 s to set up each side).`);
