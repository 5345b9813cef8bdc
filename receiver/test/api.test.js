// POST /api/callback against the real receiver (SPEC §4, §10): the bad-input matrix, success,
// replays, CORS, the rate limit and the health checks.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { INVALID_BODIES, MARK, marked } from './support/matrix.js';
import { postCallback, readAnswer, scratchDir, startReceiver, validBody } from './support/receiver.js';

const ORIGIN = 'https://clinic.example';
const OTHER_ORIGIN = 'https://attacker.example';

/** Every string anywhere in a value, for "the answer never repeats what was sent". */
function strings(value, found = []) {
  if (typeof value === 'string') found.push(value);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, found);
  return found;
}

/** A request with full control of its headers (no Content-Type unless given). */
async function send(url, { method = 'POST', path = '/api/callback', headers = {}, body } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? Buffer.from(body) : body }),
  });
  return readAnswer(response);
}

describe('POST /api/callback: the bad-input matrix', () => {
  let receiver;
  let scratch;
  before(async () => {
    scratch = scratchDir();
    receiver = await startReceiver({ db: scratch.db, args: ['--rate-limit', '1000/1m', '--allow-origin', ORIGIN] });
  });
  after(async () => {
    await receiver?.stop();
    scratch?.cleanup();
  });

  for (const [title, overrides, fields] of INVALID_BODIES) {
    it(`422 for ${title}, naming ${fields.join(', ')} and no value`, async () => {
      const body = marked(overrides);
      const response = await postCallback(receiver.url, body);
      assert.equal(response.status, 422, response.text);
      assert.deepEqual(Object.keys(response.json).sort(), ['error', 'fields']);
      assert.equal(response.json.error, 'invalid-request');
      assert.deepEqual(response.json.fields, fields);
      for (const value of strings(body).filter((value) => value.length >= 3)) {
        assert.ok(!response.text.includes(value), `the 422 repeats a submitted value: ${value.slice(0, 40)}`);
      }
    });
  }

  it('422 for an id that is not a UUID, even when the key matches it', async () => {
    const body = marked({ id: 'not-a-uuid-marker' });
    const response = await postCallback(receiver.url, body);
    assert.equal(response.status, 422);
    assert.deepEqual(response.json.fields, ['id']);
    assert.ok(!response.text.includes('not-a-uuid-marker'));
  });

  for (const [title, raw] of [
    ['an array', JSON.stringify([marked()])],
    ['null', 'null'],
    ['a string', JSON.stringify(MARK.name)],
    ['a number', '42'],
  ]) {
    it(`422 for a body that is ${title}, not an object`, async () => {
      const response = await postCallback(receiver.url, raw, { key: crypto.randomUUID() });
      assert.equal(response.status, 422, response.text);
      assert.equal(response.json.error, 'invalid-request');
      assert.ok(!response.text.includes(MARK.name));
    });
  }

  const TRANSPORT = [
    ['text/plain', 415],
    ['application/x-www-form-urlencoded', 415],
    ['multipart/form-data; boundary=x', 415],
    ['application/xml', 415],
    ['text/html', 415],
  ];
  for (const [contentType, status] of TRANSPORT) {
    it(`${status} for Content-Type ${contentType}`, async () => {
      const body = marked();
      const response = await send(receiver.url, {
        headers: { 'Content-Type': contentType, 'Idempotency-Key': body.id },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, status, response.text);
      assert.ok(!response.text.includes(MARK.name));
    });
  }

  it('415 with no Content-Type at all', async () => {
    const body = marked();
    const response = await send(receiver.url, { headers: { 'Idempotency-Key': body.id }, body: JSON.stringify(body) });
    assert.equal(response.status, 415, response.text);
  });

  it('accepts application/json with a charset', async () => {
    const body = marked();
    const response = await postCallback(receiver.url, body, { contentType: 'application/json; charset=utf-8' });
    assert.equal(response.status, 201, response.text);
  });

  it('413 for a body over 16 KB, with nothing stored', async () => {
    const body = marked({ message: 'z'.repeat(17 * 1024) });
    const response = await postCallback(receiver.url, body);
    assert.equal(response.status, 413, response.text);
    assert.ok(!response.text.includes(MARK.name));
    const again = await postCallback(receiver.url, { ...body, message: MARK.message });
    assert.equal(again.status, 201, 'the id was not spent by the refused body');
    assert.equal(again.headers.get('idempotent-replayed'), null);
  });

  it('413 for a body over 16 KB sent without a Content-Length (chunked)', async () => {
    const body = marked({ message: 'z'.repeat(17 * 1024) });
    const chunks = new ReadableStream({
      start(controller) {
        const bytes = new TextEncoder().encode(JSON.stringify(body));
        for (let at = 0; at < bytes.length; at += 4096) controller.enqueue(bytes.slice(at, at + 4096));
        controller.close();
      },
    });
    const response = await fetch(`${receiver.url}/api/callback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.id },
      body: chunks,
      duplex: 'half',
    });
    assert.equal(response.status, 413);
  });

  it('accepts a body with every field at its longest', async () => {
    const body = marked({
      name: 'N'.repeat(200),
      message: 'é'.repeat(1000),
      page: `https://clinic.example/${'p'.repeat(2000)}`,
    });
    const response = await postCallback(receiver.url, body);
    assert.equal(response.status, 201, response.text);
  });

  for (const [title, raw] of [
    ['unparseable JSON', '{"name": "Zebulon Quartermaine-Marker",'],
    ['an empty body', ''],
    ['JSON with a trailing comma', '{"a":1,}'],
    ['two JSON documents', '{}{}'],
  ]) {
    it(`400 for ${title}`, async () => {
      const response = await postCallback(receiver.url, raw, { key: crypto.randomUUID() });
      assert.equal(response.status, 400, response.text);
      assert.ok(!response.text.includes(MARK.name));
    });
  }

  it('400 without an Idempotency-Key', async () => {
    const response = await postCallback(receiver.url, marked(), { key: null });
    assert.equal(response.status, 400);
    assert.deepEqual(response.json, { error: 'idempotency-key-mismatch' });
  });

  it('400 with an empty Idempotency-Key', async () => {
    const response = await postCallback(receiver.url, marked(), { key: '' });
    assert.equal(response.status, 400);
  });

  it("400 when the Idempotency-Key is not the body's id", async () => {
    const response = await postCallback(receiver.url, marked(), { key: crypto.randomUUID() });
    assert.equal(response.status, 400);
    assert.equal(response.json.error, 'idempotency-key-mismatch');
  });

  it('400 when the body has no id but a key is sent', async () => {
    const response = await postCallback(receiver.url, marked({ id: undefined }), { key: crypto.randomUUID() });
    assert.equal(response.status, 400);
  });

  it('none of the refused bodies was stored: the next reference follows the accepted ones only', async () => {
    const response = await postCallback(receiver.url, marked());
    assert.equal(response.status, 201);
    // Three accepted above: charset, the 413 retried with a short message, the long page.
    assert.equal(response.json.reference, 'CB-0004');
  });
});

