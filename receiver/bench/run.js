// Receiver benchmark (`npm run bench:receiver` at the root): requests per second and p50/p99
// latency of POST /api/callback at 50 concurrent clients, for new requests and for replays,
// on SQLite (synchronous=FULL, the default, and NORMAL) and on PostgreSQL (a throwaway
// cluster). The real built receiver runs as its own process on 127.0.0.1; autocannon drives
// it from this process. Each run is bounded (a warm-up, then a few seconds measured).
//
//   node receiver/bench/run.js [--duration 5] [--connections 50] [--rate 500]
//                              [--only sqlite-full,sqlite-normal,postgres]
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startPostgres } from '../test/support/postgres.js';
import { postCallback, runCli, scratchDir, startReceiver, validBody } from '../test/support/receiver.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    rate: { type: 'string', default: '500' },
  },
});
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
const CONNECTIONS = Number(values.connections);
const ONLY = values.only?.split(',');
const STEADY_RATE = Number(values.rate);
/** No rate limit in the way: the benchmark is one client address. */
const RECEIVER_ARGS = ['--rate-limit', '100000000/1m'];

/** A body like the widget's, with a new id each time. */
function newBody() {
  const body = validBody();
  body.id = randomUUID();
  return body;
}

/** autocannon, as fast as it goes: POST /api/callback with a body made by `next()` for each request. */
function load(url, next, duration) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/api/callback`,
        connections: CONNECTIONS,
        duration,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const body = next();
              return {
                ...request,
                headers: { 'content-type': 'application/json', 'idempotency-key': body.id },
                body: JSON.stringify(body),
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

/**
 * A steady open-loop load: request i leaves at start + i / rate seconds (autocannon's rate
 * limit sends each second's share in a burst), at most CONNECTIONS at once over keep-alive
 * connections. Latency counts from when the request was due, so a late start counts too.
 */
async function paced(url, next, duration, rate) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL(`${url}/api/callback`);
  const latencies = [];
  const counts = { '2xx': 0, non2xx: 0, errors: 0 };
  const total = Math.round(duration * rate);
  const start = performance.now();
  const one = (due) =>
    new Promise((resolve) => {
      const body = JSON.stringify(next());
      const request = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': JSON.parse(body).id,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - due);
            counts[response.statusCode >= 200 && response.statusCode < 300 ? '2xx' : 'non2xx']++;
            resolve();
          });
        },
      );
      request.on('error', () => {
        counts.errors++;
        resolve();
      });
      request.end(body);
    });
  const inFlight = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(one(due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  return {
    requests: { average: latencies.length / elapsed },
    latency: { p50: at(0.5), p99: at(0.99), max: Math.round(latencies.at(-1)) },
    '2xx': counts['2xx'],
    non2xx: counts.non2xx,
    errors: counts.errors,
    timeouts: 0,
  };
}

async function countRows(db) {
  const result = await runCli(['export', '--format', 'json', '--db', db]);
  if (result.code !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout).length;
}

function summary(name, kind, result) {
  return {
    engine: name,
    requests: kind,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    '2xx': result['2xx'],
    'non-2xx': result.non2xx,
    errors: result.errors + result.timeouts,
    // The machine's other work shows here: the 1-minute load average when the run ended.
    load: loadavg()[0].toFixed(1),
  };
}

/** Unique requests, then replays of a set of stored ones, against one receiver. */
async function scenario(name, { db, env = {} }) {
  const receiver = await startReceiver({ db, args: RECEIVER_ARGS, env: { LOG_LEVEL: 'info', ...env } });
  try {
    await load(receiver.url, newBody, WARMUP);
    // Settle: the warm-up's last requests finish before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const warmed = await countRows(db);
    const unique = await load(receiver.url, newBody, DURATION);
    const stored = (await countRows(db)) - warmed;
    // Requests still in flight when a run stops are stored without being counted: at most one
    // per connection, for the warm-up and for the run.
    if (stored < unique['2xx'] || stored > unique['2xx'] + 2 * CONNECTIONS) {
      throw new Error(`${name}: ${unique['2xx']} answered 201 but ${stored} stored`);
    }

    // Latency at a steady 500 new requests per second: what a patient waits when the receiver
    // is busy but not saturated.
    const steady = await paced(receiver.url, newBody, DURATION, STEADY_RATE);

    // Replays: 1000 stored requests sent again, round robin.
    const replayed = Array.from({ length: 1000 }, newBody);
    for (let at = 0; at < replayed.length; at += 50) {
      await Promise.all(replayed.slice(at, at + 50).map((body) => postCallback(receiver.url, body)));
    }
    let turn = 0;
    const nextReplay = () => replayed[turn++ % replayed.length];
    await load(receiver.url, nextReplay, WARMUP);
    const rowsBefore = await countRows(db);
    const replays = await load(receiver.url, nextReplay, DURATION);
    if ((await countRows(db)) !== rowsBefore) throw new Error(`${name}: a replay added a row`);
    return [
      summary(name, 'unique, flat out', unique),
      summary(name, `unique, steady ${STEADY_RATE}/s`, steady),
      summary(name, 'replay, flat out', replays),
    ];
  } finally {
    await receiver.stop();
  }
}

const rows = [];
const wanted = (name) => !ONLY || ONLY.includes(name);

if (wanted('sqlite-full')) {
  const scratch = scratchDir('receiver-bench-');
  try {
    rows.push(...(await scenario('SQLite, synchronous=FULL', { db: scratch.db })));
  } finally {
    scratch.cleanup();
  }
}
if (wanted('sqlite-normal')) {
  const scratch = scratchDir('receiver-bench-');
  try {
    rows.push(
      ...(await scenario('SQLite, synchronous=NORMAL', { db: scratch.db, env: { SQLITE_SYNCHRONOUS: 'NORMAL' } })),
    );
  } finally {
    scratch.cleanup();
  }
}
if (wanted('postgres')) {
  const cluster = await startPostgres();
  try {
    rows.push(...(await scenario('PostgreSQL', { db: cluster.createDatabase() })));
  } finally {
    await cluster.destroy();
  }
}

console.log(
  `\nPOST /api/callback, ${CONNECTIONS} connections, ${DURATION} s each after ${WARMUP} s warm-up; ` +
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}\n`,
);
console.table(rows);
console.log('\nMarkdown:\n');
const columns = Object.keys(rows[0] ?? {});
console.log(`| ${columns.join(' | ')} |`);
console.log(`| ${columns.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${columns.map((column) => row[column]).join(' | ')} |`);
