// Working the requests: the list and its filters, a request's page with hostile text, the
// called/close/reopen actions with history and audit, the admin audit page, retention,
// JavaScript off, axe, 320 px and the keyboard. Chromium against the real receiver on SQLite.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CSP, addUser, axeViolations, launchChromium, openSqlite, signIn } from './inbox-support.js';
import { postCallback, runCli, scratchDir, startReceiver, validBody } from './support/receiver.js';

const TIME_ZONE = 'America/Chicago';
const STAFF = 'staff@clinic.example';
const ADMIN = 'admin@clinic.example';
const HOSTILE = '<img src=x onerror=alert(1)>';

let browser;
let scratch;
let receiver;
let db;
/** reference by label, in the order they were sent. */
const sent = {};

before(async () => {
  browser = await launchChromium();
  scratch = scratchDir('inbox-requests-');
  await addUser(scratch.db, STAFF);
  await addUser(scratch.db, ADMIN, { admin: true });
  receiver = await startReceiver({ db: scratch.db, args: ['--time-zone', TIME_ZONE, '--retention-days', '30'] });
  db = openSqlite(scratch.db);
  const bodies = {
    spanish: validBody({ name: 'Ana Reyes', language: 'es', message: 'Please call after 10.' }),
    english: validBody({
      name: 'Bob Stone',
      language: 'en-US',
      phone: '555 010 9999',
      email: undefined,
      message: undefined,
      selfCheck: undefined,
      voicemailOk: false,
      forSomeoneElse: true,
      bestTime: 'evening',
    }),
    hostile: validBody({
      name: `Eve ${HOSTILE}`,
      language: 'zh-Hant',
      phone: undefined,
      email: 'eve@example.org',
      message: `First line ${HOSTILE}\nSecond line <script>alert(2)</script>\n\nFourth line`,
      selfCheck: {
        level: 'consider',
        answers: { serious: 'unsure', surgery: 'no', doubts: 'yes' },
        barriers: ['offend', 'insurance'],
      },
    }),
    answersOnly: validBody({ name: 'Dee Park', language: 'ko', message: undefined }),
  };
  for (const [label, body] of Object.entries(bodies)) {
    const response = await postCallback(receiver.url, body);
    assert.equal(response.status, 201);
    sent[label] = response.json.reference;
  }
});

after(async () => {
  db?.close();
  await receiver?.stop();
  await browser?.close();
  scratch?.cleanup();
});

async function newPage(t, options = {}) {
  const context = await browser.newContext(options);
  t.after(() => context.close());
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  const foreign = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(receiver.url)) foreign.push(request.url());
  });
  return { context, page, dialogs, foreign };
}

/** The list's rows as {reference, cells by column name}. */
async function listRows(page) {
  return page.$$eval('table.requests tbody tr', (rows) =>
    rows.map((row) => {
      const cells = {};
      for (const cell of row.querySelectorAll('th, td')) cells[cell.dataset.label] = cell.textContent.trim();
      return cells;
    }),
  );
}

function auditRows(where = '1 = 1', ...params) {
  return db
    .prepare(`select at, actor, action, reference, detail from audit_log where ${where} order by id`)
    .all(...params);
}

