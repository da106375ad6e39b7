import { type ChildProcess, fork } from 'node:child_process';
import { type CompiledProgram, compileBench, compiledArgs } from './compile.js';

/**
 * A server under test in its own process (the load generator stays in the bench process, so the two do not
 * share an event loop), compiled to JavaScript (bench/lib/compile.ts) and run by node, talking to the bench
 * over IPC: it says when it listens, and answers with its CPU time and RSS when asked.
 */
export interface ChildStats {
  /** User + system CPU time since the process started, microseconds. */
  cpuUs: number;
  rss: number;
  heapUsed: number;
}

export interface BenchChild {
  name: string;
  url: string;
  pid: number;
  stats(): Promise<ChildStats>;
  /** Sends a message the child handles itself (e.g. seeding) and waits for its answer. */
  ask<T>(message: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;

export async function startChild(name: string, program: CompiledProgram, env: Record<string, string> = {}): Promise<BenchChild> {
  await compileBench();
  const [launcher, args] = compiledArgs(program);
  const child: ChildProcess = fork(launcher, args, {
    execArgv: [],
    env: { ...process.env, ...env },
    // The servers log at their production level into /dev/null: the cost of logging counts, the lines do not.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let seq = 0;
  const waiting = new Map<number, (value: any) => void>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: not listening after ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.on('message', (msg: any) => {
      if (msg?.ready) {
        clearTimeout(timer);
        resolve(msg.port as number);
      } else if (typeof msg?.id === 'number') {
        waiting.get(msg.id)?.(msg.error ? Promise.reject(new Error(`${name}: ${msg.error}`)) : msg.value);
        waiting.delete(msg.id);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited with ${code} before listening`));
    });
  });
  const ask = <T>(message: Record<string, unknown>) =>
    new Promise<T>((resolve) => {
      const id = ++seq;
      waiting.set(id, resolve);
      child.send({ ...message, id });
    });
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stats: () => ask<ChildStats>({ kind: 'stats' }),
    ask,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
