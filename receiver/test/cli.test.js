// The command line (SPEC §10): --help, environment variables, add-user, export, purge, migrate,
// and a clear message with exit code 2 for a bad flag.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './support/postgres.js';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { BIN, postCallback, runCli, scratchDir, startReceiver, validBody } from './support/receiver.js';

const SPEC_FLAGS = [
  ['port', 'PORT'],
  ['host', 'HOST'],
  ['db', 'DATABASE_URL'],
  ['allow-origin', 'ALLOWED_ORIGINS'],
  ['reference-prefix', 'REFERENCE_PREFIX'],
  ['notify-email', 'NOTIFY_EMAIL'],
  ['smtp-url', 'SMTP_URL'],
  ['webhook-url', 'WEBHOOK_URL'],
  ['retention-days', 'RETENTION_DAYS'],
  ['trust-proxy', 'TRUST_PROXY'],
  ['rate-limit', 'RATE_LIMIT'],
  ['public-url', 'PUBLIC_URL'],
  ['time-zone', 'TIME_ZONE'],
  ['insecure-cookies', undefined],
];
const COMMANDS = ['serve', 'migrate', 'add-user', 'export', 'purge'];

function sqlitePath(db) {
  return db.slice('sqlite:'.length);
}

/** `serve` configured by environment variables only; resolves with its first log entry that listens. */
async function serveFromEnv(env) {
  const child = spawn(process.execPath, [BIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listening = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start: ${output}`)), 15_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      for (const line of output.split('\n')) {
        try {
          const entry = JSON.parse(line);
          if (entry.msg === 'receiver listening') {
            clearTimeout(timer);
            resolve(entry);
          }
        } catch {
          // a partial line
        }
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return {
    listening,
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

describe('--help', () => {
  for (const args of [['--help'], ['help'], ['-h'], ['export', '--help']]) {
    it(`${args.join(' ')} lists every command, flag and environment variable, and exits 0`, async () => {
      const { code, stdout } = await runCli(args);
      assert.equal(code, 0);
      for (const command of COMMANDS) assert.match(stdout, new RegExp(`^\\s+${command}\\b`, 'm'), command);
      for (const [flag, env] of SPEC_FLAGS) {
        const line = stdout.split('\n').find((candidate) => candidate.trimStart().startsWith(`--${flag} `));
        assert.ok(line, `--${flag} is listed`);
        if (env) assert.ok(line.includes(env), `--${flag} names ${env}`);
      }
      assert.match(stdout, /--since/);
      assert.match(stdout, /--format/);
      assert.match(stdout, /--admin/);
    });
  }
});

describe('environment variables', () => {
  it('PORT, HOST, DATABASE_URL, REFERENCE_PREFIX, ALLOWED_ORIGINS, RATE_LIMIT configure serve', async () => {
    const scratch = scratchDir();
    const port = await freePort();
    const server = await serveFromEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: scratch.db,
      REFERENCE_PREFIX: 'ENV',
      ALLOWED_ORIGINS: 'https://env.clinic.example',
      RATE_LIMIT: '2/1m',
    });
    try {
      assert.equal(server.listening.port, port);
      const url = `http://127.0.0.1:${port}`;
      const created = await postCallback(url, validBody(), { headers: { Origin: 'https://env.clinic.example' } });
      assert.deepEqual(created.json, { reference: 'ENV-0001' });
      assert.equal(created.headers.get('access-control-allow-origin'), 'https://env.clinic.example');
      assert.equal((await postCallback(url, validBody())).status, 201);
      assert.equal((await postCallback(url, validBody())).status, 429);
      assert.ok(existsSync(sqlitePath(scratch.db)), 'the database is where DATABASE_URL says');
    } finally {
      await server.stop();
      scratch.cleanup();
    }
  });

  it('a flag wins over its environment variable', async () => {
    const scratch = scratchDir();
    const receiver = await startReceiver({
      db: scratch.db,
      args: ['--reference-prefix', 'FLAG'],
      env: { REFERENCE_PREFIX: 'ENV', DATABASE_URL: 'sqlite:/nonexistent/dir/never.db' },
    });
    try {
      assert.deepEqual((await postCallback(receiver.url, validBody())).json, { reference: 'FLAG-0001' });
    } finally {
      await receiver.stop();
      scratch.cleanup();
    }
  });

  it('DATABASE_URL and RETENTION_DAYS work for the other commands too', async () => {
    const scratch = scratchDir();
    try {
      const migrated = await runCli(['migrate'], { env: { DATABASE_URL: scratch.db } });
      assert.equal(migrated.code, 0, migrated.stderr);
      assert.ok(existsSync(sqlitePath(scratch.db)));
      const purged = await runCli(['purge'], { env: { DATABASE_URL: scratch.db, RETENTION_DAYS: '7' } });
      assert.equal(purged.code, 0, purged.stderr);
      assert.match(purged.stderr, /\b7 days\b/);
    } finally {
      scratch.cleanup();
    }
  });
});

