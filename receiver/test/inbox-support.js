// Shared by the inbox tests: Chromium through playwright-core, staff accounts, sign-in, axe.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/chromium.js';
import { runCli } from './support/receiver.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(join(require.resolve('axe-core'), '..', 'axe.min.js'), 'utf8');

export const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'";
export const PASSWORD = 'correct horse battery';

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: CHROMIUM_ARGS,
  });
}

/** Adds a staff account through the CLI, the way a clinic does. */
export async function addUser(db, email, { admin = false, password = PASSWORD } = {}) {
  const result = await runCli(['add-user', email, ...(admin ? ['--admin'] : []), '--db', db], {
    input: `${password}\n`,
  });
  if (result.code !== 0) throw new Error(`add-user failed: ${result.stderr}`);
}

/** Signs in through the form, as a person would, and waits for the list. */
export async function signIn(page, baseUrl, email, password = PASSWORD) {
  await page.goto(`${baseUrl}/inbox/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  return response;
}

/** Runs axe on the page as it is; the context must allow the injected script (bypassCSP). */
export async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/** Opens the SQLite file behind a `sqlite:` URL, for checks the inbox does not show. */
export function openSqlite(dbUrl) {
  return new Database(dbUrl.slice('sqlite:'.length));
}

/** The inbox session cookie of a browser context. */
export async function sessionCookie(context) {
  return (await context.cookies()).find((cookie) => cookie.name === 'inbox_session');
}

/** A GET with a given Cookie header and no redirects followed: {status, location, text}. */
export async function rawGet(url, cookie) {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}
