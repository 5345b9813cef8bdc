// Idempotency under concurrency (SPEC §10): N identical requests at once → one row and N 2xx
// answers with one reference, on SQLite, on a real PostgreSQL, and across two receiver
// processes sharing one PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startPostgres } from './support/postgres.js';
import { postCallback, runCli, scratchDir, startReceiver, validBody } from './support/receiver.js';

const LIMIT = ['--rate-limit', '10000/1m'];
const ROUNDS = 3;

async function exported(db) {
  const result = await runCli(['export', '--format', 'json', '--db', db]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
}

/** Sends `copies` of one body at once, spread over the given receivers; returns the answers. */
async function burst(urls, body, copies) {
  return Promise.all(Array.from({ length: copies }, (_, i) => postCallback(urls[i % urls.length], body)));
}

function assertOneAnswer(answers, copies) {
  assert.equal(answers.length, copies);
  const statuses = answers.map((answer) => answer.status);
  assert.ok(
    statuses.every((status) => status === 201),
    `statuses: ${[...new Set(statuses)].join(', ')}`,
  );
  const references = new Set(answers.map((answer) => answer.json?.reference));
  assert.equal(references.size, 1, `references: ${[...references].join(', ')}`);
  const fresh = answers.filter((answer) => answer.headers.get('idempotent-replayed') !== 'true');
  assert.equal(fresh.length, 1, 'exactly one answer is the first; the others are replays');
  return [...references][0];
}

/** ROUNDS bursts of 50 identical requests plus one of 50 distinct ones, then the stored rows. */
async function exercise(urls, db) {
  const references = [];
  const bodies = [];
  for (let round = 0; round < ROUNDS; round++) {
    const body = validBody({ name: `Concurrent Patient ${round}` });
    bodies.push(body);
    references.push(assertOneAnswer(await burst(urls, body, 50), 50));
  }
  assert.equal(new Set(references).size, ROUNDS, 'each request its own reference');

  // 50 different requests at once get 50 different references.
  const distinct = Array.from({ length: 50 }, (_, i) => validBody({ name: `Distinct ${i}` }));
  const answers = await Promise.all(distinct.map((body, i) => postCallback(urls[i % urls.length], body)));
  assert.ok(answers.every((answer) => answer.status === 201));
  assert.equal(new Set(answers.map((answer) => answer.json.reference)).size, 50);

  const rows = await exported(db);
  assert.equal(rows.length, ROUNDS + 50, 'one row per request');
  for (const [round, body] of bodies.entries()) {
    const matching = rows.filter((row) => row.id === body.id);
    assert.equal(matching.length, 1);
    assert.equal(matching[0].reference, references[round]);
  }
}

describe('idempotency under concurrency', () => {
  it('SQLite: 50 identical requests at once → one row, 50 answers with one reference', async () => {
    const scratch = scratchDir();
    const receiver = await startReceiver({ db: scratch.db, args: LIMIT });
    try {
      await exercise([receiver.url], scratch.db);
    } finally {
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

    it('one receiver: 50 identical requests at once → one row', async () => {
      const db = cluster.createDatabase();
      const receiver = await startReceiver({ db, args: LIMIT });
      try {
        await exercise([receiver.url], db);
        const name = new URL(db).pathname.slice(1);
        assert.equal(cluster.query(name, 'select count(*) from callbacks').trim(), String(ROUNDS + 50));
      } finally {
        await receiver.stop();
      }
    });

    it('two receiver processes started together on one database: 25 to each → one row', async () => {
      const db = cluster.createDatabase();
      // Started at the same moment, so both apply the migrations at once too.
      const receivers = await Promise.all([startReceiver({ db, args: LIMIT }), startReceiver({ db, args: LIMIT })]);
      try {
        assert.notEqual(receivers[0].url, receivers[1].url);
        await exercise(
          receivers.map((receiver) => receiver.url),
          db,
        );
        const name = new URL(db).pathname.slice(1);
        assert.equal(cluster.query(name, 'select count(distinct id) from callbacks').trim(), String(ROUNDS + 50));
        assert.equal(cluster.query(name, 'select count(*) from kysely_migration').trim(), '1');
      } finally {
        await Promise.all(receivers.map((receiver) => receiver.stop()));
      }
    });
  });
});
