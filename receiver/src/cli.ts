/**
 * The command line: `serve` (default), `migrate`, `add-user`, `export`, `purge`. Every serve
 * flag is also an environment variable (see --help). Messages never include a password or a
 * patient's details.
 */
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { audit } from './audit.js';
import { listForExport } from './callbacks/store.js';
import { ConfigError, SERVE_OPTIONS, resolveConfig, type Config } from './config.js';
import { openDatabase, redactUrl, type Store } from './db/database.js';
import { migrateToLatest } from './db/migrations.js';
import { toCsv, toJson } from './export.js';
import { purge } from './retention.js';
import { MIN_PASSWORD_LENGTH, isPlausibleEmail, normalizeEmail, upsertUser } from './users.js';

const COMMANDS = ['serve', 'migrate', 'add-user', 'export', 'purge', 'help'] as const;
type Command = (typeof COMMANDS)[number];

function usage(): string {
  const width = Math.max(...SERVE_OPTIONS.map((option) => option.flag.length + (option.type === 'string' ? 8 : 0)));
  const lines = SERVE_OPTIONS.map((option) => {
    const flag = `--${option.flag}${option.type === 'string' ? ' <value>' : ''}`.padEnd(width + 4);
    const env = option.env ? ` [${option.env}]` : '';
    const fallback = option.default ? ` (default ${option.default})` : '';
    return `  ${flag}${option.help}${env}${fallback}`;
  });
  return `Usage: second-opinion-check-receiver [command] [options]

Receives call-back requests from the second-opinion-check widget and serves the staff inbox.

Commands:
  serve                      run the HTTP server (the default)
  migrate                    create or update the database schema (serve does it too)
  add-user <email> [--admin] add a staff account, or set a new password for one;
                             the password is read from standard input, never a flag
  export [--since YYYY-MM-DD] [--format csv|json]
                             write requests to standard output (JSON by default)
  purge                      delete closed requests past the retention period now
  help                       show this text

Options (each also an environment variable, in brackets; a flag wins):
${lines.join('\n')}
  --help                      show this text

Environment only:
  SQLITE_SYNCHRONOUS          FULL (default: each commit is on disk before the answer) or NORMAL
  LOG_LEVEL                   info (default), warn, error or silent
`;
}

const flagOptions = {
  ...Object.fromEntries(SERVE_OPTIONS.map((option) => [option.flag, { type: option.type }])),
  admin: { type: 'boolean' },
  since: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const parsed = parseArgs({ args: argv, options: flagOptions, allowPositionals: true, strict: true });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    const positionals = parsed.positionals;
    const [commandName = 'serve', ...rest] = positionals;
    if (values.help || commandName === 'help') {
      process.stdout.write(usage());
      return 0;
    }
    if (!(COMMANDS as readonly string[]).includes(commandName)) {
      throw new ConfigError(`unknown command "${commandName}" (commands: ${COMMANDS.join(', ')})`);
    }
    const command = commandName as Command;
    const config = resolveConfig(values, env);

    if (command === 'serve') {
      if (rest.length) throw new ConfigError(`serve takes no arguments (got "${rest[0]}")`);
      // The server's modules load only for serve, so the other commands start quicker.
      const { serve } = await import('./serve.js');
      await serve(config);
      return 0;
    }
    const store = openDatabase(config.databaseUrl);
    try {
      await migrateToLatest(store.db, store.engine);
      switch (command) {
        case 'migrate':
          process.stderr.write(`Schema is up to date (${store.engine}, ${redactUrl(config.databaseUrl)}).\n`);
          return 0;
        case 'add-user':
          return await addUser(store, rest, values.admin === true);
        case 'export':
          return await exportRequests(store, values.since as string | undefined, values.format as string | undefined);
        case 'purge':
          return await purgeNow(store, config);
      }
    } finally {
      await store.close();
    }
  } catch (error) {
    if (error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`second-opinion-check-receiver: ${(error as Error).message}\nTry --help.\n`);
      return 2;
    }
    process.stderr.write(
      `second-opinion-check-receiver: ${(error as { code?: string }).code ?? (error as Error).message}\n`,
    );
    return 1;
  }
  return 0;
}

async function addUser(store: Store, args: string[], isAdmin: boolean): Promise<number> {
  if (args.length !== 1) throw new ConfigError('add-user takes one email address: add-user <email> [--admin]');
  const email = normalizeEmail(args[0]!);
  if (!isPlausibleEmail(email)) throw new ConfigError(`add-user: "${args[0]}" is not an email address`);
  const password = await readPassword();
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError(`add-user: the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const outcome = await upsertUser(store.db, email, password, isAdmin);
  await audit(store.db, {
    actor: 'cli',
    action: outcome === 'added' ? 'user-added' : 'user-updated',
    detail: `${email}${isAdmin ? ' (admin)' : ''}`,
  });
  process.stderr.write(`${outcome === 'added' ? 'Added' : 'Updated'} ${email}${isAdmin ? ' (admin)' : ''}.\n`);
  return 0;
}

/** The first line of standard input; on a terminal, asked for without echo. */
async function readPassword(): Promise<string> {
  const input = process.stdin;
  const terminal = Boolean(input.isTTY);
  if (terminal) process.stderr.write('Password (not shown): ');
  const lines = createInterface({ input, terminal: false });
  if (terminal) input.setRawMode?.(false);
  for await (const line of lines) {
    lines.close();
    if (terminal) process.stderr.write('\n');
    return line.replace(/\r$/, '');
  }
  return '';
}

async function exportRequests(store: Store, since: string | undefined, format = 'json'): Promise<number> {
  if (format !== 'json' && format !== 'csv') throw new ConfigError(`export: --format is csv or json, not "${format}"`);
  let sinceIso: string | undefined;
  if (since !== undefined) {
    const date = new Date(`${since}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(date.getTime())) {
      throw new ConfigError(`export: --since is a date as YYYY-MM-DD, not "${since}"`);
    }
    sinceIso = date.toISOString();
  }
  const rows = await listForExport(store.db, sinceIso);
  await audit(store.db, {
    actor: 'cli',
    action: 'exported',
    detail: `${rows.length} requests as ${format}${since ? ` since ${since}` : ''}`,
  });
  process.stdout.write(format === 'csv' ? toCsv(rows) : toJson(rows));
  return 0;
}

async function purgeNow(store: Store, config: Config): Promise<number> {
  const deleted = await purge(store.db, config.retentionDays);
  process.stderr.write(`Deleted ${deleted} closed requests older than ${config.retentionDays} days.\n`);
  return 0;
}
