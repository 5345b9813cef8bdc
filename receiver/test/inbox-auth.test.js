// The inbox's door: sign-in, lockout, session cookie and expiry, sign-out, CSRF and headers.
// Chromium against the real receiver on SQLite.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildServer } from '../dist/server.js';
import { resolveConfig } from '../dist/config.js';
import { openDatabase } from '../dist/db/database.js';
import { migrateToLatest } from '../dist/db/migrations.js';
import { CSP, PASSWORD, addUser, launchChromium, openSqlite, rawGet, sessionCookie, signIn } from './inbox-support.js';
import { postCallback, scratchDir, startReceiver, validBody } from './support/receiver.js';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** A receiver on a fresh SQLite file with one staff account; stopped and removed after the suite. */
async function freshReceiver(t, { env = {}, args = [] } = {}) {
  const scratch = scratchDir('inbox-auth-');
  await addUser(scratch.db, 'staff@clinic.example');
  const receiver = await startReceiver({ db: scratch.db, env, args });
  t.after(async () => {
    await receiver.stop();
    scratch.cleanup();
  });
  return { ...scratch, ...receiver };
}

/** Fetches the sign-in form: its session cookie and CSRF token, as a form-posting client sees them. */
async function signInForm(baseUrl) {
  const response = await fetch(`${baseUrl}/inbox/sign-in`);
  const cookie = response.headers.getSetCookie()[0].split(';')[0];
  const token = /name="_csrf" value="([^"]+)"/.exec(await response.text())[1];
  return { cookie, token };
}

