import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely's SQLite dialect with two changes.
 *
 * A transaction that may write begins IMMEDIATE, taking the write lock at its start (waiting out the busy
 * timeout for another process's), instead of upgrading a read lock at its first write. In WAL mode that
 * upgrade fails at once (SQLITE_BUSY_SNAPSHOT, no busy wait) when another process wrote since the
 * transaction's first read: a turn commit or a migration in two processes at the same moment would fail
 * instead of taking turns. Read-only transactions stay deferred (a snapshot).
 *
 * Connections to one file in one process take turns: better-sqlite3 waits for a lock by blocking the thread,
 * so a second connection of this process waiting for the first one's transaction (which awaits between its
 * statements) would block the very thread that has to finish it. Across processes the busy timeout applies.
 */
class FileTurns {
  private tail: Promise<void> = Promise.resolve();
  /** Resolves when it is this caller's turn; the function it resolves with ends the turn. */
  take(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => mine);
    return ready;
  }
}

const turnsByFile = new Map<string, FileTurns>();

class ImmediateSqliteDriver extends SqliteDriver {
  private readonly turns: FileTurns;
  private release: (() => void) | undefined;

  constructor(config: SqliteDialectConfig, file: string | undefined) {
    super(config);
    let turns = file === undefined ? undefined : turnsByFile.get(file);
    if (!turns) {
      turns = new FileTurns();
      if (file !== undefined) turnsByFile.set(file, turns);
    }
    this.turns = turns;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.turns.take();
    try {
      const connection = await super.acquireConnection();
      this.release = release;
      return connection;
    } catch (err) {
      release();
      throw err;
    }
  }

  override async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    await super.releaseConnection();
    release?.();
  }

  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    const readOnly = settings?.accessMode === 'read only';
    await connection.executeQuery(CompiledQuery.raw(readOnly ? 'begin deferred' : 'begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #file: string | undefined;
  /** `file`: the database file's absolute path (undefined for an in-memory database, which nothing shares). */
  constructor(config: SqliteDialectConfig, file: string | undefined) {
    super(config);
    this.#config = config;
    this.#file = file;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#file);
  }
}
