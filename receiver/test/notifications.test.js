// Notifications (SPEC §10): one email and one webhook call per new request, none for a replay,
// no health information in either, retried through the outbox, and never holding up the 201.
import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { postCallback, scratchDir, startReceiver, validBody } from './support/receiver.js';
import { startSmtpSink } from './support/smtp.js';

const PUBLIC_URL = 'https://callbacks.riverside.example';
const NOTIFY = 'frontdesk@riverside.example';

/** Distinctive patient details that must never leave in a notification. */
const PATIENT = {
  name: 'Philippa Notifymarker',
  phone: '+44 20 7946 0958',
  email: 'philippa.notifymarker@example.net',
  message: 'Notifymarker: my oncologist suggested surgery',
  selfCheck: { level: 'recommended', answers: { experimental: 'unsure', doubts: 'yes' }, barriers: ['insurance'] },
};
const SECRETS = [
  PATIENT.name,
  'Notifymarker',
  PATIENT.phone,
  '7946',
  PATIENT.email,
  'oncologist',
  'experimental',
  'doubts',
  'insurance',
  'recommended',
];

async function until(predicate, what, timeoutMs = 10_000) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** An email's text with quoted-printable soft breaks and escapes undone. */
function decoded(raw) {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/** A local webhook endpoint that keeps every body it receives. */
async function startWebhookSink() {
  const calls = [];
  const server = createHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      calls.push({ method: request.method, headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks/callback`,
    calls,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('notifications', () => {
  let smtp;
  let webhook;
  let scratch;
  let receiver;
  before(async () => {
    smtp = await startSmtpSink();
    webhook = await startWebhookSink();
    scratch = scratchDir();
    receiver = await startReceiver({
      db: scratch.db,
      args: [
        '--notify-email',
        NOTIFY,
        '--smtp-url',
        smtp.url,
        '--webhook-url',
        webhook.url,
        '--public-url',
        PUBLIC_URL,
        '--rate-limit',
        '100/1m',
      ],
    });
  });
  after(async () => {
    await receiver?.stop();
    await smtp?.close();
    await webhook?.close();
    scratch?.cleanup();
  });

  it('one email and one webhook call per new request, none for a replay', async () => {
    const body = validBody(PATIENT);
    const created = await postCallback(receiver.url, body);
    assert.equal(created.status, 201);
    await until(() => smtp.messages.length === 1 && webhook.calls.length === 1, 'the first notifications');

    // Replays, then a second request: its notices come after anything the replays queued.
    for (let i = 0; i < 3; i++) {
      assert.equal((await postCallback(receiver.url, body)).headers.get('idempotent-replayed'), 'true');
    }
    const second = await postCallback(receiver.url, validBody(PATIENT));
    assert.equal(second.status, 201);
    await until(() => smtp.messages.length >= 2 && webhook.calls.length >= 2, 'the second notifications');
    await sleep(300);
    assert.equal(smtp.messages.length, 2, 'no email for a replay');
    assert.equal(webhook.calls.length, 2, 'no webhook call for a replay');
    assert.ok(decoded(smtp.messages[0].raw).includes(created.json.reference));
    assert.ok(decoded(smtp.messages[1].raw).includes(second.json.reference));
  });

  it('the email holds the reference and an inbox link, and no patient detail', async () => {
    const message = smtp.messages[0];
    assert.deepEqual(message.to, [NOTIFY]);
    const text = decoded(message.raw);
    assert.match(text, /^Subject: .*CB-0001/m);
    assert.ok(text.includes(`${PUBLIC_URL}/inbox/`), 'a link to the inbox');
    for (const secret of SECRETS) {
      assert.ok(!message.raw.includes(secret) && !text.includes(secret), `the email holds "${secret}"`);
    }
  });

  it('the webhook receives {reference, receivedAt} only', async () => {
    const call = webhook.calls[0];
    assert.equal(call.method, 'POST');
    assert.match(call.headers['content-type'], /^application\/json/);
    const payload = JSON.parse(call.body);
    assert.deepEqual(Object.keys(payload).sort(), ['receivedAt', 'reference']);
    assert.equal(payload.reference, 'CB-0001');
    assert.ok(Math.abs(Date.parse(payload.receivedAt) - Date.now()) < 60_000, payload.receivedAt);
    for (const secret of SECRETS) assert.ok(!call.body.includes(secret));
  });

  it('an email the server refuses is sent again later, once', async () => {
    const before = smtp.messages.length;
    smtp.refuse(true);
    const created = await postCallback(receiver.url, validBody(PATIENT));
    assert.equal(created.status, 201);
    await until(() => smtp.refused >= 1, 'the refusal');
    smtp.refuse(false);
    await until(() => smtp.messages.length === before + 1, 'the retried email', 25_000);
    assert.ok(decoded(smtp.messages.at(-1).raw).includes(created.json.reference));
    await sleep(500);
    assert.equal(smtp.messages.length, before + 1, 'sent once');
    assert.equal(smtp.refused, 1);
  });
});

describe('notifications configured by environment variables', () => {
  it('NOTIFY_EMAIL, SMTP_URL, WEBHOOK_URL, PUBLIC_URL and TIME_ZONE', async () => {
    const smtp = await startSmtpSink();
    const webhook = await startWebhookSink();
    const scratch = scratchDir();
    const receiver = await startReceiver({
      db: scratch.db,
      env: {
        NOTIFY_EMAIL: 'desk@env.example',
        SMTP_URL: smtp.url,
        WEBHOOK_URL: webhook.url,
        PUBLIC_URL: 'https://inbox.env.example/',
        TIME_ZONE: 'Asia/Kolkata',
      },
    });
    try {
      const created = await postCallback(receiver.url, validBody(PATIENT));
      assert.equal(created.status, 201);
      await until(() => smtp.messages.length === 1 && webhook.calls.length === 1, 'both notifications');
      const text = decoded(smtp.messages[0].raw);
      assert.deepEqual(smtp.messages[0].to, ['desk@env.example']);
      assert.ok(text.includes(`https://inbox.env.example/inbox/requests/${created.json.reference}`), text);
      // The time is told in the clinic's time zone.
      const { receivedAt } = JSON.parse(webhook.calls[0].body);
      const local = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'Asia/Kolkata' }).format(
        new Date(receivedAt),
      );
      assert.ok(text.replace(/\s+/g, ' ').includes(local.replace(/\s+/g, ' ')), `${local} in: ${text}`);
    } finally {
      await receiver.stop();
      await smtp.close();
      await webhook.close();
      scratch.cleanup();
    }
  });
});