describe('inbox requests', () => {
  test('the list shows every request newest first, with each field, and a title that counts new requests but names nobody', async (t) => {
    const { page, foreign } = await newPage(t);
    await signIn(page, receiver.url, STAFF);
    assert.equal(await page.title(), 'Call-back requests (4 new) – Inbox');

    const rows = await listRows(page);
    assert.deepEqual(
      rows.map((row) => row.Reference),
      [sent.answersOnly, sent.hostile, sent.english, sent.spanish],
    );
    const spanish = rows.find((row) => row.Reference === sent.spanish);
    assert.equal(spanish.Name, 'Ana Reyes');
    assert.equal(spanish.Phone, '+1 (555) 010-4477');
    assert.equal(spanish.Email, 'ana@example.org');
    assert.equal(spanish['Best time'], 'Morning');
    assert.equal(spanish['Voicemail OK'], 'Yes');
    assert.equal(spanish['For someone else'], 'No');
    assert.equal(spanish['Message or answers'], 'Message and shared answers');
    assert.equal(spanish.Language, 'Spanish — arrange an interpreter');
    assert.equal(spanish.Status, 'new');
    // Received in the clinic's time zone (Chicago: CST or CDT).
    assert.match(spanish.Received, /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M C[SD]T$/);
    const iso = await page.getAttribute(`tr:has(a:text-is("${sent.spanish}")) time`, 'datetime');
    const expected = new Intl.DateTimeFormat('en-US', {
      timeZone: TIME_ZONE,
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(iso));
    assert.ok(spanish.Received.includes(expected), `${spanish.Received} shows ${expected}`);

    const english = rows.find((row) => row.Reference === sent.english);
    assert.equal(english.Language, 'American English', 'English needs no interpreter');
    assert.equal(english.Email, '—');
    assert.equal(english['Voicemail OK'], 'No');
    assert.equal(english['For someone else'], 'Yes');
    assert.equal(english['Best time'], 'Evening');
    assert.equal(english['Message or answers'], 'None');
    assert.equal(
      rows.find((row) => row.Reference === sent.hostile).Language,
      'Traditional Chinese — arrange an interpreter',
    );
    assert.equal(rows.find((row) => row.Reference === sent.hostile).Phone, '—');
    assert.equal(rows.find((row) => row.Reference === sent.answersOnly)['Message or answers'], 'Shared answers');

    assert.equal(
      await page
        .locator(`tr:has(a:text-is("${sent.spanish}"))`)
        .getByRole('link', { name: '+1 (555) 010-4477' })
        .getAttribute('href'),
      'tel:+15550104477',
    );
    assert.equal(await page.getByRole('link', { name: '555 010 9999' }).getAttribute('href'), 'tel:5550109999');
    assert.equal(
      await page.getByRole('link', { name: sent.spanish, exact: true }).getAttribute('href'),
      `/inbox/requests/${sent.spanish}`,
    );
    // A staff account sees no audit link; the hostile name is text, not an element.
    assert.equal(await page.getByRole('link', { name: 'Audit log' }).count(), 0);
    assert.equal(await page.locator('main img').count(), 0);
    assert.deepEqual(foreign, []);
  });

  test('the request page shows every field as text: hostile markup stays text, line breaks stay, no dialog fires', async (t) => {
    const { page, dialogs } = await newPage(t);
    await signIn(page, receiver.url, STAFF);
    await page.getByRole('link', { name: sent.hostile, exact: true }).click();
    await page.waitForURL(`${receiver.url}/inbox/requests/${sent.hostile}`);
    assert.equal(await page.title(), `Request ${sent.hostile} – Inbox`);

    const field = (name) => page.locator(`dt:text-is("${name}") + dd`);
    assert.equal(await field('Name').textContent(), `Eve ${HOSTILE}`);
    const message = page.locator('p.message').first();
    assert.equal(
      await message.textContent(),
      `First line ${HOSTILE}\nSecond line <script>alert(2)</script>\n\nFourth line`,
    );
    assert.equal(await message.evaluate((element) => getComputedStyle(element).whiteSpace), 'pre-line');
    assert.equal(await message.evaluate((element) => element.innerText.split('\n').length), 4);
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.equal(await field('Phone').textContent(), 'Not given');
    assert.equal(await field('Email').textContent(), 'eve@example.org');
    assert.equal(await field('Language').textContent(), 'Traditional Chinese (zh-Hant) — arrange an interpreter');
    assert.equal(await field('Best time to call').textContent(), 'Morning');
    assert.equal(await field('Voicemail OK').textContent(), 'Yes');
    assert.equal(await field('For someone else').textContent(), 'No');
    assert.equal(await field('Sent from page').textContent(), 'https://clinic.example/second-opinion');
    assert.equal(await field('Widget version').textContent(), '0.1.0');

    // Shared self-check answers in words.
    const answers = await page.$$eval('dl.answers > div', (items) =>
      items.map((item) => [item.querySelector('dt').textContent, item.querySelector('dd').textContent]),
    );
    assert.deepEqual(answers, [
      ['Were you told you have a serious, rare or complex illness, such as cancer?', 'Not sure'],
      ['Has your doctor suggested surgery that is not an emergency?', 'No'],
      ['Do you have questions or doubts about your treatment plan, or want to hear all your options?', 'Yes'],
    ]);
    assert.match(await page.textContent('main'), /You may want to think about a second opinion/);
    assert.deepEqual(
      await page.$$eval('section[aria-labelledby="self-check-heading"] ul li', (items) =>
        items.map((item) => item.textContent),
      ),
      ['I am worried about upsetting my doctor', 'I am not sure my insurance will pay'],
    );
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);

    // The view is in the audit log, with the account and the time.
    const views = auditRows("action = 'viewed' and reference = ?", sent.hostile);
    assert.equal(views.length, 1);
    assert.equal(views[0].actor, STAFF);
    assert.ok(Date.now() - Date.parse(views[0].at) < 60_000);
    assert.equal(views[0].detail, null, 'the audit log holds no request contents');
  });

  test('with JavaScript off: called with a note, close and reopen, each in the history, the audit log and the filters', async (t) => {
    const { page } = await newPage(t, { javaScriptEnabled: false });
    await signIn(page, receiver.url, STAFF);
    assert.equal(new URL(page.url()).pathname, '/inbox');
    const reference = sent.spanish;
    await page.getByRole('link', { name: reference, exact: true }).click();
    await page.waitForURL(`${receiver.url}/inbox/requests/${reference}`);
    assert.equal(await page.getByRole('button', { name: 'Reopen' }).count(), 0, 'an open request cannot be reopened');

    await page.getByLabel('Note about the call (optional)').fill('Left a voicemail.\nWill try again at 2.');
    await page.getByRole('button', { name: 'Mark as called' }).click();
    await page.waitForURL(`${receiver.url}/inbox/requests/${reference}`);
    assert.equal(await page.locator('.status-line .status').textContent(), 'called');
    let history = await page.$$eval('ol.history li', (items) => items.map((item) => item.innerText));
    assert.equal(history.length, 2);
    assert.match(history[1], /Called by staff@clinic\.example\n+Left a voicemail\.\nWill try again at 2\./);

    await page.getByRole('button', { name: 'Close request' }).click();
    await page.waitForURL(`${receiver.url}/inbox/requests/${reference}`);
    assert.match(await page.locator('.status-line').textContent(), /^Status: closed since /);
    assert.equal(await page.getByRole('button', { name: 'Mark as called' }).count(), 0);

    // Filters are links: they work without JavaScript.
    await page.goto(`${receiver.url}/inbox`);
    await page.getByRole('link', { name: /^Closed \(/ }).click();
    assert.equal(new URL(page.url()).search, '?status=closed');
    assert.deepEqual(
      (await listRows(page)).map((row) => row.Reference),
      [reference],
    );
    assert.equal(await page.getByRole('link', { name: /^Closed \(/ }).getAttribute('aria-current'), 'page');
    await page.getByRole('link', { name: /^New \(/ }).click();
    assert.deepEqual(
      (await listRows(page)).map((row) => row.Reference),
      [sent.answersOnly, sent.hostile, sent.english],
    );
    assert.equal(await page.title(), 'Call-back requests (3 new) – Inbox');
    await page.getByRole('link', { name: /^Called \(/ }).click();
    assert.deepEqual(await listRows(page), []);
    assert.match(await page.textContent('main'), /No called requests\./);

    await page.goto(`${receiver.url}/inbox/requests/${reference}`);
    await page.getByRole('button', { name: 'Reopen request' }).click();
    await page.waitForURL(`${receiver.url}/inbox/requests/${reference}`);
    assert.equal(await page.locator('.status-line .status').textContent(), 'new');
    history = await page.$$eval('ol.history li', (items) => items.map((item) => item.innerText));
    assert.deepEqual(
      history.map((line) => line.replace(/^.*?: /, '').split('\n')[0]),
      [
        'received',
        'Called by staff@clinic.example',
        'Closed by staff@clinic.example',
        'Reopened by staff@clinic.example',
      ],
    );

    const row = db
      .prepare('select seq, status, closed_at, status_changed_at from callbacks where seq = ?')
      .get(Number(reference.slice(3)));
    assert.equal(row.status, 'new');
    assert.equal(row.closed_at, null);
    const events = db
      .prepare('select actor, action, note from request_events where callback_seq = ? order by id')
      .all(row.seq);
    assert.deepEqual(events, [
      { actor: STAFF, action: 'called', note: 'Left a voicemail.\nWill try again at 2.' },
      { actor: STAFF, action: 'closed', note: null },
      { actor: STAFF, action: 'reopened', note: null },
    ]);
    const changes = auditRows("reference = ? and action <> 'viewed'", reference);
    assert.deepEqual(
      changes.map((entry) => [entry.actor, entry.action, entry.detail]),
      [
        [STAFF, 'called', null],
        [STAFF, 'closed', null],
        [STAFF, 'reopened', null],
      ],
    );
    assert.ok(auditRows("reference = ? and action = 'viewed'", reference).length >= 4, 'every page view is logged');

    // Sign out without JavaScript too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/inbox\/sign-in/);
    await page.goto(`${receiver.url}/inbox`);
    assert.equal(new URL(page.url()).pathname, '/inbox/sign-in');
  });

  test('an action that no longer applies changes nothing (409), and an unknown reference is a 404 page', async (t) => {
    const { page, context } = await newPage(t);
    await signIn(page, receiver.url, STAFF);
    await page.goto(`${receiver.url}/inbox/requests/${sent.english}`);
    const token = await page
      .locator('form[action$="/reopen"] input[name="_csrf"], input[name="_csrf"]')
      .first()
      .inputValue();
    const reopen = await context.request.post(`${receiver.url}/inbox/requests/${sent.english}/reopen`, {
      form: { _csrf: token },
      maxRedirects: 0,
    });
    assert.equal(reopen.status(), 409);
    assert.match(await reopen.text(), /Nothing was changed/);
    for (const path of [
      '/inbox/requests/CB-9999',
      '/inbox/requests/nonsense',
      `/inbox/requests/XX-${sent.english.slice(3)}`,
    ]) {
      const response = await page.goto(`${receiver.url}${path}`);
      assert.equal(response.status(), 404, path);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Not found');
    }
  });

  test('the audit log is for admins only, linked from their list, filterable by account and date, and cannot be edited', async (t) => {
    const staff = await newPage(t);
    await signIn(staff.page, receiver.url, STAFF);
    const refused = await staff.page.goto(`${receiver.url}/inbox/audit`);
    assert.equal(refused.status(), 403);
    assert.equal(await staff.page.getByRole('heading', { level: 1 }).textContent(), 'Admins only');
    assert.equal(refused.headers()['content-security-policy'], CSP);

    const { page } = await newPage(t, { javaScriptEnabled: false });
    await signIn(page, receiver.url, ADMIN);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(`${receiver.url}/inbox/audit`);
    const entries = () =>
      page.$$eval('table.audit tbody tr', (rows) =>
        rows.map((row) =>
          Object.fromEntries([...row.cells].map((cell) => [cell.dataset.label, cell.textContent.trim()])),
        ),
      );
    const all = await entries();
    assert.equal(all.length, auditRows().length);
    assert.equal(all[0].Account, ADMIN, 'newest first: the admin just signed in');
    assert.equal(all[0].Action, 'signed-in');
    assert.ok(
      all.some((entry) => entry.Action === 'viewed' && entry.Account === STAFF && entry.Request === sent.hostile),
    );
    assert.ok(all.some((entry) => entry.Action === 'user-added' && entry.Account === 'cli'));

    await page.getByLabel('Account').fill(STAFF);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/account=/);
    const staffOnly = await entries();
    assert.ok(staffOnly.length > 0);
    assert.ok(staffOnly.every((entry) => entry.Account === STAFF));
    assert.equal(staffOnly.length, auditRows('actor = ?', STAFF).length);

    // Dates are days in the clinic's time zone.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(
      new Date(Date.now() + 86_400_000),
    );
    await page.goto(`${receiver.url}/inbox/audit?account=${encodeURIComponent(STAFF)}&from=${today}&to=${today}`);
    assert.equal((await entries()).length, staffOnly.length);
    assert.equal(await page.getByLabel('From (date)').inputValue(), today);
    await page.getByLabel('From (date)').fill(tomorrow);
    await page.getByLabel('To (date)').fill(tomorrow);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/from=/);
    assert.deepEqual(await entries(), []);
    assert.match(await page.textContent('main'), /No entries match\./);

    // Nothing in the inbox changes it, and the database refuses to.
    const post = await fetch(`${receiver.url}/inbox/audit`, { method: 'POST', redirect: 'manual' });
    assert.equal(post.status, 404);
    assert.throws(() => db.prepare("update audit_log set actor = 'someone else'").run(), /append-only/);
    assert.throws(() => db.prepare('delete from audit_log').run(), /append-only/);
  });

  test('retention: purge deletes requests closed more than --retention-days ago, keeps open ones, and the audit log keeps the deletion', async (t) => {
    const oldOpen = await postCallback(receiver.url, validBody({ name: 'Old Open' }));
    const oldClosed = await postCallback(receiver.url, validBody({ name: 'Old Closed' }));
    const { page } = await newPage(t, { javaScriptEnabled: false });
    await signIn(page, receiver.url, STAFF);
    await page.goto(`${receiver.url}/inbox/requests/${oldClosed.json.reference}`);
    await page.getByRole('button', { name: 'Close request' }).click();
    await page.waitForURL(`${receiver.url}/inbox/requests/${oldClosed.json.reference}`);

    const longAgo = new Date(Date.now() - 31 * 86_400_000).toISOString();
    const seqOf = (reference) => Number(reference.split('-')[1]);
    db.prepare('update callbacks set closed_at = ? where seq = ?').run(longAgo, seqOf(oldClosed.json.reference));
    db.prepare('update callbacks set received_at = ? where seq = ?').run(
      new Date(Date.now() - 400 * 86_400_000).toISOString(),
      seqOf(oldOpen.json.reference),
    );
    const purge = await runCli(['purge', '--db', scratch.db, '--retention-days', '30']);
    assert.equal(purge.code, 0, purge.stderr);
    assert.match(purge.stderr, /Deleted 1 closed request/);

    const gone = await page.goto(`${receiver.url}/inbox/requests/${oldClosed.json.reference}`);
    assert.equal(gone.status(), 404);
    assert.equal((await page.goto(`${receiver.url}/inbox/requests/${oldOpen.json.reference}`)).status(), 200);
    assert.equal(
      db.prepare('select count(*) as n from request_events where callback_seq = ?').get(seqOf(oldClosed.json.reference))
        .n,
      0,
    );
    const deleted = auditRows("action = 'deleted' and reference = ?", oldClosed.json.reference);
    assert.equal(deleted.length, 1);
    assert.equal(deleted[0].actor, 'retention');
    assert.doesNotMatch(JSON.stringify(auditRows()), /Old Closed/, 'the audit log never held its contents');
  });

  test('axe finds no violations on the sign-in, list, request and audit pages, wide and at 320 px', async (t) => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 320, height: 640 },
    ]) {
      // bypassCSP lets the test inject axe; the pages themselves load nothing but the stylesheet.
      const { page } = await newPage(t, { bypassCSP: true, viewport });
      const check = async (label) => {
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${label} at ${viewport.width}px`);
      };
      await page.goto(`${receiver.url}/inbox/sign-in`);
      await check('sign-in');
      await page.getByLabel('Email').fill(ADMIN);
      await page.getByLabel('Password').fill('wrong password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState();
      await check('sign-in with an error');
      await signIn(page, receiver.url, ADMIN);
      await check('list');
      await page.goto(`${receiver.url}/inbox?status=called`);
      await check('empty list');
      await page.goto(`${receiver.url}/inbox/requests/${sent.hostile}`);
      await check('request');
      await page.goto(`${receiver.url}/inbox/requests/${sent.english}`);
      await check('request without message or answers');
      await page.goto(`${receiver.url}/inbox/audit`);
      await check('audit');
      await page.goto(`${receiver.url}/inbox/requests/CB-9999`);
      await check('not found');
    }
  });

  test('usable at 320 px: no page scrolls sideways, and the stylesheet is the only thing loaded', async (t) => {
    const { page, foreign } = await newPage(t, { viewport: { width: 320, height: 640 } });
    const loaded = [];
    page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
    const noSidewaysScroll = async (label) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${label} is ${width}px wide`);
    };
    await page.goto(`${receiver.url}/inbox/sign-in`);
    await noSidewaysScroll('sign-in');
    await signIn(page, receiver.url, ADMIN);
    await noSidewaysScroll('list');
    await page.goto(`${receiver.url}/inbox/requests/${sent.hostile}`);
    await noSidewaysScroll('request');
    await page.goto(`${receiver.url}/inbox/audit`);
    await noSidewaysScroll('audit');
    assert.deepEqual(foreign, []);
    assert.deepEqual(
      [...new Set(loaded.filter((path) => !/^\/inbox(\/sign-in|\/requests\/|\/audit|$)/.test(path)))],
      ['/inbox/static/inbox.css'],
    );
  });

  test('with the keyboard alone: sign in, open a request, mark it called', async (t) => {
    const { page } = await newPage(t);
    await page.goto(`${receiver.url}/inbox/sign-in`);
    const tabTo = async (matches) => {
      for (let presses = 0; presses < 60; presses++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(matches)) return;
      }
      throw new Error(`never reached by Tab: ${matches}`);
    };
    await tabTo(() => document.activeElement?.id === 'email');
    await page.keyboard.type(STAFF);
    await page.keyboard.press('Tab');
    await page.keyboard.type('correct horse battery');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${receiver.url}/inbox`);
    const reference = sent.answersOnly;
    await tabTo(new Function(`return document.activeElement?.textContent === ${JSON.stringify(reference)}`));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${receiver.url}/inbox/requests/${reference}`);
    await tabTo(() => document.activeElement?.id === 'note');
    await page.keyboard.type('Spoke with her daughter.');
    await tabTo(() => document.activeElement?.textContent === 'Mark as called');
    await page.keyboard.press('Enter');
    await page.waitForLoadState();
    await page.waitForFunction(() => document.querySelector('.status-line .status')?.textContent === 'called');
    // Focus is visible: the focused button has an outline.
    await tabTo(() => document.activeElement?.tagName === 'BUTTON');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, 'solid');
  });

  test('the receiver never logs a name, a phone number, an email address or a message', async () => {
    const log = receiver.lines.join('\n') + receiver.output.stderr;
    for (const secret of [
      'Ana Reyes',
      'Eve',
      '010-4477',
      '5550104477',
      'ana@example.org',
      'Please call after 10',
      'voicemail',
      'daughter',
    ]) {
      assert.equal(log.includes(secret), false, secret);
    }
    assert.ok(
      receiver.lines.some((line) => line.includes('"/inbox/sign-in"')),
      'requests are logged, by path',
    );
  });
});
