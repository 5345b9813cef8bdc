// End to end in Chromium: the built widget on a clinic's page (one origin) sends its call-back
// request to the receiver (another origin, allowed by --allow-origin); the patient sees the
// reference, and the request is stored as sent. A page on an origin that is not allowed cannot.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { runCli, scratchDir, startReceiver } from './support/receiver.js';

const BUNDLE = fileURLToPath(new URL('../../dist/second-opinion-check.js', import.meta.url));

/** A clinic's page with the widget's script tag, served on its own port; `endpoint` set later. */
async function startClinicSite() {
  let endpoint = 'about:blank';
  const page = () => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Riverside Clinic: second opinions</title>
    <script type="module" src="/second-opinion-check.js"></script>
  </head>
  <body>
    <main>
      <h1>Second opinions at Riverside Clinic</h1>
      <second-opinion-check
        clinic-name="Riverside Clinic"
        phone="(555) 010-4477"
        email="care@riverside.example"
        endpoint="${endpoint}"
      ></second-opinion-check>
    </main>
  </body>
</html>`;
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/second-opinion-check.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(BUNDLE));
    } else if (path === '/second-opinion') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page());
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    set endpoint(url) {
      endpoint = url;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function exported(db) {
  const result = await runCli(['export', '--format', 'json', '--db', db]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
}

/** Opens the call-back form and fills it in as a patient would, by the labels on screen. */
async function fillForm(page) {
  await page.getByRole('button', { name: 'Contact Riverside Clinic' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Marisol Ortega');
  await page.getByRole('textbox', { name: 'Phone number' }).fill('(555) 010-2323');
  await page.getByRole('textbox', { name: 'Email address' }).fill('marisol@example.org');
  await page.getByRole('radio', { name: 'Afternoon' }).check();
  await page.getByRole('checkbox', { name: 'It is OK to leave a voicemail' }).check();
  await page.getByRole('textbox', { name: 'Message (optional)' }).fill('Please call my mobile.');
  await page
    .getByRole('checkbox', { name: 'I agree that Riverside Clinic may contact me about this request.' })
    .check();
}

describe('end to end in Chromium', () => {
  let browser;
  before(async () => {
    assert.ok(
      existsSync(BUNDLE),
      `The built widget ${BUNDLE} is missing: run "npm run build" at the project root first.`,
    );
    browser = await chromium.launch({
      executablePath: CHROME_PATH,
      args: CHROMIUM_ARGS,
    });
  });
  after(async () => {
    await browser?.close();
  });

  it('the patient sends the form to the receiver on another origin and sees the reference', async () => {
    const scratch = scratchDir();
    const site = await startClinicSite();
    let receiver;
    try {
      receiver = await startReceiver({
        db: scratch.db,
        args: ['--reference-prefix', 'RVS', '--allow-origin', site.origin],
      });
      site.endpoint = `${receiver.url}/api/callback`;

      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${site.origin}/second-opinion?utm_source=newsletter&patient=marisol`);
      await fillForm(page);
      await page.getByRole('button', { name: 'Ask for a call back' }).click();

      await page.getByText('Your reference is RVS-0001.').waitFor({ timeout: 15_000 });
      await page.getByRole('heading', { name: 'Your request was sent' }).waitFor();
      assert.deepEqual(errors, []);
      await context.close();

      const rows = await exported(scratch.db);
      assert.equal(rows.length, 1);
      const [row] = rows;
      assert.equal(row.reference, 'RVS-0001');
      assert.equal(row.name, 'Marisol Ortega');
      assert.equal(row.phone, '(555) 010-2323');
      assert.equal(row.email, 'marisol@example.org');
      assert.equal(row.bestTime, 'afternoon');
      assert.equal(row.voicemailOk, true);
      assert.equal(row.forSomeoneElse, false);
      assert.equal(row.message, 'Please call my mobile.');
      assert.equal(row.consent, true);
      assert.equal(row.language, 'en');
      assert.equal(row.page, `${site.origin}/second-opinion`, 'the page without its query');
      assert.equal(row.status, 'new');
    } finally {
      await receiver?.stop();
      await site.close();
      scratch.cleanup();
    }
  });

  it('from an origin that is not allowed, the browser cannot send and nothing is stored', async () => {
    const scratch = scratchDir();
    const receiver = await startReceiver({ db: scratch.db, args: ['--allow-origin', 'https://riverside.example'] });
    const site = await startClinicSite();
    site.endpoint = `${receiver.url}/api/callback`;
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${site.origin}/second-opinion`);
      await fillForm(page);
      await page.getByRole('button', { name: 'Ask for a call back' }).click();
      // Every try is refused by the browser (CORS), so the patient is told it was not sent.
      await page.getByText('Your request was not sent', { exact: false }).first().waitFor({ timeout: 40_000 });
      assert.equal(await page.getByText(/Your reference is/).count(), 0);
      await context.close();
      assert.deepEqual(await exported(scratch.db), [], 'a preflight refused: the POST never reached the receiver');
    } finally {
      await receiver.stop();
      await site.close();
      scratch.cleanup();
    }
  });
});