describe('migrate', () => {
  it('creates the schema in a new SQLite file (WAL), and running it again changes nothing', async () => {
    const scratch = scratchDir();
    const db = `sqlite:${join(scratch.dir, 'nested', 'folder', 'callbacks.db')}`;
    try {
      const first = await runCli(['migrate', '--db', db]);
      assert.equal(first.code, 0, first.stderr);
      const sqlite = new Database(sqlitePath(db), { readonly: true });
      try {
        const tables = sqlite
          .prepare("select name from sqlite_master where type = 'table'")
          .all()
          .map((row) => row.name);
        for (const table of ['callbacks', 'outbox', 'users', 'audit_log']) assert.ok(tables.includes(table), table);
        assert.equal(sqlite.pragma('journal_mode', { simple: true }), 'wal');
      } finally {
        sqlite.close();
      }
      const second = await runCli(['migrate', '--db', db]);
      assert.equal(second.code, 0, second.stderr);
    } finally {
      scratch.cleanup();
    }
  });
});

describe('add-user', () => {
  let scratch;
  before(() => {
    scratch = scratchDir();
  });
  after(() => scratch.cleanup());

  const users = () => {
    const sqlite = new Database(sqlitePath(scratch.db), { readonly: true });
    try {
      return sqlite.prepare('select email, password_hash, is_admin from users order by id').all();
    } finally {
      sqlite.close();
    }
  };

  it('reads the password from standard input and stores only a hash', async () => {
    const password = 'Correct-Horse-Battery-77';
    const result = await runCli(['add-user', 'Front.Desk@Riverside.example', '--db', scratch.db], {
      input: `${password}\n`,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!result.stdout.includes(password) && !result.stderr.includes(password));
    const [user] = users();
    assert.equal(user.email, 'front.desk@riverside.example');
    assert.equal(user.is_admin, 0);
    assert.match(user.password_hash, /^scrypt\$/);
    assert.ok(!user.password_hash.includes(password));
  });

  it('--admin makes an admin; the same address again updates the account', async () => {
    const result = await runCli(['add-user', 'front.desk@riverside.example', '--admin', '--db', scratch.db], {
      input: 'Another-Long-Password\r\n',
    });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Updated/);
    const all = users();
    assert.equal(all.length, 1);
    assert.equal(all[0].is_admin, 1);
  });

  it('refuses a password given as a flag, a short password and a bad address, with exit 2', async () => {
    const flag = await runCli([
      'add-user',
      'a@riverside.example',
      '--password',
      'Secret-Password-1',
      '--db',
      scratch.db,
    ]);
    assert.equal(flag.code, 2);
    assert.ok(!flag.stderr.includes('Secret-Password-1'));
    const short = await runCli(['add-user', 'b@riverside.example', '--db', scratch.db], { input: 'short\n' });
    assert.equal(short.code, 2);
    assert.match(short.stderr, /password/i);
    const empty = await runCli(['add-user', 'c@riverside.example', '--db', scratch.db], { input: '' });
    assert.equal(empty.code, 2);
    const address = await runCli(['add-user', 'not-an-address', '--db', scratch.db], { input: 'Long-Enough-Pass\n' });
    assert.equal(address.code, 2);
    const none = await runCli(['add-user', '--db', scratch.db], { input: 'Long-Enough-Pass\n' });
    assert.equal(none.code, 2);
    assert.equal(users().length, 1);
  });
});

