// The inbox on PostgreSQL: sign in, the list, a request's page and an action, in Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CSP, addUser, launchChromium, signIn } from './inbox-support.js';
import { startPostgres } from './support/postgres.js';
import { postCallback, startReceiver, validBody } from './support/receiver.js';

let cluster;
let browser;
let receiver;
let dbUrl;
let database;

before(async () => {
  cluster = await startPostgres();
  database = `inbox_${process.pid}`;
  dbUrl = cluster.createDatabase(database);
  browser = await launchChromium();
});

after(async () => {
  await receiver?.stop();
  await browser?.close();
  await cluster?.destroy();
});

test('on PostgreSQL: the list and a request page, an action with its history, and audit rows', async (t) => {
  await addUser(dbUrl, 'staff@clinic.example');
  receiver = await startReceiver({ db: dbUrl, args: ['--time-zone', 'Europe/Berlin'] });
  const first = await postCallback(receiver.url, validBody({ name: 'Ana Reyes', language: 'es' }));
  const second = await postCallback(
    receiver.url,
    validBody({ name: 'Bob Stone', language: 'en', message: 'Two\nlines <b>bold?</b>', selfCheck: undefined }),
  );
  assert.equal(first.status, 201);
  assert.equal(second.status, 201);

  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  await signIn(page, receiver.url, 'staff@clinic.example');
  assert.equal(new URL(page.url()).pathname, '/inbox');
  assert.equal(await page.title(), 'Call-back requests (2 new) – Inbox');
  const references = await page.$$eval('table.requests tbody th', (cells) => cells.map((cell) => cell.textContent));
  assert.deepEqual(references, [second.json.reference, first.json.reference]);
  assert.match(await page.textContent('main'), /Spanish — arrange an interpreter/);
  assert.match(await page.textContent('main'), /CET|GMT\+1/);

  const response = await page.goto(`${receiver.url}/inbox/requests/${second.json.reference}`);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-security-policy'], CSP);
  assert.equal(await page.locator('p.message').textContent(), 'Two\nlines <b>bold?</b>');
  assert.equal(await page.locator('main b').count(), 0);
  await page.getByLabel('Note about the call (optional)').fill('No answer.');
  await page.getByRole('button', { name: 'Mark as called' }).click();
  await page.waitForFunction(() => document.querySelector('.status-line .status')?.textContent === 'called');
  await page.getByRole('button', { name: 'Close request' }).click();
  await page.waitForFunction(() => document.querySelector('.status-line .status')?.textContent === 'closed');
  assert.match(
    await page.locator('ol.history').innerText(),
    /Called by staff@clinic\.example\s+No answer\.[\s\S]*Closed by/,
  );

  await page.goto(`${receiver.url}/inbox?status=closed`);
  const closed = await page.$$eval('table.requests tbody th', (cells) => cells.map((cell) => cell.textContent));
  assert.deepEqual(closed, [second.json.reference]);

  const audit = cluster
    .query(
      database,
      `select actor || ' ' || action from audit_log where reference = '${second.json.reference}' order by id`,
    )
    .trim()
    .split('\n');
  assert.deepEqual(
    audit.filter((line) => !line.endsWith(' viewed')),
    ['staff@clinic.example called', 'staff@clinic.example closed'],
  );
  assert.ok(audit.filter((line) => line.endsWith(' viewed')).length >= 3);
  assert.equal(cluster.query(database, 'select count(*) from sessions').trim(), '1');

  // A second receiver process on the same database knows the session (one signing key, one store).
  const other = await startReceiver({ db: dbUrl });
  t.after(() => other.stop());
  const cookie = (await context.cookies()).find((entry) => entry.name === 'inbox_session');
  const elsewhere = await fetch(`${other.url}/inbox`, {
    headers: { cookie: `inbox_session=${cookie.value}` },
    redirect: 'manual',
  });
  assert.equal(elsewhere.status, 200);
  assert.match(await elsewhere.text(), /Signed in as staff@clinic\.example/);
  assert.throws(() => cluster.query(database, 'delete from audit_log'), /append-only/);
});
