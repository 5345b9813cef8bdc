/**
 * A call-back request endpoint for the test runner's own server that fails on purpose, so the
 * delivery client and the form are tested against real HTTP, never a stubbed `fetch`.
 *
 *   POST /api/callback?scenario=<name>[&fails=N][&delay=ms][&retryAfter=s][&retryAfterDate=s][&tag=t]
 *   POST /api/callback/<name>?...      the same, scenario in the path
 *
 * Scenarios. "Try" is the n-th POST with the same Idempotency-Key and scenario; the first
 * `fails` tries fail (default 1), later ones succeed with 200 `{"reference":"REF-<first 8 of key>"}`.
 *   ok               200 with a JSON reference
 *   ok-empty         200, `Content-Type: application/json`, empty body
 *   ok-204           204 No Content
 *   ok-malformed     200, `Content-Type: application/json`, body is not valid JSON
 *   <status>-then-ok that status, then ok (e.g. 500-then-ok, 502-then-ok, 408-then-ok)
 *   503-retry-after  503 with `Retry-After: 1`, then ok
 *   429-then-ok      429 (no Retry-After unless asked for), then ok
 *   <status>         that status on every try (e.g. 400, 404, 422, 500)
 *   always-500       500 on every try
 *   drop-then-ok     the connection is destroyed without an answer, then ok
 *   drop             every connection is destroyed
 *   hang-then-ok     no answer for `delay` ms (default 2000; pass more than the client's
 *                    timeout), then ok; later tries answer at once
 *   hang             every try hangs for `delay` ms, then answers ok if the client is still there
 *   redirect         `status` (default 307) with `Location:` the same request as scenario ok,
 *                    on every try: a misconfigured endpoint. A client that follows it shows up
 *                    in the log as a POST with scenario `ok` and the same tag
 * On any failing status, `retryAfter=<s>` adds `Retry-After: <s>` and `retryAfterDate=<s>` adds
 * it as an HTTP date that many seconds ahead. `tag` is free text for finding requests in the log
 * (preflights carry no Idempotency-Key, so a tag is the only way to find them).
 *
 * Browsers re-send a request on their own, unseen by the page, when a reused keep-alive
 * connection closes before any byte of the answer, and Chromium also when it answers 408. So a
 * drop or a 408 that arrives on a reused connection is first bounced (closed, logged as
 * 'dropped-resent', not counted as a try): the browser re-sends it on a fresh connection, where
 * the fault reaches the page. The counts below are therefore the tries the client itself made.
 *
 *   GET  /api/callback/log[?key=K][&tag=T][&scenario=S]
 *        → {requests: [...], attempts, delivered}; each request records its method, scenario,
 *        tag, key (the Idempotency-Key header), attempt (try number), time (server clock, ms),
 *        contentType, hasCookie, hasReferer, origin, body (parsed JSON when it parses) and
 *        outcome (status sent, 'dropped', 'dropped-resent', 'hanging' or 'client-gone').
 *        `attempts` counts the client's POSTs, `delivered` the 2xx answers it actually got.
 *   POST /api/callback/reset[?key=K][&tag=T][&scenario=S]   forget matching requests (all
 *        without a filter; parallel test files should filter by their own keys or tags).
 *
 * CORS: every /api/callback route echoes the request's Origin, exposes `Retry-After` (not a
 * CORS-safelisted response header, so a cross-origin client cannot read it otherwise) and
 * answers the preflight that `Content-Type: application/json` plus `Idempotency-Key` cause.
 * These are the headers a clinic's real endpoint needs when the widget is on another origin.
 */

const PREFIX = '/api/callback';

/** Everything received, oldest first; also the source of the try counts. */
let requests = [];
/** How many requests each connection has carried, to tell fresh connections from reused ones. */
const requestsOnSocket = new WeakMap();

/** The POSTs among `entries` that the client saw fail or succeed (browser re-sends excluded). */
const tries = (entries) => entries.filter((e) => e.method === 'POST' && e.outcome !== 'dropped-resent').length;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function setCorsHeaders(ctx) {
  const origin = ctx.get('Origin');
  if (origin) ctx.set('Access-Control-Allow-Origin', origin);
  ctx.set('Vary', 'Origin');
  ctx.set('Access-Control-Expose-Headers', 'Retry-After');
}

