/**
 * `npm start`'s back end: a real call-back receiver on an embedded SQLite file in `.demo/`, with a
 * demo staff account, and the demo page's fault switch in front of it. The page posts to
 * `/api/callback` on the dev server; unless a fault is switched on, the request goes on to the
 * receiver unchanged and its answer comes back unchanged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export type DemoFault = 'success' | 'error-then-success' | 'slow' | 'reject' | 'drop';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../receiver/bin/second-opinion-check-receiver.js', import.meta.url));
const DATA_DIR = fileURLToPath(new URL('../.demo/', import.meta.url));
export const RECEIVER_PORT = Number(process.env.DEMO_RECEIVER_PORT ?? 8787);
export const RECEIVER_URL = `http://127.0.0.1:${RECEIVER_PORT}`;
/** A demo account on a demo database on this machine only; never use it anywhere else. */
const DEMO_STAFF = { email: 'frontdesk@riverside.example', password: 'riverside-demo' };

let fault: DemoFault = 'success';
/** Tries seen per Idempotency-Key, so "error then success" fails only the first. */
const tries = new Map<string, number>();

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

function send(res: ServerResponse, status: number, body?: object) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(body ? JSON.stringify(body) : undefined);
}

function runReceiver(args: string[], input?: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['pipe', 'ignore', 'inherit'] });
    child.on('exit', (code) => resolve(code ?? 1));
    child.stdin.end(input ?? '');
  });
}

export function demoReceiver(): Plugin {
  let receiver: ChildProcess | undefined;
  return {
    name: 'demo-receiver',
    async configureServer(server) {
      if (!existsSync(fileURLToPath(new URL('../receiver/dist/cli.js', import.meta.url)))) {
        throw new Error('The receiver is not built: run `npm run build -w second-opinion-check-receiver` first.');
      }
      mkdirSync(DATA_DIR, { recursive: true });
      const db = `sqlite:${DATA_DIR}callbacks.db`;
      await runReceiver(['add-user', DEMO_STAFF.email, '--admin', '--db', db], `${DEMO_STAFF.password}\n`);
      receiver = spawn(
        process.execPath,
        [BIN, 'serve', '--db', db, '--port', String(RECEIVER_PORT), '--insecure-cookies', '--reference-prefix', 'RCC'],
        // Its JSON log lines (method, path, status, time; never a patient's details) stay quiet.
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, LOG_LEVEL: 'warn' } },
      );
      receiver.on('exit', (code, signal) => {
        if (signal !== 'SIGTERM') server.config.logger.error(`[receiver] stopped (${signal ?? code})`);
      });
      server.httpServer?.once('close', () => receiver?.kill('SIGTERM'));
      process.once('exit', () => receiver?.kill('SIGTERM'));
      server.httpServer?.once('listening', () => {
        setTimeout(() => {
          server.config.logger.info(
            [
              '',
              `  Staff inbox: ${RECEIVER_URL}/inbox`,
              `  Demo sign-in: ${DEMO_STAFF.email} / ${DEMO_STAFF.password}`,
              `  Requests are stored in .demo/callbacks.db (delete the folder to start afresh).`,
              '',
            ].join('\n'),
          );
        }, 200);
      });

      server.middlewares.use('/api/demo-fault', async (req, res) => {
        if (req.method === 'POST') fault = JSON.parse(await readBody(req)).fault as DemoFault;
        send(res, 200, { fault });
      });
      server.middlewares.use('/api/callback', async (req, res) => {
        const key = String(req.headers['idempotency-key'] ?? '');
        const body = await readBody(req);
        const attempt = (tries.get(key) ?? 0) + 1;
        tries.set(key, attempt);
        switch (fault) {
          case 'error-then-success':
            if (attempt === 1) return send(res, 500, { error: 'simulated' });
            break;
          case 'slow':
            await new Promise((resolve) => setTimeout(resolve, 4000));
            break;
          case 'reject':
            return send(res, 400, { error: 'simulated' });
          case 'drop':
            return req.socket.destroy();
        }
        try {
          const answer = await fetch(`${RECEIVER_URL}/api/callback`, {
            method: req.method ?? 'POST',
            headers: {
              'Content-Type': String(req.headers['content-type'] ?? ''),
              ...(key ? { 'Idempotency-Key': key } : {}),
            },
            body,
          });
          const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
          for (const name of ['retry-after', 'idempotent-replayed']) {
            const value = answer.headers.get(name);
            if (value) headers[name] = value;
          }
          res.writeHead(answer.status, headers);
          res.end(await answer.text());
        } catch {
          send(res, 503, { error: 'receiver-starting' });
        }
      });
    },
  };
}
