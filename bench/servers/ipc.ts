import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * The child side of bench/lib/child.ts: tells the bench the port it listens on, answers `stats` with CPU
 * time and memory, and hands any other message to `handle` (seeding people, for instance).
 */
export function serveBench(
  port: number,
  close: () => Promise<void>,
  handle: (message: Record<string, unknown>) => Promise<unknown> = async () => undefined,
): void {
  if (!process.send) throw new Error('bench servers run under bench/lib/child.ts (no IPC channel)');
  process.on('message', (msg: Record<string, unknown>) => {
    const reply = (value: unknown, error?: string) => process.send!({ id: msg.id, value, error });
    if (msg.kind === 'stats') {
      const cpu = process.cpuUsage();
      const mem = process.memoryUsage();
      reply({ cpuUs: cpu.user + cpu.system, rss: mem.rss, heapUsed: mem.heapUsed });
      return;
    }
    if (msg.kind === 'profileStart' || msg.kind === 'profileStop') {
      profile(msg.kind, msg.file as string | undefined).then(
        () => reply(true),
        (err: unknown) => reply(undefined, String(err)),
      );
      return;
    }
    handle(msg).then(
      (value) => reply(value),
      (err: unknown) => reply(undefined, err instanceof Error ? err.message : String(err)),
    );
  });
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  process.send({ ready: true, port });
}

let inspector: Session | undefined;

/** A V8 CPU profile of the measured load only (not start-up or seeding), written as a .cpuprofile file. */
async function profile(kind: 'profileStart' | 'profileStop', file?: string): Promise<void> {
  if (kind === 'profileStart') {
    inspector = new Session();
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
    return;
  }
  if (!inspector) return;
  const { profile: result } = await inspector.post('Profiler.stop');
  inspector.disconnect();
  inspector = undefined;
  if (file) writeFileSync(file, JSON.stringify(result));
}
