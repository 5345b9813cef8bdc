/**
 * The demo's call-back endpoint, a dev-server middleware: it accepts requests, logs them in the
 * terminal, and fails on purpose when the demo page's "Endpoint behaviour" switch says so.
 * It is a demonstration, not a receiver to deploy (see the README for one).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

export type DemoFault = 'success' | 'error-then-success' | 'slow' | 'reject' | 'drop';

let fault: DemoFault = 'success';
/** Tries seen per Idempotency-Key, so "error then success" fails only the first. */
const tries = new Map<string, number>();
const delivered = new Set<string>();

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

function send(res: ServerResponse, status: number, body?: object, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(body ? JSON.stringify(body) : undefined);
}

export function callbackEndpoint(): Plugin {
  return {
    name: 'demo-callback-endpoint',
    configureServer(server) {
      server.middlewares.use('/api/demo-fault', async (req, res) => {
        if (req.method === 'POST') fault = JSON.parse(await readBody(req)).fault as DemoFault;
        send(res, 200, { fault });
      });
      server.middlewares.use('/api/callback', async (req, res) => {
        if (req.method !== 'POST') return send(res, 405, { error: 'POST only' }, { Allow: 'POST' });
        const key = String(req.headers['idempotency-key'] ?? '');
        const body = await readBody(req);
        const attempt = (tries.get(key) ?? 0) + 1;
        tries.set(key, attempt);
        server.config.logger.info(`[callback] try ${attempt} key=${key} fault=${fault}\n${body}`);
        switch (fault) {
          case 'error-then-success':
            if (attempt === 1) return send(res, 500, { error: 'Simulated server error' });
            break;
          case 'slow':
            await new Promise((resolve) => setTimeout(resolve, 4000));
            break;
          case 'reject':
            return send(res, 400, { error: 'Simulated rejection' });
          case 'drop':
            return req.socket.destroy();
        }
        // A repeat of a delivered request (its answer got lost) is answered again, not stored twice.
        if (delivered.has(key)) server.config.logger.info(`[callback] ${key} was already delivered: not stored again`);
        delivered.add(key);
        send(res, 201, { reference: `RCC-${key.slice(0, 6).toUpperCase()}` });
      });
    },
  };
}