describe('POST /api/callback: success and replays', () => {
  let receiver;
  let scratch;
  before(async () => {
    scratch = scratchDir();
    receiver = await startReceiver({ db: scratch.db, args: ['--reference-prefix', 'RVS', '--rate-limit', '100/1m'] });
  });
  after(async () => {
    await receiver?.stop();
    scratch?.cleanup();
  });

  it('201 {reference} with --reference-prefix, numbered in order', async () => {
    const first = await postCallback(receiver.url, validBody());
    assert.equal(first.status, 201);
    assert.deepEqual(first.json, { reference: 'RVS-0001' });
    assert.match(first.headers.get('content-type'), /^application\/json/);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const second = await postCallback(receiver.url, validBody({ phone: undefined, selfCheck: undefined }));
    assert.deepEqual([second.status, second.json], [201, { reference: 'RVS-0002' }]);
  });

  it('a minimal body (email only, no message, no selfCheck) is accepted', async () => {
    const body = validBody({ phone: undefined, message: undefined, selfCheck: undefined });
    const response = await postCallback(receiver.url, body);
    assert.equal(response.status, 201, response.text);
  });

  it('a replay answers the first answer again with Idempotent-Replayed: true', async () => {
    const body = validBody();
    const first = await postCallback(receiver.url, body);
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    for (let i = 0; i < 3; i++) {
      const again = await postCallback(receiver.url, body);
      assert.equal(again.status, first.status);
      assert.deepEqual(again.json, first.json);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
    }
  });

  it('a replay with the keys in another order is still a replay', async () => {
    const body = validBody();
    const first = await postCallback(receiver.url, body);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await postCallback(receiver.url, reordered);
    assert.equal(again.status, 201);
    assert.deepEqual(again.json, first.json);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  });

  it('the same key with another body → 422 idempotency-key-reused, and the first is kept', async () => {
    const body = validBody();
    const first = await postCallback(receiver.url, body);
    const changed = await postCallback(receiver.url, { ...body, name: 'Someone Else' });
    assert.equal(changed.status, 422);
    assert.deepEqual(changed.json, { error: 'idempotency-key-reused' });
    const again = await postCallback(receiver.url, body);
    assert.deepEqual([again.status, again.json], [201, first.json]);
    const flagChanged = await postCallback(receiver.url, { ...body, voicemailOk: !body.voicemailOk });
    assert.equal(flagChanged.status, 422);
  });

  it('404 for other paths and methods, without a stack or value', async () => {
    const response = await send(receiver.url, { method: 'GET', path: '/api/callback' });
    assert.equal(response.status, 404);
    assert.deepEqual(response.json, { error: 'not-found' });
  });
});