describe('export and purge', () => {
  let scratch;
  let receiver;
  const bodies = {};
  const references = {};
  before(async () => {
    scratch = scratchDir();
    receiver = await startReceiver({ db: scratch.db, args: ['--rate-limit', '100/1m'] });
    const specs = {
      oldClosed: {},
      recentClosed: { name: '=HYPERLINK("https://evil.example","click")', phone: undefined },
      ancientOpen: { message: 'Line one, "quoted"\nline two', selfCheck: undefined },
      oldCalled: { email: undefined },
    };
    for (const [key, overrides] of Object.entries(specs)) {
      bodies[key] = validBody(overrides);
      const response = await postCallback(receiver.url, bodies[key]);
      assert.equal(response.status, 201);
      references[key] = response.json.reference;
    }
    await receiver.stop();
    // Dates in the past, as the inbox would have left them.
    const daysAgo = (days) => new Date(Date.now() - days * 86_400_000).toISOString();
    const sqlite = new Database(sqlitePath(scratch.db));
    try {
      const set = sqlite.prepare('update callbacks set status = ?, closed_at = ?, received_at = ? where id = ?');
      set.run('closed', daysAgo(40), daysAgo(60), bodies.oldClosed.id);
      set.run('closed', daysAgo(10), daysAgo(20), bodies.recentClosed.id);
      set.run('new', null, daysAgo(400), bodies.ancientOpen.id);
      set.run('called', null, daysAgo(90), bodies.oldCalled.id);
    } finally {
      sqlite.close();
    }
  });
  after(() => scratch.cleanup());

  it('export --format json: the §4 body plus reference, receivedAt and status, oldest first', async () => {
    const result = await runCli(['export', '--format', 'json', '--db', scratch.db]);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout);
    assert.deepEqual(
      rows.map((row) => row.reference),
      Object.values(references),
    );
    for (const row of rows) {
      const key = Object.keys(references).find((candidate) => references[candidate] === row.reference);
      const { reference, receivedAt, status, ...body } = row;
      assert.deepEqual(body, bodies[key], `${key}: the body as sent`);
      assert.ok(reference && !Number.isNaN(Date.parse(receivedAt)));
      assert.ok(['new', 'called', 'closed'].includes(status));
    }
    const byDefault = await runCli(['export', '--db', scratch.db]);
    assert.deepEqual(JSON.parse(byDefault.stdout), rows, 'JSON is the default');
  });

  it('export --since keeps requests received on or after that day', async () => {
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const result = await runCli(['export', '--since', since, '--db', scratch.db]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      JSON.parse(result.stdout).map((row) => row.reference),
      [references.recentClosed],
    );
    const future = await runCli(['export', '--since', '2999-01-01', '--db', scratch.db]);
    assert.deepEqual(JSON.parse(future.stdout), []);
  });

  it('export --format csv: a header and one line per request, quoted, formulas defused', async () => {
    const result = await runCli(['export', '--format', 'csv', '--db', scratch.db]);
    assert.equal(result.code, 0, result.stderr);
    const header = result.stdout.split('\r\n')[0].split(',');
    for (const column of ['reference', 'receivedAt', 'status', 'id', 'name', 'phone', 'email', 'message', 'page']) {
      assert.ok(header.includes(column), column);
    }
    for (const reference of Object.values(references)) assert.ok(result.stdout.includes(`\r\n${reference},`));
    assert.ok(result.stdout.includes(`"'=HYPERLINK(""https://evil.example"",""click"")"`), 'formula defused');
    assert.ok(result.stdout.includes('"Line one, ""quoted""\nline two"'), 'line break and quotes kept in one cell');
    assert.ok(result.stdout.endsWith('\r\n'));
  });

  it('export refuses a bad --format or --since with exit 2', async () => {
    const format = await runCli(['export', '--format', 'xml', '--db', scratch.db]);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format/);
    assert.equal(format.stdout, '');
    const since = await runCli(['export', '--since', 'last week', '--db', scratch.db]);
    assert.equal(since.code, 2);
    assert.match(since.stderr, /--since/);
  });

  it('purge deletes closed requests past retention, never open ones', async () => {
    const first = await runCli(['purge', '--db', scratch.db]);
    assert.equal(first.code, 0, first.stderr);
    let remaining = JSON.parse((await runCli(['export', '--db', scratch.db])).stdout).map((row) => row.reference);
    assert.deepEqual(remaining, [references.recentClosed, references.ancientOpen, references.oldCalled]);

    const shorter = await runCli(['purge', '--retention-days', '5', '--db', scratch.db]);
    assert.equal(shorter.code, 0, shorter.stderr);
    remaining = JSON.parse((await runCli(['export', '--db', scratch.db])).stdout).map((row) => row.reference);
    assert.deepEqual(remaining, [references.ancientOpen, references.oldCalled], 'open requests are kept');

    const sqlite = new Database(sqlitePath(scratch.db), { readonly: true });
    try {
      const deleted = sqlite
        .prepare("select reference from audit_log where action = 'deleted' order by id")
        .all()
        .map((row) => row.reference);
      assert.deepEqual(deleted, [references.oldClosed, references.recentClosed]);
    } finally {
      sqlite.close();
    }
  });
});

