// Idempotency under concurrency (SPEC §10): N identical requests at once → one row and N 2xx
// answers with one reference, on SQLite, on a real PostgreSQL, and across two receiver
// processes sharing one PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { groupCommitter } from '../dist/callbacks/store.js';
import { migrateToLatest, openDatabase } from '../dist/index.js';
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

  // One key, two bodies, at once: whichever is stored first wins; the other is a reused key.
  const first = validBody({ name: 'Same Key A' });
  const other = { ...first, name: 'Same Key B' };
  const mixed = await Promise.all(
    Array.from({ length: 50 }, (_, i) => postCallback(urls[i % urls.length], i % 2 ? other : first)),
  );
  const accepted = mixed.filter((answer) => answer.status === 201);
  const reused = mixed.filter((answer) => answer.status === 422);
  assert.equal(accepted.length + reused.length, 50, `statuses: ${mixed.map((answer) => answer.status)}`);
  assert.equal(accepted.length, 25, 'every copy of the stored body is accepted, every other refused');
  assert.equal(new Set(accepted.map((answer) => answer.json.reference)).size, 1);
  assert.ok(reused.every((answer) => answer.json.error === 'idempotency-key-reused'));

  const rows = await exported(db);
  assert.equal(rows.length, ROUNDS + 50 + 1, 'one row per request');
  assert.equal(rows.filter((row) => row.id === first.id).length, 1);
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

  it('SQLite group commit: requests stored together; one that fails does not fail the others', async () => {
    const scratch = scratchDir();
    const store = openDatabase(scratch.db);
    try {
      await migrateToLatest(store.db, store.engine);
      const receive = groupCommitter(store.db, { referencePrefix: 'GC', channels: ['email'] });
      const good = Array.from({ length: 5 }, (_, i) => validBody({ name: `Batch ${i}` }));
      // Past validation, a NOT NULL column refuses it: the whole first transaction fails.
      const broken = validBody({ name: null });
      const outcomes = await Promise.allSettled([
        receive(good[0]),
        receive(good[1]),
        receive(broken),
        receive(good[2]),
        receive(good[0]),
        receive({ ...good[1], name: 'Changed' }),
        receive(good[3]),
        receive(good[4]),
      ]);
      assert.equal(outcomes[2].status, 'rejected');
      const values = outcomes.map((outcome) => outcome.value);
      assert.deepEqual(values[0], { kind: 'created', reference: 'GC-0001' });
      assert.equal(values[1].kind, 'created');
      assert.deepEqual(values[4], { kind: 'replayed', reference: 'GC-0001' });
      assert.deepEqual(values[5], { kind: 'key-reused' });
      for (const i of [3, 6, 7]) assert.equal(values[i].kind, 'created');
      const rows = await store.db.selectFrom('callbacks').select(['id']).execute();
      assert.equal(rows.length, 5);
      const notices = await store.db.selectFrom('outbox').select(['reference']).execute();
      assert.equal(notices.length, 5, 'one notice per stored request, none for the failed one');
      // A burst arriving together shares commits.
      const burst = await Promise.all(Array.from({ length: 40 }, () => receive(validBody())));
      assert.ok(burst.every((outcome) => outcome.kind === 'created'));
    } finally {
      await store.close();
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
        assert.equal(cluster.query(name, 'select count(*) from callbacks').trim(), String(ROUNDS + 51));
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
        assert.equal(cluster.query(name, 'select count(distinct id) from callbacks').trim(), String(ROUNDS + 51));
        const [applied, distinct] = cluster
          .query(name, 'select count(*), count(distinct name) from kysely_migration')
          .trim()
          .split('|');
        assert.ok(Number(applied) >= 1);
        assert.equal(applied, distinct, 'each migration applied once');
      } finally {
        await Promise.all(receivers.map((receiver) => receiver.stop()));
      }
    });
  });
});