describe('CORS', () => {
  let receiver;
  let scratch;
  before(async () => {
    scratch = scratchDir();
    receiver = await startReceiver({
      db: scratch.db,
      args: ['--allow-origin', `${ORIGIN},https://www.clinic.example`, '--rate-limit', '7/1m'],
    });
  });
  after(async () => {
    await receiver?.stop();
    scratch?.cleanup();
  });

  const preflight = (origin) =>
    send(receiver.url, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,idempotency-key',
      },
    });

  function assertCors(headers, origin, what) {
    assert.equal(headers.get('access-control-allow-origin'), origin, `${what}: Allow-Origin`);
    const exposed = (headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    assert.ok(exposed.includes('retry-after'), `${what}: Retry-After exposed`);
    assert.equal(headers.get('access-control-allow-credentials'), null, `${what}: never Allow-Credentials`);
  }

  it('a preflight from an allowed origin allows POST with Content-Type and Idempotency-Key', async () => {
    for (const origin of [ORIGIN, 'https://www.clinic.example']) {
      const response = await preflight(origin);
      assert.ok(response.status === 204 || response.status === 200, String(response.status));
      assert.equal(response.headers.get('access-control-allow-origin'), origin);
      assert.match(response.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      assert.match(allowed, /\bcontent-type\b/);
      assert.match(allowed, /\bidempotency-key\b/);
      assert.equal(response.headers.get('access-control-allow-credentials'), null);
    }
  });

  it('a preflight from another origin gets no Access-Control-Allow-Origin', async () => {
    for (const origin of [OTHER_ORIGIN, 'http://clinic.example', 'https://clinic.example.attacker.example', 'null']) {
      const response = await preflight(origin);
      assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(response.headers.get('access-control-allow-credentials'), null);
    }
  });

  it('every answer to an allowed origin carries the CORS headers: 201, 400, 413, 415, 422', async () => {
    const headers = { Origin: ORIGIN };
    const body = validBody();
    const created = await postCallback(receiver.url, body, { headers });
    assert.equal(created.status, 201);
    assertCors(created.headers, ORIGIN, '201');
    const replay = await postCallback(receiver.url, body, { headers });
    assertCors(replay.headers, ORIGIN, 'replay');
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');

    const answers = [
      await postCallback(receiver.url, '{', { key: 'k', headers }),
      await postCallback(receiver.url, validBody({ message: 'm'.repeat(20_000) }), { headers }),
      await postCallback(receiver.url, validBody(), { headers, contentType: 'text/plain' }),
      await postCallback(receiver.url, validBody({ bestTime: 'never' }), { headers }),
    ];
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [400, 413, 415, 422],
    );
    for (const answer of answers) assertCors(answer.headers, ORIGIN, String(answer.status));
  });

  it('a disallowed origin gets no Access-Control-Allow-Origin on its POST', async () => {
    const response = await postCallback(receiver.url, validBody({ consent: false }), {
      headers: { Origin: OTHER_ORIGIN },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  it('429 to an allowed origin carries Retry-After, exposed', async () => {
    // 7 per minute and this address has used them above.
    let response;
    for (let i = 0; i < 6; i++) {
      response = await postCallback(receiver.url, validBody(), { headers: { Origin: ORIGIN } });
      if (response.status === 429) break;
    }
    assert.equal(response.status, 429);
    assertCors(response.headers, ORIGIN, '429');
    const retryAfter = Number(response.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${response.headers.get('retry-after')}`);
  });
});

describe('rate limit', () => {
  it('--rate-limit 3/1m: the fourth request from one address gets 429 with Retry-After', async () => {
    const scratch = scratchDir();
    const receiver = await startReceiver({ db: scratch.db, args: ['--rate-limit', '3/1m'] });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await postCallback(receiver.url, validBody())).status);
      assert.deepEqual(statuses, [201, 201, 201]);
      const limited = await postCallback(receiver.url, validBody());
      assert.equal(limited.status, 429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${limited.headers.get('retry-after')}`);
      // A client that spoofs X-Forwarded-For is not believed without --trust-proxy.
      const spoofed = await postCallback(receiver.url, validBody(), { headers: { 'X-Forwarded-For': '198.51.100.7' } });
      assert.equal(spoofed.status, 429);
      // Only POST /api/callback is limited.
      assert.equal((await fetch(`${receiver.url}/healthz`)).status, 200);
    } finally {
      await receiver.stop();
      scratch.cleanup();
    }
  });

  it('--trust-proxy counts per X-Forwarded-For address', async () => {
    const scratch = scratchDir();
    const receiver = await startReceiver({ db: scratch.db, args: ['--rate-limit', '3/1m', '--trust-proxy'] });
    try {
      const from = (address) => ({ headers: { 'X-Forwarded-For': address } });
      for (let i = 0; i < 3; i++) {
        assert.equal((await postCallback(receiver.url, validBody(), from('203.0.113.10'))).status, 201);
      }
      assert.equal((await postCallback(receiver.url, validBody(), from('203.0.113.10'))).status, 429);
      assert.equal((await postCallback(receiver.url, validBody(), from('203.0.113.11'))).status, 201);
      // Behind a proxy that appends the address it saw, a client cannot choose its own by
      // sending X-Forwarded-For itself: the last address is the one counted.
      assert.equal((await postCallback(receiver.url, validBody(), from('198.51.100.1, 203.0.113.11'))).status, 201);
      assert.equal((await postCallback(receiver.url, validBody(), from('198.51.100.2, 203.0.113.11'))).status, 201);
      assert.equal((await postCallback(receiver.url, validBody(), from('198.51.100.3, 203.0.113.11'))).status, 429);
    } finally {
      await receiver.stop();
      scratch.cleanup();
    }
  });

  it('TRUST_PROXY and RATE_LIMIT work as environment variables', async () => {
    const scratch = scratchDir();
    const receiver = await startReceiver({ db: scratch.db, env: { RATE_LIMIT: '2/1m', TRUST_PROXY: 'true' } });
    try {
      const from = (address) => ({ headers: { 'X-Forwarded-For': address } });
      assert.equal((await postCallback(receiver.url, validBody(), from('203.0.113.20'))).status, 201);
      assert.equal((await postCallback(receiver.url, validBody(), from('203.0.113.20'))).status, 201);
      assert.equal((await postCallback(receiver.url, validBody(), from('203.0.113.20'))).status, 429);
      assert.equal((await postCallback(receiver.url, validBody(), from('203.0.113.21'))).status, 201);
    } finally {
      await receiver.stop();
      scratch.cleanup();
    }
  });
});

describe('health checks', () => {
  it('/healthz and /readyz answer 200 with no health information', async () => {
    const scratch = scratchDir();
    const receiver = await startReceiver({ db: scratch.db });
    try {
      for (const path of ['/healthz', '/readyz']) {
        const response = await send(receiver.url, { method: 'GET', path });
        assert.equal(response.status, 200, path);
        assert.ok(!response.text.includes(scratch.dir), `${path} names the database file`);
        assert.ok(!/sqlite|version|uptime|memory/i.test(response.text), `${path}: ${response.text}`);
      }
    } finally {
      await receiver.stop();
      scratch.cleanup();
    }
  });
});
