import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * One line of the bench table: what Back Break measured against its floor in the same run, the ratio, and
 * the target that ratio (or an absolute value, where there is no floor) must meet.
 */
export interface Row {
  what: string;
  floorLabel: string;
  /** Median of the floor's repeats; undefined where the target is absolute. */
  floor?: number;
  ourLabel: string;
  ours: number;
  unit: 'req/s' | 'turns/s' | 'reminders/s' | 'ms' | 'µs' | 'MB';
  /** Paired ratio ours/floor (see pairedRatio); undefined where the target is absolute. */
  ratio?: number;
  target?: { op: '>=' | '<='; value: number; of: 'ratio' | 'value' };
  /** Spread between repeats, (max - min) / median, of ours and of the floor. */
  spread?: { ours: number; floor?: number };
  /** What the row is or is not yet (e.g. measured from tsx source until the bundle lands), and what costs the gap. */
  note?: string;
}

export function met(row: Row): boolean | undefined {
  if (!row.target) return undefined;
  const x = row.target.of === 'ratio' ? row.ratio : row.ours;
  if (x === undefined || Number.isNaN(x)) return false;
  return row.target.op === '>=' ? x >= row.target.value : x <= row.target.value;
}

function num(value: number | undefined, unit: Row['unit']): string {
  if (value === undefined || Number.isNaN(value)) return '-';
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
  if (unit === 'µs') return `${value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} µs`;
  if (unit === 'MB') return `${Math.round(value)} MB`;
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}

const pct = (x: number | undefined) => (x === undefined ? '' : `±${Math.round(x * 50)}%`);

function verdict(row: Row): string {
  const ok = met(row);
  if (ok === undefined) return '';
  const t = row.target!;
  const goal = `${t.op === '>=' ? '≥' : '≤'} ${t.of === 'ratio' ? `${t.value}x` : num(t.value, row.unit)}`;
  return `${goal} ${ok ? 'met' : 'NOT met'}`;
}

/** The table as Markdown: printed by the bench and kept in the README. */
export function markdownTable(rows: Row[]): string {
  const lines = ['| what | floor (same run) | Back Break | ratio | target |', '|---|---|---|---|---|'];
  for (const r of rows) {
    const floor = r.floor === undefined ? r.floorLabel : `${r.floorLabel}: ${num(r.floor, r.unit)} ${pct(r.spread?.floor)}`.trim();
    const ours = `${r.ourLabel}: ${num(r.ours, r.unit)} ${pct(r.spread?.ours)}`.trim();
    const ratio = r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`;
    lines.push(`| ${r.what} | ${floor} | ${ours} | ${ratio} | ${verdict(r)} |`);
  }
  return lines.join('\n');
}

export function notes(rows: Row[]): string[] {
  return rows.filter((r) => r.note).map((r) => `- ${r.what}: ${r.note}`);
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export interface Environment {
  commit: string;
  dirty: boolean;
  node: string;
  cpus: number;
  cpuModel: string;
  loadAvgAtStart: number[];
  at: string;
  settings: Record<string, number>;
}

export function environment(settings: Record<string, number>): Environment {
  return {
    commit: git(['rev-parse', '--short=10', 'HEAD']),
    dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAvgAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    at: new Date().toISOString(),
    settings,
  };
}

/** bench/results/<date>-<commit>.json: the rows and every repeat's raw numbers, for comparing commits. */
export function writeResults(env: Environment, rows: Row[], raw: Record<string, unknown>): string {
  const dir = `${ROOT}bench/results`;
  mkdirSync(dir, { recursive: true });
  const stamp = env.at.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const file = `${dir}/${stamp}-${env.commit}${env.dirty ? '-dirty' : ''}.json`;
  writeFileSync(file, `${JSON.stringify({ environment: env, rows: rows.map((r) => ({ ...r, met: met(r) })), raw }, null, 2)}\n`);
  return file.slice(ROOT.length);
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Replaces the README's bench section (between the markers) with this run's table. */
export function updateReadme(env: Environment, rows: Row[], resultsFile: string): void {
  const path = `${ROOT}README.md`;
  const readme = readFileSync(path, 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${START} ... ${END} section`);
  const body = [
    START,
    `From one \`npm run bench\` run (commit ${env.commit}${env.dirty ? ', with uncommitted changes' : ''}, node ${env.node}, ${env.cpus} cores shared with other work, load ${env.loadAvgAtStart[0]} at start; \`${resultsFile}\`). ± is half the spread between repeats.`,
    '',
    markdownTable(rows),
    '',
    ...notes(rows),
    END,
  ].join('\n');
  writeFileSync(path, readme.slice(0, from) + body + readme.slice(to + END.length));
}
