import { createInterface } from 'node:readline';
import { createCoachService } from '../../app/service.js';
import { ConfigError, readConfig } from '../../config.js';
import { setUpPseudonyms } from '../../logKey.js';
import { loadUnderstanding } from '../../language/index.js';
import { createLogger } from '../../log.js';
import { loadRoutines } from '../../routines/load.js';
import { openStore, StoreConfigError } from '../../store/index.js';
import { TerminalChat } from './chat.js';
import { systemLocale, systemTimeZone } from './system.js';

/**
 * `npm run chat [-- --profile NAME]`: Back Break in a terminal. Piped input runs as a script: no waiting
 * for holds, and it exits at the end of input.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const profileAt = args.indexOf('--profile');
  const name = (profileAt >= 0 ? args[profileAt + 1] : undefined) ?? process.env.BACK_BREAK_PROFILE ?? 'local';
  const config = readConfig();
  // The log goes to stderr and stays quiet unless asked: the conversation is stdout.
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn', process.stderr);
  setUpPseudonyms(config);
  const store = await openStore(config.databaseUrl, { log });
  const routines = loadRoutines();
  const coach = createCoachService({ store, routines, log });
  const understanding = loadUnderstanding(routines);
  const interactive = Boolean(process.stdin.isTTY);
  let hold = new AbortController();
  const chat = new TerminalChat({
    coach,
    personId: `terminal:${name}`,
    locale: systemLocale() ?? 'en-US',
    ...(systemTimeZone() ? { timeZone: systemTimeZone() } : {}),
    write: (text) => process.stdout.write(`${text}\n`),
    waitHolds: interactive,
    understanding,
    onError: (err) => log.error({ event: 'chat.turn_failed', err: err instanceof Error ? err.message : String(err) }),
    get signal() {
      return hold.signal;
    },
  });

  const lines = createInterface({ input: process.stdin, terminal: false });
  await chat.open();
  if (interactive) process.stdout.write('you › ');
  for await (const line of lines) {
    hold.abort();
    hold = new AbortController();
    if (!interactive) process.stdout.write(`you › ${line}\n`);
    if (!line.trim()) continue;
    const turn = chat.line(line);
    // On a terminal a hold is waited out in the background, so "next" or "this hurts" can interrupt it.
    if (!interactive) await turn;
    else void turn.then(() => process.stdout.write('you › '));
  }
  hold.abort();
  await store.close();
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof StoreConfigError) {
    console.error(`Back Break cannot start: ${err.message}`);
    process.exit(2);
  }
  console.error('Back Break chat failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