describe('bad flags and values', () => {
  const CASES = [
    [['--bogus'], /--bogus/],
    [['serve', '--port', 'eighty'], /--port/],
    [['serve', '--port', '70000'], /--port/],
    [['serve', '--rate-limit', '20'], /--rate-limit/],
    [['serve', '--rate-limit', '0/1m'], /--rate-limit/],
    [['serve', '--allow-origin', 'clinic.example'], /--allow-origin/],
    [['serve', '--allow-origin', 'https://clinic.example/path'], /--allow-origin/],
    [['serve', '--db', 'mysql://localhost/clinic'], /--db/],
    [['serve', '--reference-prefix', 'C-B'], /--reference-prefix/],
    [['serve', '--retention-days', '-1'], /--retention-days/],
    [['serve', '--notify-email', 'desk@clinic.example'], /--smtp-url/],
    [['serve', '--webhook-url', 'ftp://clinic.example/hook'], /--webhook-url/],
    [['serve', '--public-url', 'not a url'], /--public-url/],
    [['serve', '--time-zone', 'Mars/Olympus'], /--time-zone/],
    [['serve', 'extra'], /serve/],
    [['frobnicate'], /frobnicate/],
    [['serve', '--port'], /--port/],
  ];
  for (const [args, mentions] of CASES) {
    it(`${args.join(' ')} → exit 2 with a message naming the problem`, async () => {
      const result = await runCli(args);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, mentions);
      assert.match(result.stderr, /--help/);
      assert.equal(result.stdout, '');
    });
  }

  it('an unreachable database is an error without its password (exit 1)', async () => {
    const result = await runCli(['migrate', '--db', 'postgres://clinic:Sup3rSecretPw@127.0.0.1:1/clinic']);
    assert.equal(result.code, 1);
    assert.ok(!result.stderr.includes('Sup3rSecretPw'));
    assert.match(result.stderr, /ECONNREFUSED/);
  });
});
