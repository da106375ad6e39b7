import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentencesOf } from '../routines/content.js';
import { closestSentence, NEAR_COPY, sourceSentences, wordRuns, words } from '../routines/similar.js';

/**
 * The copy check: facts carry over from the source documents, sentences do not. A text of ours fails when
 * it shares a run of RUN_WORDS words with any source, or when one of its sentences is a near copy of a
 * source sentence (token-set Jaccard at or above NEAR_COPY). Every source is checked, not only the routine's
 * own: a sentence lifted from another source is still lifted.
 */

/** shared/seeds sits beside the repository root (SEEDS_DIR overrides); only `npm run test:seeds` reads it. */
export const SEEDS_DIR = process.env.SEEDS_DIR ?? fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

/** Copied runs are this many words long or longer. */
export const RUN_WORDS = 6;

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).sort();
}

export function seedText(file: string): string {
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

/** The sources, read once: their runs of RUN_WORDS words and their sentences. */
export interface Sources {
  runs: ReadonlySet<string>;
  sentences: readonly string[];
  sentenceWords: readonly string[][];
}

export function readSources(files: readonly string[] = seedFiles()): Sources {
  const texts = files.map(seedText);
  const sentences = texts.flatMap(sourceSentences);
  return { runs: new Set(texts.flatMap((t) => wordRuns(t, RUN_WORDS))), sentences, sentenceWords: sentences.map(words) };
}

/** What a text of ours copies: the runs it shares with a source, and its sentences close to a source sentence. */
export function copiesOf(text: string, sources: Sources): string[] {
  const runs = [...new Set(wordRuns(text, RUN_WORDS).filter((r) => sources.runs.has(r)))].map((r) => `run "${r}"`);
  const near = sentencesOf(text).flatMap((s) => {
    const closest = closestSentence(s, sources.sentenceWords);
    return closest && closest.score >= NEAR_COPY ? [`"${s}" is close to "${sources.sentences[closest.index]}" (${closest.score.toFixed(2)})`] : [];
  });
  return [...runs, ...near];
}

/** The copies in labelled texts, as `where: what`, each once. */
export function copiesIn(texts: readonly { where: string; text: string }[], sources: Sources): string[] {
  return [...new Set(texts.flatMap(({ where, text }) => copiesOf(text, sources).map((c) => `${where}: ${c}`)))];
}

const COPY_DIR = fileURLToPath(new URL('../../src/core/copy/', import.meta.url));

/**
 * The coach's fixed words: every string literal of the copy modules (src/core/copy/*.ts), template
 * placeholders dropped. Read from the source so every branch of every phrase is checked, not only the ones a
 * sample call would reach.
 */
export function coachCopyTexts(): { where: string; text: string }[] {
  return readdirSync(COPY_DIR)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => {
      const source = readFileSync(join(COPY_DIR, f), 'utf8').replace(/^\s*(\/\/|\/?\*).*$/gm, '');
      const literals = source.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
      return literals
        .map((l) => l.slice(1, -1).replace(/\$\{[^}]*\}/g, ' ').replace(/\\(.)/g, '$1'))
        .filter((t) => words(t).length >= 3)
        .map((text) => ({ where: `copy/${f}`, text }));
    });
}
