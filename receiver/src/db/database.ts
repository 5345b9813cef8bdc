/**
 * Opens the database named by `--db`: an embedded SQLite file (the default) or PostgreSQL.
 * Both are reached through one Kysely instance, so every query is written once.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import { ConfigError } from '../config.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** True when a query can be answered now (for /readyz). */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  log?: (message: string) => void;
  /**
   * How long SQLite waits for another process's write lock (default 5 s, for the commands).
   * The wait blocks the whole process, so the server waits briefly and answers 503 instead.
   */
  busyTimeoutMs?: number;
}

export function openDatabase(url: string, options: OpenOptions = {}): Store {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length), options.busyTimeoutMs ?? 5000);
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options.log);
  throw new ConfigError(`--db: "${redactUrl(url)}" is neither sqlite:<path> nor postgres://…`);
}

function openSqlite(path: string, busyTimeoutMs: number): Store {
  if (!path) throw new ConfigError('--db: sqlite: needs a file path, for example sqlite:./data/callbacks.db');
  const file = resolve(path.replace(/^\/\/(?=\/)/, ''));
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  // WAL lets the inbox read while a request is written. synchronous=FULL syncs the WAL to disk
  // at every commit, so a request that got its 201 survives a power cut as well as a crash
  // (NORMAL would survive a crash of the process but not of the machine). BENCHMARKS.md has
  // the cost.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${sqliteSynchronous(process.env.SQLITE_SYNCHRONOUS)}`);
  sqlite.pragma('foreign_keys = ON');
  // Another process (the CLI's `purge` or `export`) may hold the write lock for a moment.
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    engine: 'sqlite',
    isReachable: () => ping(db),
    close: () => db.destroy(),
  };
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * The database as Kysely's SQLite dialect sees it, with each SQL text prepared once: Kysely
 * asks for a new statement on every query, and preparing costs more than running a small
 * insert. The queries are few and fixed, so the cache stays small.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * FULL unless SQLITE_SYNCHRONOUS=NORMAL: for a machine whose own crash (not only the
 * receiver's) is not a concern, or to measure the difference (BENCHMARKS.md).
 */
export function sqliteSynchronous(value: string | undefined): 'FULL' | 'NORMAL' {
  if (value === undefined || value === '' || /^full$/i.test(value)) return 'FULL';
  if (/^normal$/i.test(value)) return 'NORMAL';
  throw new ConfigError(`SQLITE_SYNCHRONOUS: "${value}" is FULL (the default) or NORMAL`);
}

function openPostgres(url: string, log?: (message: string) => void): Store {
  // bigserial keys come back as strings by default; they stay far below 2^53.
  pg.types.setTypeParser(pg.types.builtins.INT8, Number);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Fail fast when the server is down, so the widget gets a 503 and retries later.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection that the server drops must not crash the process; the next query
  // opens a new one (or answers 503 while the server is away).
  pool.on('error', (error: Error & { code?: string }) => log?.(`database connection lost (${error.code ?? 'error'})`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    isReachable: () => ping(db),
    close: () => db.destroy(),
  };
}

async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** A database URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
