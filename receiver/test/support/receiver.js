// Runs the real receiver (the built bin) as a child process on a free port, for black-box tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/second-opinion-check-receiver.js', import.meta.url));

/** A fresh folder for a test's SQLite file; removed by `cleanup()`. */
export function scratchDir(prefix = 'receiver-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    db: `sqlite:${join(dir, 'callbacks.db')}`,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs a CLI command to completion: {code, stdout, stderr}. */
export function runCli(args, { env = {}, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/**
 * Starts `serve` with the given flags on a free port and resolves once it listens.
 * Returns its URL, every log line it printed, and ways to stop it gently or with SIGKILL.
 */
export async function startReceiver({ args = [], env = {}, db } = {}) {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--insecure-cookies', ...(db ? ['--db', db] : []), ...args],
    {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines = [];
  const output = { stdout: '', stderr: '' };
  let exited = false;
  const exit = new Promise((resolve) =>
    child.on('exit', (code, signal) => ((exited = true), resolve({ code, signal }))),
  );
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`receiver did not start:\n${output.stdout}\n${output.stderr}`)),
      20_000,
    );
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      output.stdout += chunk;
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        lines.push(line);
        try {
          const entry = JSON.parse(line);
          if (entry.msg === 'receiver listening') {
            clearTimeout(timer);
            resolve(`http://127.0.0.1:${entry.port}`);
          }
        } catch {
          // not JSON: kept in lines all the same
        }
      }
    });
    child.stderr.on('data', (chunk) => (output.stderr += chunk));
    exit.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`receiver exited with ${code} before listening:\n${output.stdout}\n${output.stderr}`));
    });
  });
  return {
    url,
    child,
    /** Every stdout line so far (JSON log entries). */
    lines,
    output,
    exit,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
    async kill9() {
      if (!exited) child.kill('SIGKILL');
      await exit;
    },
  };
}

/** A valid §4 body; `overrides` replace keys (undefined removes one). */
export function validBody(overrides = {}) {
  const body = {
    id: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    name: 'Ana Reyes',
    phone: '+1 (555) 010-4477',
    email: 'ana@example.org',
    bestTime: 'morning',
    voicemailOk: true,
    forSomeoneElse: false,
    language: 'es',
    message: 'Please call after 10.',
    consent: true,
    selfCheck: { level: 'recommended', answers: { serious: 'yes', surgery: 'no' }, barriers: ['time'] },
    page: 'https://clinic.example/second-opinion',
    widgetVersion: '0.1.0',
    ...overrides,
  };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete body[key];
  return body;
}

/** POSTs a body (an object, or a raw string) to /api/callback. */
export async function postCallback(baseUrl, body, { key, headers = {}, contentType = 'application/json' } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const idempotencyKey = key === undefined ? (typeof body === 'object' ? body.id : undefined) : key;
  const response = await fetch(`${baseUrl}/api/callback`, {
    method: 'POST',
    headers: {
      ...(contentType ? { 'Content-Type': contentType } : {}),
      ...(idempotencyKey !== null && idempotencyKey !== undefined ? { 'Idempotency-Key': idempotencyKey } : {}),
      ...headers,
    },
    body: raw,
  });
  return readAnswer(response);
}

/** A fetch response as tests look at it: status, headers, text, and its JSON when it is JSON. */
export async function readAnswer(response) {
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}
