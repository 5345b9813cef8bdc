// A throwaway PostgreSQL cluster on 127.0.0.1 for the tests: Debian's postgresql binaries,
// run as the `postgres` user (initdb refuses root), removed when stopped.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function binDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions)
    if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  throw new Error("PostgreSQL's initdb was not found: install Debian's postgresql package (.ci/run does)");
}

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function asPostgres(bin, args) {
  const command = join(binDir(), bin);
  const isRoot = process.getuid?.() === 0;
  const result = isRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${bin} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

export async function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), 'receiver-pg-'));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`;
  const start = () => asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = (mode = 'fast') => asPostgres('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  start();
  /** The postmaster and every process it started (backends, WAL writer …). */
  const signalCluster = (signal) => {
    const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const pids = [postmaster];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (parent === postmaster) pids.push(Number(entry));
      } catch {
        // gone meanwhile
      }
    }
    for (const pid of pids) process.kill(pid, signal);
  };
  let databases = 0;
  const cluster = {
    port,
    /** A new empty database on the cluster; returns its postgres:// URL. */
    createDatabase(name = `receiver_${process.pid}_${++databases}`) {
      asPostgres('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', `create database ${name}`]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    /** Runs SQL on a database of the cluster and returns psql's unaligned output. */
    query(database, statement) {
      return asPostgres('psql', [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        database,
        '-At',
        '-c',
        statement,
      ]);
    },
    /**
     * Freezes the server and its backends (SIGSTOP): connections stay open but nothing answers,
     * as with a hung database or a cut network. `thaw()` lets them go on.
     */
    freeze: () => signalCluster('SIGSTOP'),
    thaw: () => signalCluster('SIGCONT'),
    /** Stops the server (the data stays), for database-down tests. */
    pause: () => stop('immediate'),
    resume: () => start(),
    async destroy() {
      try {
        stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