async function postSignIn(baseUrl, email, password) {
  const { cookie, token } = await signInForm(baseUrl);
  const response = await fetch(`${baseUrl}/inbox/sign-in`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email, password }),
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('inbox sign-in and sessions', () => {
  test('signed out, /inbox redirects to /inbox/sign-in; every inbox answer has the strict CSP, no-store and Referrer-Policy', async (t) => {
    const receiver = await freshReceiver(t);
    const root = await rawGet(`${receiver.url}/inbox`);
    assert.equal(root.status, 303);
    assert.equal(root.location, '/inbox/sign-in');

    for (const path of ['/inbox', '/inbox/sign-in', '/inbox/static/inbox.css', '/inbox/no-such-page', '/inbox/audit']) {
      const response = await fetch(`${receiver.url}${path}`, { redirect: 'manual' });
      assert.equal(response.headers.get('content-security-policy'), CSP, path);
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      assert.equal(response.headers.get('referrer-policy'), 'same-origin', path);
    }
    const css = await fetch(`${receiver.url}/inbox/static/inbox.css`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type'), /^text\/css/);
    const missing = await fetch(`${receiver.url}/inbox/no-such-page`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type'), /^text\/html/);

    // The API keeps its own JSON answers and does not take form bodies.
    const api = await fetch(`${receiver.url}/api/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    assert.equal(api.status, 415);
  });

  test('signing in shows the list; the session cookie is HttpOnly, SameSite=Strict, Path=/inbox, and a new id', async (t) => {
    const receiver = await freshReceiver(t);
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();

    await page.goto(`${receiver.url}/inbox`);
    assert.equal(new URL(page.url()).pathname, '/inbox/sign-in');
    const before = await sessionCookie(context);
    assert.ok(before, 'the sign-in form has a session for its CSRF token');

    const signInResponse = page.waitForResponse(
      (response) => response.url().endsWith('/inbox/sign-in') && response.request().method() === 'POST',
    );
    await page.getByLabel('Email').fill('Staff@Clinic.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const response = await signInResponse;
    assert.equal(response.status(), 303);
    const setCookie = (await response.headerValue('set-cookie')) ?? '';
    assert.match(setCookie, /^inbox_session=/);
    assert.match(setCookie, /; HttpOnly/i);
    assert.match(setCookie, /; SameSite=Strict/i);
    assert.match(setCookie, /; Path=\/inbox(;|$)/);
    assert.doesNotMatch(setCookie, /; Secure/i, '--insecure-cookies: plain http on localhost');

    await page.waitForURL(`${receiver.url}/inbox`);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Call-back requests');
    assert.match(await page.textContent('header'), /Signed in as staff@clinic\.example/);
    const cookie = await sessionCookie(context);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/inbox');
    assert.notEqual(cookie.value, before.value, 'the session id changes at sign-in');
    const oldId = decodeURIComponent(before.value).split('.')[0];
    const db = openSqlite(receiver.db);
    t.after(() => db.close());
    assert.equal(db.prepare('select count(*) as n from sessions where sid = ?').get(oldId).n, 0);
    assert.equal(db.prepare("select count(*) as n from audit_log where action = 'signed-in'").get().n, 1);

    // Signed in, the sign-in page sends you to the list.
    await page.goto(`${receiver.url}/inbox/sign-in`);
    assert.equal(new URL(page.url()).pathname, '/inbox');
  });

  test('without --insecure-cookies the session cookie is Secure (and only sent over https)', async (t) => {
    const scratch = scratchDir('inbox-secure-');
    t.after(() => scratch.cleanup());
    const config = resolveConfig({ db: scratch.db, 'trust-proxy': true }, {});
    assert.equal(config.insecureCookies, false);
    const store = openDatabase(config.databaseUrl);
    await migrateToLatest(store.db, store.engine);
    const app = await buildServer({ config, store });
    t.after(async () => {
      await app.close();
      await store.close();
    });
    const overHttps = await app.inject({ url: '/inbox/sign-in', headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(overHttps.statusCode, 200);
    const setCookie = String(overHttps.headers['set-cookie']);
    assert.match(setCookie, /; Secure/);
    assert.match(setCookie, /; HttpOnly/);
    assert.match(setCookie, /; SameSite=Strict/);
    assert.match(setCookie, /; Path=\/inbox/);
    assert.equal(overHttps.headers['strict-transport-security']?.startsWith('max-age='), true);
    const overHttp = await app.inject({ url: '/inbox/sign-in' });
    assert.equal(overHttp.headers['set-cookie'], undefined, 'a Secure cookie is never sent over plain http');
    assert.match(overHttp.body, /This inbox only works over HTTPS/);
    assert.doesNotMatch(overHttps.body, /only works over HTTPS/);
  });

  test('a wrong password or an unknown account is refused with the same message', async (t) => {
    const receiver = await freshReceiver(t);
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    for (const [email, password] of [
      ['staff@clinic.example', 'not the password'],
      ['nobody@clinic.example', PASSWORD],
    ]) {
      await page.goto(`${receiver.url}/inbox/sign-in`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      const answer = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Sign in' }).click();
      assert.equal((await answer).status(), 401);
      await page.waitForLoadState();
      assert.equal(await page.getByRole('alert').textContent(), 'Wrong email or password.');
      assert.equal(new URL(page.url()).pathname, '/inbox/sign-in');
      assert.equal(await sessionCookie(context).then((cookie) => cookie && cookie.value.length > 0), true);
    }
    const list = await page.goto(`${receiver.url}/inbox`);
    assert.equal(new URL(list.url()).pathname, '/inbox/sign-in');
  });

  test('after 5 failed sign-ins for one account, the next is refused with 429 even with the right password, across restarts', async (t) => {
    const scratch = scratchDir('inbox-lockout-');
    t.after(() => scratch.cleanup());
    await addUser(scratch.db, 'staff@clinic.example');
    let receiver = await startReceiver({ db: scratch.db });
    t.after(() => receiver.stop());
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();

    const attempt = async (password) => {
      await page.goto(`${receiver.url}/inbox/sign-in`);
      await page.getByLabel('Email').fill('staff@clinic.example');
      await page.getByLabel('Password').fill(password);
      const answer = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const response = await answer;
      await page.waitForLoadState();
      return response;
    };
    for (let index = 1; index <= 5; index++) {
      assert.equal((await attempt(`wrong ${index}`)).status(), 401, `failure ${index}`);
    }
    const locked = await attempt(PASSWORD);
    assert.equal(locked.status(), 429);
    const retryAfter = Number(await locked.headerValue('retry-after'));
    assert.ok(retryAfter > 14 * 60 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    assert.match(await page.getByRole('alert').textContent(), /Too many failed sign-ins\. Try again in 15 minutes\./);
    assert.equal(new URL(page.url()).pathname, '/inbox/sign-in');
    assert.equal((await rawGet(`${receiver.url}/inbox`)).status, 303);

    // Another process on the same database refuses too: the failures are in the database.
    await receiver.stop();
    receiver = await startReceiver({ db: scratch.db });
    assert.equal((await attempt(PASSWORD)).status(), 429);

    const db = openSqlite(scratch.db);
    t.after(() => db.close());
    assert.equal(db.prepare('select count(*) as n from sign_in_failures').get().n, 5, 'refusals do not add failures');
    assert.equal(db.prepare("select count(*) as n from audit_log where action = 'signed-in'").get().n, 0);

    // Fifteen minutes after the fifth failure the account may try again.
    db.prepare("update sign_in_failures set at = strftime('%Y-%m-%dT%H:%M:%fZ', at, '-901 seconds')").run();
    const later = await attempt(PASSWORD);
    assert.equal(later.status(), 303);
    assert.equal(new URL(page.url()).pathname, '/inbox');
  });

  test('after 5 failed sign-ins from one address, any account is refused from it (429)', async (t) => {
    const receiver = await freshReceiver(t);
    for (let index = 1; index <= 5; index++) {
      const response = await postSignIn(receiver.url, `guess${index}@clinic.example`, 'whatever');
      assert.equal(response.status, 401);
    }
    const refused = await postSignIn(receiver.url, 'staff@clinic.example', PASSWORD);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    assert.doesNotMatch(refused.text, /Signed in as/);
    // Refused before anything else is looked at: a post without a CSRF token gets the 429 too.
    const bare = await fetch(`${receiver.url}/inbox/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'staff@clinic.example', password: PASSWORD }),
      redirect: 'manual',
    });
    assert.equal(bare.status, 429);
  });

  test('a session ends after the idle limit, on the server: the old cookie no longer works', async (t) => {
    // Test-only shortening of the 15 minutes; the real limit is covered by the table check below.
    const receiver = await freshReceiver(t, { env: { INBOX_SESSION_IDLE_SECONDS: '3' } });
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, receiver.url, 'staff@clinic.example');
    assert.equal(new URL(page.url()).pathname, '/inbox');
    const cookie = await sessionCookie(context);
    const header = `inbox_session=${cookie.value}`;

    // Activity keeps it alive past the limit ...
    for (let index = 0; index < 4; index++) {
      await sleep(1000);
      assert.equal((await rawGet(`${receiver.url}/inbox`, header)).status, 200, `still signed in after ${index + 1}s`);
    }
    // ... and idleness ends it: the browser is sent to sign in, and replaying the cookie fails.
    await sleep(3500);
    assert.equal((await rawGet(`${receiver.url}/inbox`, header)).status, 303);
    await page.goto(`${receiver.url}/inbox`);
    assert.equal(new URL(page.url()).pathname, '/inbox/sign-in');
  });

  test('with the real limits a session is stored for 15 minutes idle, at most 12 hours, and expiring the row ends it', async (t) => {
    const receiver = await freshReceiver(t);
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    const signedInAt = Date.now();
    await signIn(page, receiver.url, 'staff@clinic.example');
    const cookie = await sessionCookie(context);
    assert.ok(Math.abs(cookie.expires * 1000 - (signedInAt + 15 * 60_000)) < 10_000, 'cookie lasts 15 minutes');

    const sid = decodeURIComponent(cookie.value).split('.')[0];
    const db = openSqlite(receiver.db);
    t.after(() => db.close());
    const row = db.prepare('select data, expires_at from sessions where sid = ?').get(sid);
    const expiresIn = Date.parse(row.expires_at) - signedInAt;
    assert.ok(expiresIn > 14 * 60_000 && expiresIn < 16 * 60_000, `stored expiry in ${expiresIn} ms`);
    const data = JSON.parse(row.data);
    assert.equal(data.user.email, 'staff@clinic.example');
    assert.ok(Math.abs(Date.parse(data.signedInAt) - signedInAt) < 10_000);

    // Twelve hours after sign-in the session ends however active it was.
    db.prepare('update sessions set data = ? where sid = ?').run(
      JSON.stringify({ ...data, signedInAt: new Date(Date.now() - 12 * 3_600_000 - 1000).toISOString() }),
      sid,
    );
    await page.goto(`${receiver.url}/inbox`);
    assert.equal(new URL(page.url()).pathname, '/inbox/sign-in');
    assert.equal(db.prepare('select count(*) as n from sessions where sid = ?').get(sid).n, 0);
    // Straight to the sign-in page with a session past its 12 hours: a fresh form, not an error.
    await signIn(page, receiver.url, 'staff@clinic.example');
    const again = decodeURIComponent((await sessionCookie(context)).value).split('.')[0];
    const againData = JSON.parse(db.prepare('select data from sessions where sid = ?').get(again).data);
    db.prepare('update sessions set data = ? where sid = ?').run(
      JSON.stringify({ ...againData, signedInAt: new Date(Date.now() - 13 * 3_600_000).toISOString() }),
      again,
    );
    const fresh = await page.goto(`${receiver.url}/inbox/sign-in`);
    assert.equal(fresh.status(), 200);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sign in');

    // A stored expiry in the past ends a session too, whatever its cookie says.
    await signIn(page, receiver.url, 'staff@clinic.example');
    assert.equal(new URL(page.url()).pathname, '/inbox');
    const current = decodeURIComponent((await sessionCookie(context)).value).split('.')[0];
    db.prepare("update sessions set expires_at = '2000-01-01T00:00:00.000Z' where sid = ?").run(current);
    await page.goto(`${receiver.url}/inbox`);
    assert.equal(new URL(page.url()).pathname, '/inbox/sign-in');
    assert.equal(
      db.prepare('select count(*) as n from sessions where sid = ?').get(current).n,
      0,
      'an expired row is deleted when it is next presented',
    );
  });

  test('the 12-hour limit holds on an active session (shortened for the test)', async (t) => {
    const receiver = await freshReceiver(t, {
      env: { INBOX_SESSION_IDLE_SECONDS: '60', INBOX_SESSION_ABSOLUTE_SECONDS: '3' },
    });
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, receiver.url, 'staff@clinic.example');
    const header = `inbox_session=${(await sessionCookie(context)).value}`;
    assert.equal((await rawGet(`${receiver.url}/inbox`, header)).status, 200);
    await sleep(1500);
    assert.equal((await rawGet(`${receiver.url}/inbox`, header)).status, 200);
    await sleep(2000);
    assert.equal((await rawGet(`${receiver.url}/inbox`, header)).status, 303);
  });

  test('signing out ends the session on the server, not only in the browser', async (t) => {
    const receiver = await freshReceiver(t);
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, receiver.url, 'staff@clinic.example');
    const cookie = await sessionCookie(context);
    const header = `inbox_session=${cookie.value}`;
    const sid = decodeURIComponent(cookie.value).split('.')[0];
    const db = openSqlite(receiver.db);
    t.after(() => db.close());
    assert.equal(db.prepare('select count(*) as n from sessions where sid = ?').get(sid).n, 1);

    const answer = page.waitForResponse((response) => response.url().endsWith('/inbox/sign-out'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    assert.equal((await answer).status(), 303);
    await page.waitForURL(/\/inbox\/sign-in/);
    assert.equal(await page.getByRole('status').textContent(), 'You have signed out.');

    assert.equal(db.prepare('select count(*) as n from sessions where sid = ?').get(sid).n, 0);
    const replay = await rawGet(`${receiver.url}/inbox`, header);
    assert.equal(replay.status, 303, 'the old cookie opens nothing');
    assert.equal(replay.location, '/inbox/sign-in');
    const actions = db.prepare('select action, actor from audit_log order by id').all();
    assert.deepEqual(
      actions.filter((row) => row.action.startsWith('signed')),
      [
        { action: 'signed-in', actor: 'staff@clinic.example' },
        { action: 'signed-out', actor: 'staff@clinic.example' },
      ],
    );
  });

  test('a form that another page auto-submits to the inbox changes nothing (cross-site and same-site)', async (t) => {
    const receiver = await freshReceiver(t);
    const { json } = await postCallback(receiver.url, validBody());
    const reference = json.reference;
    const target = `${receiver.url}/inbox/requests/${reference}/close`;
    const attacker = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.end(`<!doctype html><title>Win a prize</title>
        <form method="post" action="${target}"><input type="hidden" name="_csrf" value="forged"></form>
        <script>document.forms[0].submit()</script>`);
    });
    await new Promise((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise((resolve) => attacker.close(resolve)));
    const port = attacker.address().port;

    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, receiver.url, 'staff@clinic.example');

    // localhost is another site than 127.0.0.1: the SameSite=Strict cookie stays home.
    // 127.0.0.1 on another port is the same site (another page of the clinic's own site):
    // the cookie goes along, and the missing token stops it.
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      const attackPage = await context.newPage();
      const answer = attackPage.waitForResponse((response) => response.url() === target);
      await attackPage.goto(origin);
      const response = await answer;
      assert.equal(response.status(), 403, origin);
      await attackPage.close();
    }
    const db = openSqlite(receiver.db);
    t.after(() => db.close());
    assert.equal(db.prepare('select status from callbacks').get().status, 'new');
    assert.equal(db.prepare('select count(*) as n from request_events').get().n, 0);
    assert.equal(db.prepare("select count(*) as n from audit_log where action = 'closed'").get().n, 0);
    // The session itself is untouched: the staff member is still signed in.
    await page.goto(`${receiver.url}/inbox`);
    assert.equal(new URL(page.url()).pathname, '/inbox');
  });

  test('a POST with a missing or wrong CSRF token is refused with 403; the right one works', async (t) => {
    const receiver = await freshReceiver(t);
    const { json } = await postCallback(receiver.url, validBody());
    const context = await browser.newContext();
    t.after(() => context.close());
    const page = await context.newPage();
    await signIn(page, receiver.url, 'staff@clinic.example');
    await page.goto(`${receiver.url}/inbox/requests/${json.reference}`);
    const token = await page.locator('form[action$="/close"] input[name="_csrf"]').inputValue();

    const post = (form) =>
      context.request.post(`${receiver.url}/inbox/requests/${json.reference}/close`, { form, maxRedirects: 0 });
    assert.equal((await post({})).status(), 403);
    assert.equal((await post({ _csrf: 'wrong' })).status(), 403);
    assert.equal((await post({ _csrf: `${token}x` })).status(), 403);
    const refused = await post({ _csrf: '' });
    assert.equal(refused.status(), 403);
    assert.match(await refused.text(), /Nothing was changed/);
    assert.equal((await post({ _csrf: token })).status(), 303);

    // Sign-out and sign-in need the token too.
    assert.equal(
      (await context.request.post(`${receiver.url}/inbox/sign-out`, { form: {}, maxRedirects: 0 })).status(),
      403,
    );
    const noToken = await fetch(`${receiver.url}/inbox/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'staff@clinic.example', password: PASSWORD }),
      redirect: 'manual',
    });
    assert.equal(noToken.status, 403);
    assert.equal(noToken.headers.get('set-cookie')?.includes('inbox_session='), true, 'a fresh form to try again');
    // Signed out, a form post is refused rather than sent to sign in.
    const signedOut = await fetch(`${receiver.url}/inbox/requests/${json.reference}/reopen`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=x',
      redirect: 'manual',
    });
    assert.equal(signedOut.status, 403);
  });
});