describe('notifications never hold up the 201', () => {
  it('with a mail server and a webhook that never answer, the 201 still comes at once', async () => {
    // Both accept the connection and then say nothing.
    const sockets = new Set();
    const silent = createTcpServer((socket) => sockets.add(socket));
    await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = silent.address().port;
    const scratch = scratchDir();
    const receiver = await startReceiver({
      db: scratch.db,
      args: [
        '--notify-email',
        NOTIFY,
        '--smtp-url',
        `smtp://127.0.0.1:${port}`,
        '--webhook-url',
        `http://127.0.0.1:${port}/hook`,
      ],
    });
    try {
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        const response = await postCallback(receiver.url, validBody());
        const ms = performance.now() - start;
        assert.equal(response.status, 201);
        assert.ok(ms < 500, `the 201 took ${Math.round(ms)} ms`);
      }
      await until(() => sockets.size >= 1, 'the notifier to connect');
      // A notice stuck in a send does not keep the process from stopping.
      const stopping = performance.now();
      await receiver.stop();
      const stopMs = performance.now() - stopping;
      assert.ok(stopMs < 5_000, `stopping took ${Math.round(stopMs)} ms`);
      assert.equal((await receiver.exit).code, 0);
    } finally {
      await receiver.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      scratch.cleanup();
    }
  });

  it('with nothing listening at the mail server, the 201 still comes', async () => {
    const unused = createTcpServer();
    await new Promise((resolve) => unused.listen(0, '127.0.0.1', resolve));
    const port = unused.address().port;
    await new Promise((resolve) => unused.close(resolve));
    const scratch = scratchDir();
    const receiver = await startReceiver({
      db: scratch.db,
      args: ['--notify-email', NOTIFY, '--smtp-url', `smtp://127.0.0.1:${port}`],
    });
    try {
      const response = await postCallback(receiver.url, validBody());
      assert.equal(response.status, 201);
      await sleep(300);
      assert.equal(receiver.child.exitCode, null, 'still running');
      assert.equal((await postCallback(receiver.url, validBody())).status, 201);
    } finally {
      await receiver.stop();
      scratch.cleanup();
    }
  });
});
