// Durability (SPEC §10): a request that got a 2xx survives `kill -9` of the receiver at any
// moment, and re-sending everything afterwards adds no duplicate; while the database is
// unreachable the answer is 503 with Retry-After, and the receiver recovers by itself.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPostgres } from './support/postgres.js';
import { postCallback, runCli, scratchDir, startReceiver, validBody } from './support/receiver.js';

const LIMIT = ['--rate-limit', '100000/1m'];
const TOTAL = 600;
const CONCURRENCY = 50;

async function exported(db) {
  const result = await runCli(['export', '--format', 'json', '--db', db]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
}

/**
 * Sends TOTAL distinct requests, CONCURRENCY at a time, and kills the receiver with SIGKILL
 * once `killAfter` of them were answered, while the rest are in flight. Returns each body with
 * the answer it got, if any.
 */
async function sendAndKill(receiver, killAfter) {
  const bodies = Array.from({ length: TOTAL }, (_, i) => validBody({ name: `Durable Patient ${i}` }));
  const answers = new Array(TOTAL);
  let next = 0;
  let answered = 0;
  let killed;
  const worker = async () => {
    while (next < TOTAL) {
      const index = next++;
      try {
        const response = await postCallback(receiver.url, bodies[index]);
        answers[index] = { status: response.status, reference: response.json?.reference };
      } catch {
        answers[index] = { status: 'no answer' };
      }
      if (++answered === killAfter) killed = receiver.kill9();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await killed;
  return bodies.map((body, i) => ({ body, answer: answers[i] }));
}

async function killAndCheck(db) {
  const receiver = await startReceiver({ db, args: LIMIT });
  const sent = await sendAndKill(receiver, 150);
  assert.equal((await receiver.exit).signal, 'SIGKILL');
  const acknowledged = sent.filter(({ answer }) => answer.status === 201);
  const unanswered = sent.filter(({ answer }) => answer.status !== 201);
  assert.ok(acknowledged.length >= 150, `${acknowledged.length} acknowledged`);
  assert.ok(unanswered.length > 0, 'the kill came while requests were still being sent');
  assert.ok(
    unanswered.every(({ answer }) => answer.status === 'no answer'),
    `answers other than 201 before the kill: ${[...new Set(unanswered.map(({ answer }) => answer.status))]}`,
  );

  // Every acknowledged request is stored, under the reference it was given.
  const rows = await exported(db);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const { body, answer } of acknowledged) {
    const row = byId.get(body.id);
    assert.ok(row, `an acknowledged request (${answer.reference}) is missing after kill -9`);
    assert.equal(row.reference, answer.reference);
    assert.equal(row.name, body.name);
  }
  assert.ok(rows.length <= TOTAL);

  // The widget re-sends what it had no answer for; here everything is re-sent.
  const restarted = await startReceiver({ db, args: LIMIT });
  try {
    const resent = [];
    for (let at = 0; at < sent.length; at += CONCURRENCY) {
      resent.push(
        ...(await Promise.all(sent.slice(at, at + CONCURRENCY).map(({ body }) => postCallback(restarted.url, body)))),
      );
    }
    for (const [i, { answer }] of sent.entries()) {
      assert.equal(resent[i].status, 201);
      if (answer.status === 201) {
        assert.equal(resent[i].headers.get('idempotent-replayed'), 'true');
        assert.equal(resent[i].json.reference, answer.reference);
      }
    }
    const after = await exported(db);
    assert.equal(after.length, TOTAL, 'one row per request, no duplicate');
    assert.equal(new Set(after.map((row) => row.id)).size, TOTAL);
    assert.equal(new Set(after.map((row) => row.reference)).size, TOTAL);
  } finally {
    await restarted.stop();
  }
}

describe('durability', () => {
  it('SQLite: kill -9 with requests in flight loses no acknowledged request, and re-sending duplicates none', async () => {
    const scratch = scratchDir();
    try {
      await killAndCheck(scratch.db);
    } finally {
      scratch.cleanup();
    }
  });

  it('SQLite locked by another process → 503 with Retry-After at once, then 201', async () => {
    const scratch = scratchDir();
    const receiver = await startReceiver({ db: scratch.db, args: LIMIT });
    const other = new Database(scratch.db.slice('sqlite:'.length));
    try {
      assert.equal((await postCallback(receiver.url, validBody())).status, 201);
      // Another process holds the write lock longer than the receiver waits for it.
      other.exec('begin immediate');
      const bodies = Array.from({ length: 8 }, () => validBody());
      const start = performance.now();
      const answers = await Promise.all(bodies.map((body) => postCallback(receiver.url, body)));
      const seconds = (performance.now() - start) / 1000;
      for (const answer of answers) {
        assert.equal(answer.status, 503, answer.text);
        assert.ok(Number(answer.headers.get('retry-after')) > 0);
      }
      // A short wait for the lock, not a stalled server.
      assert.ok(seconds < 4, `the 503s took ${seconds.toFixed(1)} s`);
      const health = performance.now();
      assert.equal((await fetch(`${receiver.url}/healthz`)).status, 200);
      assert.ok(performance.now() - health < 1000, 'the server answers other requests meanwhile');
      other.exec('commit');
      const again = await Promise.all(bodies.map((body) => postCallback(receiver.url, body)));
      assert.deepEqual(
        again.map((answer) => answer.status),
        bodies.map(() => 201),
      );
      assert.ok(again.every((answer) => answer.headers.get('idempotent-replayed') === null));
      assert.equal((await exported(scratch.db)).length, 1 + bodies.length);
    } finally {
      other.close();
      await receiver.stop();
      scratch.cleanup();
    }
  });

  describe('PostgreSQL', () => {
    let cluster;
    before(async () => {
      cluster = await startPostgres();
    });
    after(async () => {
      await cluster?.destroy();
    });

    it('kill -9 with requests in flight loses no acknowledged request, and re-sending duplicates none', async () => {
      await killAndCheck(cluster.createDatabase());
    });

    it('database hung (not answering) → 503 with Retry-After before the widget gives up; then 201', async () => {
      const db = cluster.createDatabase();
      const receiver = await startReceiver({ db, args: LIMIT });
      let frozen = false;
      try {
        assert.equal((await postCallback(receiver.url, validBody())).status, 201);
        cluster.freeze();
        frozen = true;
        const body = validBody();
        const start = performance.now();
        const answer = await postCallback(receiver.url, body);
        const seconds = (performance.now() - start) / 1000;
        assert.equal(answer.status, 503, answer.text);
        assert.ok(Number(answer.headers.get('retry-after')) > 0);
        assert.ok(seconds < 14, `the 503 took ${seconds.toFixed(1)} s; the widget gives up after 15 s`);
        cluster.thaw();
        frozen = false;
        // The stalled attempt may have been stored after all: the retry is then a replay.
        let again;
        for (let attempt = 0; attempt < 20; attempt++) {
          again = await postCallback(receiver.url, body);
          if (again.status === 201) break;
          await sleep(250);
        }
        assert.equal(again.status, 201, again.text);
        assert.equal(receiver.child.exitCode, null, 'the receiver kept running');
        const rows = await exported(db);
        assert.equal(rows.filter((row) => row.id === body.id).length, 1);
      } finally {
        if (frozen) cluster.thaw();
        await receiver.stop();
      }
    });

    it('database down → 503 with Retry-After and /readyz 503; back up → 201 without a restart', async () => {
      const db = cluster.createDatabase();
      const receiver = await startReceiver({ db, args: [...LIMIT, '--allow-origin', 'https://clinic.example'] });
      try {
        const before = await postCallback(receiver.url, validBody());
        assert.equal(before.status, 201);
        // Warm several pooled connections, so the outage finds some open ones.
        await Promise.all(Array.from({ length: 10 }, () => postCallback(receiver.url, validBody())));

        cluster.pause();
        const down = [];
        for (let i = 0; i < 4; i++) {
          down.push(await postCallback(receiver.url, validBody(), { headers: { Origin: 'https://clinic.example' } }));
        }
        for (const answer of down) {
          assert.equal(answer.status, 503, answer.text);
          const retryAfter = Number(answer.headers.get('retry-after'));
          assert.ok(retryAfter > 0 && retryAfter <= 30, `Retry-After ${answer.headers.get('retry-after')}`);
          assert.equal(answer.headers.get('access-control-allow-origin'), 'https://clinic.example');
          assert.match(answer.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
        }
        const notReady = await fetch(`${receiver.url}/readyz`);
        assert.equal(notReady.status, 503);
        assert.equal((await fetch(`${receiver.url}/healthz`)).status, 200, 'the process itself is up');

        // A request refused with 503 and sent again after recovery is stored once.
        const retried = validBody();
        assert.equal((await postCallback(receiver.url, retried)).status, 503);

        cluster.resume();
        let after;
        for (let attempt = 0; attempt < 20; attempt++) {
          after = await postCallback(receiver.url, retried);
          if (after.status === 201) break;
          await sleep(250);
        }
        assert.equal(after.status, 201, after.text);
        assert.equal(after.headers.get('idempotent-replayed'), null);
        // Every pooled connection works again, not only a new one.
        const burst = await Promise.all(Array.from({ length: 20 }, () => postCallback(receiver.url, validBody())));
        assert.deepEqual(
          [...new Set(burst.map((answer) => answer.status))],
          [201],
          `statuses after recovery: ${burst.map((answer) => answer.status)}`,
        );
        assert.equal((await fetch(`${receiver.url}/readyz`)).status, 200);
        assert.ok(receiver.child.exitCode === null, 'the receiver kept running');
        const rows = await exported(db);
        assert.equal(rows.filter((row) => row.id === retried.id).length, 1);
        assert.equal(rows.length, 11 + 1 + 20);
      } finally {
        await receiver.stop();
      }
    });
  });
});
