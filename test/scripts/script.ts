import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { newProfile, type Profile } from '../../src/core/profile.js';
import { questionIds } from '../../src/core/screening.js';

/**
 * Conversation scripts: what a person says and what the coach must say or offer, as data.
 * The same scripts run through every adapter (terminal, Alexa, Slack): each adapter turns `say`
 * into its own input (a typed line, a spoken utterance, a button click or a /backbreak command).
 */
export const Expectation = z
  .object({
    /** The reply's moment (see src/core/reply.ts). */
    moment: z.string().optional(),
    /** Substrings (case-insensitive) the coach's speech must contain. */
    says: z.array(z.string()).default([]),
    /** Substrings (case-insensitive) the coach's speech must not contain. */
    never: z.array(z.string()).default([]),
    /** Choice labels the reply must offer. */
    offers: z.array(z.string()).default([]),
    /** The conversation ends with this reply. */
    end: z.boolean().optional(),
  })
  .strict();
export type Expectation = z.infer<typeof Expectation>;

export const ScriptTurn = z
  .object({
    /** What the person says or types; in plain words every surface understands. */
    say: z.string(),
    expect: Expectation.default({ says: [], never: [], offers: [] }),
    /**
     * Where the terminal answers otherwise (it sends nothing later, so it offers no reminder): what it must
     * say instead, or `skip` for a turn it never reaches.
     */
    terminal: z.union([Expectation, z.literal('skip')]).optional(),
  })
  .strict();

export const Script = z
  .object({
    name: z.string(),
    /** en-US by default. */
    locale: z.string().default('en-US'),
    /**
     * A screening on file before the script starts (a returning person), so scripts can skip the
     * full screening; absent: a first-time person.
     */
    screened: z.boolean().default(false),
    /** Scripts that change sessions between turns (a new Alexa session) mark the turn index. */
    newSessionBefore: z.array(z.number().int()).default([]),
    turns: z.array(ScriptTurn).min(1),
  })
  .strict();
export type Script = z.infer<typeof Script>;

export const SCRIPTS_DIR = fileURLToPath(new URL('.', import.meta.url));
/**
 * Scripts in people's own words ("ok done that one", "I feel a bit light headed"): the typed surfaces run them
 * (terminal, Slack); voice understands what Amazon's model does, tested apart.
 */
export const TYPED_SCRIPTS_DIR = join(SCRIPTS_DIR, 'typed');

export function loadScripts(dir = SCRIPTS_DIR): Array<Script & { file: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, ...Script.parse(parse(readFileSync(join(dir, file), 'utf8'))) }));
}

/** What an adapter saw of one reply, reduced to what scripts check. */
export interface Observed {
  moment?: string;
  speech: string;
  choices: string[];
  end: boolean;
}

/** Checks one observed reply against an expectation; returns the failures (empty when it passes). */
export function check(expect: Expectation, seen: Observed): string[] {
  const failures: string[] = [];
  const speech = seen.speech.toLowerCase();
  if (expect.moment && seen.moment !== undefined && seen.moment !== expect.moment) {
    failures.push(`moment ${seen.moment}, expected ${expect.moment}`);
  }
  for (const s of expect.says) if (!speech.includes(s.toLowerCase())) failures.push(`speech lacks "${s}"`);
  for (const s of expect.never) if (speech.includes(s.toLowerCase())) failures.push(`speech has "${s}"`);
  const labels = seen.choices.map((c) => c.toLowerCase());
  for (const o of expect.offers) {
    if (!labels.some((l) => l.includes(o.toLowerCase()))) failures.push(`no choice "${o}" among [${seen.choices.join(', ')}]`);
  }
  if (expect.end !== undefined && seen.end !== expect.end) failures.push(`end ${seen.end}, expected ${expect.end}`);
  return failures;
}

/**
 * The profile of a returning person screened today with every answer "no", for scripts marked
 * `screened: true`: save it with store.saveProfile(personId, screenedProfile(now, locale), null) first.
 */
export function screenedProfile(now: Date, locale = 'en-US'): Profile {
  const answers = Object.fromEntries([...questionIds('B'), ...questionIds('C')].map((id) => [id, 'no' as const]));
  return { ...newProfile(now, locale), greeted: true, screening: { answers, at: now.toISOString() } };
}