function matches(entry, query) {
  return ['key', 'tag', 'scenario'].every((k) => !query[k] || entry[k] === query[k]);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function answerOk(ctx, entry, scenario) {
  const key = String(entry.key ?? '');
  if (scenario === 'ok-204') {
    ctx.status = 204;
  } else if (scenario === 'ok-empty' || scenario === 'ok-malformed') {
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = scenario === 'ok-empty' ? '' : '{"reference": "REF-';
  } else {
    ctx.status = 200;
    ctx.body = { reference: `REF-${key.slice(0, 8).toUpperCase()}` };
  }
  entry.outcome = ctx.status;
}

/** What a try of `scenario` gets: 'ok', 'drop', 'hang' or an HTTP status; null if unknown. */
function faultFor(scenario, failing) {
  if (scenario.startsWith('ok')) return 'ok';
  if (scenario === 'drop' || scenario === 'hang') return scenario;
  if (scenario === 'always-500') return 500;
  const named = { 'drop-then-ok': 'drop', 'hang-then-ok': 'hang', '503-retry-after': 503 };
  const status = /^(\d{3})(-then-ok)?$/.exec(scenario);
  const fault = named[scenario] ?? (status ? Number(status[1]) : null);
  if (fault === null) return null;
  return failing || (status && !status[2]) ? fault : 'ok';
}

function drop(ctx, entry, outcome) {
  // Set a status first: otherwise the runner's logger reports a 404 for this request.
  ctx.status = 500;
  ctx.respond = false;
  entry.outcome = outcome;
  entry.droppedAt = Date.now();
  ctx.req.socket.destroy();
}

/**
 * A browser may also re-send by itself on a socket this server has not seen used (Chromium
 * counts a preconnected idle socket as reused). Such a re-send comes within a few ms of the
 * drop, sooner than any client retry (tests keep backoff at 25 ms or more), so the first drop
 * is re-labelled 'dropped-resent' and the fault is served again, to reach the client.
 */
const BROWSER_RESEND_MS = 15;
function relabelBrowserResend(scenario, key) {
  const previous = requests.findLast((e) => e.method === 'POST' && e.scenario === scenario && e.key === key);
  if (key && previous?.outcome === 'dropped' && Date.now() - previous.droppedAt < BROWSER_RESEND_MS) {
    previous.outcome = 'dropped-resent';
  }
}

function redirect(ctx, entry) {
  const target = new URLSearchParams(ctx.querystring);
  target.set('scenario', 'ok');
  ctx.status = Number(ctx.query.status ?? 307);
  ctx.set('Location', `${PREFIX}?${target}`);
  entry.outcome = ctx.status;
}

async function handlePost(ctx, scenario) {
  const q = ctx.query;
  const key = ctx.get('Idempotency-Key') || null;
  relabelBrowserResend(scenario, key);
  const attempt = tries(requests.filter((e) => e.scenario === scenario && e.key === key)) + 1;
  const entry = {
    method: 'POST',
    scenario,
    tag: q.tag ?? null,
    key,
    attempt,
    time: Date.now(),
    contentType: ctx.get('Content-Type') || null,
    hasCookie: Boolean(ctx.get('Cookie')),
    hasReferer: Boolean(ctx.get('Referer')),
    origin: ctx.get('Origin') || null,
    body: await readBody(ctx.req),
    outcome: null,
  };
  requests.push(entry);

  if (scenario === 'redirect') return redirect(ctx, entry);
  const fault = faultFor(scenario, attempt <= Number(q.fails ?? 1));
  if (fault === null) {
    ctx.status = 400;
    ctx.body = { error: `unknown scenario "${scenario}"` };
    entry.outcome = 400;
    return;
  }
  // Browsers hide two faults from the page on a reused keep-alive connection: they re-send the
  // request by themselves when the connection closes before any byte of the answer (all), or
  // when the answer is 408 (Chromium). To let the client see the fault, such a try is first
  // bounced: the connection is closed, the browser re-sends on a fresh one, and the bounce is
  // logged as 'dropped-resent' and is not a try.
  if ((fault === 'drop' || fault === 408) && (requestsOnSocket.get(ctx.req.socket) ?? 0) > 1) {
    return drop(ctx, entry, 'dropped-resent');
  }
  if (fault === 'drop') return drop(ctx, entry, 'dropped');
  if (fault === 'hang') {
    entry.outcome = 'hanging';
    await sleep(Number(q.delay ?? 2000));
    // The client gave up (its timeout): nothing is delivered.
    if (ctx.res.destroyed || ctx.req.socket.destroyed) return drop(ctx, entry, 'client-gone');
  }
  if (fault === 'ok' || fault === 'hang') return answerOk(ctx, entry, scenario);

  const retryAfter = q.retryAfter ?? (scenario === '503-retry-after' ? '1' : undefined);
  if (retryAfter !== undefined) ctx.set('Retry-After', String(retryAfter));
  if (q.retryAfterDate !== undefined) {
    ctx.set('Retry-After', new Date(Date.now() + Number(q.retryAfterDate) * 1000).toUTCString());
  }
  ctx.status = fault;
  ctx.body = { error: `scenario ${scenario}, try ${attempt}` };
  entry.outcome = fault;
}

/** Koa middleware; exported on its own for a config's `middleware` list. */
export async function faultMiddleware(ctx, next) {
  const socket = ctx.req.socket;
  requestsOnSocket.set(socket, (requestsOnSocket.get(socket) ?? 0) + 1);
  if (ctx.path !== PREFIX && !ctx.path.startsWith(`${PREFIX}/`)) return next();
  setCorsHeaders(ctx);
  ctx.set('Cache-Control', 'no-store');
  const rest = ctx.path.slice(PREFIX.length + 1);

  if (ctx.method === 'OPTIONS') {
    requests.push({
      method: 'OPTIONS',
      scenario: rest || String(ctx.query.scenario ?? 'ok'),
      tag: ctx.query.tag ?? null,
      time: Date.now(),
      origin: ctx.get('Origin') || null,
      requestHeaders: ctx.get('Access-Control-Request-Headers') || null,
    });
    ctx.set('Access-Control-Allow-Methods', 'POST');
    ctx.set('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
    // Chrome's Private Network Access preflight (a public page posting to a local endpoint).
    if (ctx.get('Access-Control-Request-Private-Network')) {
      ctx.set('Access-Control-Allow-Private-Network', 'true');
    }
    ctx.status = 204;
    return;
  }
  if (rest === 'log' && ctx.method === 'GET') {
    const found = requests.filter((e) => matches(e, ctx.query));
    ctx.body = {
      requests: found,
      attempts: tries(found),
      delivered: found.filter((e) => typeof e.outcome === 'number' && e.outcome < 300).length,
    };
    return;
  }
  if (rest === 'reset' && ctx.method === 'POST') {
    requests = requests.filter((e) => !matches(e, ctx.query));
    ctx.status = 204;
    return;
  }
  if (ctx.method === 'POST' && rest !== 'log' && rest !== 'reset') {
    return handlePost(ctx, rest || String(ctx.query.scenario ?? 'ok'));
  }
  ctx.status = 405;
  ctx.set('Allow', 'GET, POST, OPTIONS');
}

/** The test-runner plugin that mounts {@link faultMiddleware} in front of everything else. */
export function faultEndpoint() {
  return {
    name: 'fault-endpoint',
    serverStart({ app, server }) {
      if (app.middleware.includes(faultMiddleware)) return;
      app.middleware.unshift(faultMiddleware);
      // Koa composes its middleware list once, when the dev server creates its HTTP server,
      // which is before plugins start; an `app.use()` here would never run. Swap in a
      // handler composed from the new list.
      if (server) {
        server.removeAllListeners('request');
        server.on('request', app.callback());
      }
    },
  };
}
