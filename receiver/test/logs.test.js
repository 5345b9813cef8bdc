// Logs (SPEC §10): one line per request with a request id, method, path, status and time
// taken — never a body, a name, a phone number, an email address or a message. Proved over the
// happy path and the whole bad-input matrix.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { INVALID_BODIES, MARK, marked } from './support/matrix.js';
import { postCallback, scratchDir, startReceiver } from './support/receiver.js';

const ORIGIN = 'https://clinic.example';

/** Pieces of the patient's details that must appear in no log line, however formatted. */
const SECRETS = [
  MARK.name,
  'Quartermaine',
  MARK.phone,
  '0199 873',
  '0199873',
  MARK.email,
  'zq.marker',
  MARK.message,
  'biopsy',
  '123-45-6789',
  'midnight-marker',
  'stage 3 marker',
  'marker notes',
];
/** Signs that a body or its headers were written out, whatever the values. */
const BODY_SIGNS = ['"consent"', '"bestTime"', 'voicemailOk', 'idempotency-key', '"body"', 'selfCheck'];

for (const level of ['info', 'trace']) {
  describe(`logs at LOG_LEVEL=${level}`, () => {
    let scratch;
    let receiver;
    /** The X-Request-Id of every answer, in order. */
    const requestIds = [];
    const sent = [];

    async function post(body, options) {
      const response = await postCallback(receiver.url, body, options);
      sent.push({ method: 'POST', path: '/api/callback', status: response.status });
      requestIds.push(response.headers.get('x-request-id'));
      return response;
    }
    async function request(method, path, headers = {}) {
      const response = await fetch(`${receiver.url}${path}`, { method, headers });
      await response.arrayBuffer();
      sent.push({ method, path: path.split('?')[0], status: response.status });
      requestIds.push(response.headers.get('x-request-id'));
      return response;
    }

    before(async () => {
      scratch = scratchDir();
      receiver = await startReceiver({
        db: scratch.db,
        args: ['--allow-origin', ORIGIN, '--rate-limit', `${INVALID_BODIES.length + 20}/1m`],
        env: { LOG_LEVEL: level },
      });

      // The happy path: created, replayed, key reused.
      const body = marked();
      assert.equal((await post(body, { headers: { Origin: ORIGIN } })).status, 201);
      assert.equal((await post(body)).status, 201);
      assert.equal((await post({ ...body, name: `${MARK.name} Jr` })).status, 422);
      // The matrix.
      for (const [, overrides] of INVALID_BODIES) assert.equal((await post(marked(overrides))).status, 422);
      assert.equal((await post(JSON.stringify(marked()), { contentType: 'text/plain' })).status, 415);
      assert.equal((await post(marked({ message: MARK.message.repeat(500) }))).status, 413);
      assert.equal((await post(`{"name":"${MARK.name}","phone":"${MARK.phone}"`, { key: 'k' })).status, 400);
      assert.equal((await post(marked(), { key: null })).status, 400);
      assert.equal((await post(marked(), { key: `${MARK.email}` })).status, 400);
      assert.equal((await post(JSON.stringify([marked()]), { key: 'k' })).status, 422);
      // A query string and headers that hold details are not logged either.
      await request('GET', `/healthz?name=${encodeURIComponent(MARK.name)}&phone=${encodeURIComponent(MARK.phone)}`, {
        'User-Agent': MARK.email,
        Referer: `https://clinic.example/?q=${encodeURIComponent(MARK.message)}`,
      });
      await request('GET', '/readyz');
      await request('GET', '/no-such-page');
      await request('OPTIONS', '/api/callback', {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      });
      // Up to the rate limit and past it.
      let status;
      do status = (await post(marked())).status;
      while (status !== 429 && sent.length < 200);
      assert.equal(status, 429);
      await receiver.stop();
    });
    after(() => scratch?.cleanup());

    it('no log line holds a name, phone, email, message or any other submitted value', () => {
      const output = `${receiver.output.stdout}\n${receiver.output.stderr}`;
      assert.ok(receiver.lines.length > sent.length, 'the receiver logged');
      for (const secret of SECRETS) {
        assert.ok(!output.includes(secret), `a log line holds "${secret}"`);
        assert.ok(!output.includes(JSON.stringify(secret).slice(1, -1)), `a log line holds "${secret}" escaped`);
        assert.ok(!output.includes(encodeURIComponent(secret)), `a log line holds "${secret}" URL-encoded`);
      }
      for (const sign of BODY_SIGNS) assert.ok(!output.includes(sign), `a log line holds ${sign}`);
    });

    it('one line per request, each with reqId, method, path, status and ms', () => {
      const entries = receiver.lines.map((line) => JSON.parse(line));
      const requests = entries.filter((entry) => entry.msg === 'request');
      assert.equal(requests.length, sent.length);
      for (const [i, entry] of requests.entries()) {
        assert.equal(entry.reqId, requestIds[i], 'the id the answer carried in X-Request-Id');
        assert.match(entry.reqId, /^[0-9a-f-]{36}$/);
        assert.equal(entry.method, sent[i].method);
        assert.equal(entry.path, sent[i].path);
        assert.equal(entry.status, sent[i].status);
        assert.equal(typeof entry.ms, 'number');
        assert.ok(entry.ms >= 0 && entry.ms < 10_000);
      }
      assert.equal(new Set(requests.map((entry) => entry.reqId)).size, requests.length, 'ids are unique');
    });
  });
}
