import { expect } from '@open-wc/testing';
import type { ContactRequest } from '../src/types.ts';
import {
  deliverContactRequest,
  isAllowedEndpoint,
  newRequestId,
  pageAddress,
  parseRetryAfter,
  type DeliveryAttemptError,
  type DeliveryOptions,
  type DeliveryProgress,
  type DeliveryState,
} from '../src/contact/delivery.ts';
import { serverLog, type ServerLog } from './contact-helpers.ts';
import { sleep } from './helpers.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Short waits keep the suite fast; Retry-After tests still wait the server's full second. */
// Backoff of 30–60 ms: quick, yet clearly slower than a browser's own re-send (fault-endpoint.js).
const FAST: DeliveryOptions = { baseDelayMs: 60, timeoutMs: 3000 };

function makeRequest(): ContactRequest {
  return {
    id: newRequestId(),
    createdAt: new Date().toISOString(),
    name: 'Test Patient',
    phone: '+1 (555) 010-0199',
    bestTime: 'morning',
    voicemailOk: true,
    forSomeoneElse: false,
    language: 'en',
    consent: true,
    page: pageAddress(location),
    widgetVersion: '0.0.0-test',
  };
}

function endpoint(scenario: string, params: Record<string, string | number> = {}, origin = location.origin) {
  const url = new URL('/api/callback', origin);
  url.searchParams.set('scenario', scenario);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  return url.href;
}

/** Delivers a fresh request and returns it with the outcome, the failed tries and the server's log. */
async function deliver(scenario: string, params: Record<string, string | number> = {}, options: DeliveryOptions = {}) {
  const request = makeRequest();
  const errors: DeliveryAttemptError[] = [];
  const progress: DeliveryProgress[] = [];
  const outcome = await deliverContactRequest(endpoint(scenario, params), request, {
    ...FAST,
    onAttemptError: (e) => errors.push(e),
    onProgress: (p) => progress.push(p),
    ...options,
  });
  const log = await serverLog({ key: request.id });
  return { request, outcome, errors, progress, log };
}

/** Server-side gap between try n and try n+1, in ms (the browser's own re-sends left out). */
function gap(log: ServerLog, n: number): number {
  const tries = log.requests.filter((r) => r.method === 'POST' && r.outcome !== 'dropped-resent');
  return tries[n]!.time - tries[n - 1]!.time;
}

describe('deliverContactRequest', () => {
  describe('success', () => {
    it('POSTs once and reads the reference from a JSON body', async () => {
      const { request, outcome, log } = await deliver('ok');
      expect(outcome).to.deep.equal({
        ok: true,
        status: 200,
        reference: `REF-${request.id.slice(0, 8).toUpperCase()}`,
        attempts: 1,
      });
      expect(log.attempts).to.equal(1);
      expect(log.delivered).to.equal(1);
    });

    for (const scenario of ['ok-empty', 'ok-204', 'ok-malformed']) {
      it(`treats ${scenario} as delivered, without a reference`, async () => {
        const { outcome, log } = await deliver(scenario);
        expect(outcome.ok).to.equal(true);
        expect(outcome).to.not.have.property('reference');
        expect(outcome.attempts).to.equal(1);
        expect(log.attempts).to.equal(1);
      });
    }

    it('sends exactly the request as JSON, keyed by its id, with no cookie and no referrer', async () => {
      // A cookie for this origin, which a default fetch would send (checked below).
      document.cookie = 'soc_delivery_test=secret; path=/; SameSite=Lax';
      try {
        expect(document.cookie).to.contain('soc_delivery_test=secret');
        const { request, outcome, log } = await deliver('ok');
        expect(outcome.ok).to.equal(true);
        const [seen] = log.requests;
        expect(seen!.contentType).to.match(/^application\/json\b/);
        expect(seen!.key).to.equal(request.id);
        expect(seen!.body).to.deep.equal(request);
        expect(seen!.hasCookie, 'cookie sent').to.equal(false);
        expect(seen!.hasReferer, 'Referer sent').to.equal(false);

        // Control: the same POST without `credentials: 'omit'` does carry the cookie, so the
        // assertion above can fail.
        const control = newRequestId();
        await fetch(endpoint('ok'), { method: 'POST', headers: { 'Idempotency-Key': control }, body: '{}' });
        expect((await serverLog({ key: control })).requests[0]!.hasCookie).to.equal(true);
      } finally {
        document.cookie = 'soc_delivery_test=; path=/; max-age=0';
      }
      expect(document.cookie).to.not.contain('soc_delivery_test');
    });

    it('works cross-origin through the CORS preflight and still reads Retry-After', async () => {
      const other = new URL(location.href);
      other.hostname = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
      const tag = `cors-${newRequestId()}`;
      const request = makeRequest();
      const outcome = await deliverContactRequest(endpoint('503-retry-after', { tag }, other.origin), request, FAST);
      expect(outcome).to.include({ ok: true, attempts: 2 });

      const log = await serverLog({ tag });
      const preflights = log.requests.filter((r) => r.method === 'OPTIONS');
      const posts = log.requests.filter((r) => r.method === 'POST');
      expect(preflights.length).to.be.at.least(1);
      expect(preflights[0]!.requestHeaders).to.contain('idempotency-key');
      expect(posts.map((r) => r.origin)).to.deep.equal([location.origin, location.origin]);
      // Without Access-Control-Expose-Headers the header is invisible and backoff (30–60 ms) is used.
      expect(posts[1]!.time - posts[0]!.time).to.be.at.least(950);
    });
  });

  describe('retries', () => {
    it('retries a 500 and is delivered exactly once, with the same Idempotency-Key', async () => {
      const { request, outcome, errors, log } = await deliver('500-then-ok');
      expect(outcome).to.include({ ok: true, attempts: 2 });
      expect(errors).to.deep.equal([{ attempt: 1, reason: 'http', status: 500, willRetry: true }]);
      expect(log.attempts).to.equal(2);
      expect(log.delivered).to.equal(1);
      expect(log.requests.map((r) => r.key)).to.deep.equal([request.id, request.id]);
      expect(log.requests.map((r) => (r.body as ContactRequest).id)).to.deep.equal([request.id, request.id]);
    });

    it('reports progress: sending, retrying at a time, sending again', async () => {
      const { progress } = await deliver('502-then-ok');
      expect(progress.map((p) => [p.kind, p.attempt, p.maxTries])).to.deep.equal([
        ['sending', 1, 3],
        ['retrying', 2, 3],
        ['sending', 2, 3],
      ]);
      const retrying = progress[1] as Extract<DeliveryProgress, { kind: 'retrying' }>;
      expect(retrying.retryAt)
        .to.be.a('number')
        .and.be.greaterThan(Date.now() - 5000);
    });

    it('backs off exponentially with jitter', async () => {
      const started: number[] = [];
      const delays: number[] = [];
      const { log } = await deliver(
        '500',
        {},
        {
          baseDelayMs: 200,
          onProgress: (p) => {
            if (p.kind === 'retrying') delays.push(p.retryAt - Date.now());
            if (p.kind === 'sending') started.push(Date.now());
          },
        },
      );
      expect(delays).to.have.length(2);
      expect(delays[0]).to.be.within(95, 200); // 50–100 % of 200
      expect(delays[1]).to.be.within(195, 400); // 50–100 % of 400
      expect(gap(log, 1)).to.be.at.least(90);
      expect(gap(log, 2)).to.be.at.least(190);
      expect(started).to.have.length(3);
    });

    it('retries 408', async () => {
      const { outcome, errors, log } = await deliver('408-then-ok');
      expect(outcome).to.include({ ok: true, attempts: 2 });
      expect(errors).to.deep.equal([{ attempt: 1, reason: 'http', status: 408, willRetry: true }]);
      expect(log.attempts).to.equal(2);
      expect(log.delivered).to.equal(1);
    });

    it('honours Retry-After in seconds on a 503', async () => {
      const { outcome, errors, progress, log } = await deliver('503-retry-after');
      expect(outcome).to.include({ ok: true, attempts: 2 });
      expect(errors[0]).to.include({ status: 503, willRetry: true });
      const retrying = progress.find((p) => p.kind === 'retrying');
      // The announced retry time follows Retry-After too (server and browser share the clock).
      expect(retrying?.kind === 'retrying' && retrying.retryAt - log.requests[0]!.time).to.be.at.least(950);
      // baseDelayMs is 60 ms: only Retry-After: 1 explains a wait of a second.
      expect(gap(log, 1)).to.be.at.least(950);
      expect(log.delivered).to.equal(1);
    });

    it('honours Retry-After as an HTTP date on a 429', async () => {
      const { outcome, log } = await deliver('429-then-ok', { retryAfterDate: 2 });
      expect(outcome).to.include({ ok: true, attempts: 2 });
      expect(log.requests[0]!.outcome).to.equal(429);
      // The date has whole seconds, so "2 s ahead" is between 1 and 2 s.
      expect(gap(log, 1)).to.be.within(900, 2500);
    });

    it('caps Retry-After at maxRetryAfterMs', async () => {
      const { outcome, log } = await deliver('503-retry-after', { retryAfter: 120 }, { maxRetryAfterMs: 300 });
      expect(outcome).to.include({ ok: true, attempts: 2 });
      expect(gap(log, 1)).to.be.within(250, 1500);
    });

    it('retries a dropped connection as a network error', async () => {
      const { outcome, errors, log } = await deliver('drop-then-ok');
      expect(outcome).to.include({ ok: true, attempts: 2 });
      expect(errors).to.deep.equal([{ attempt: 1, reason: 'network', willRetry: true }]);
      // 'dropped-resent' entries are the browser's own re-sends (see fault-endpoint.js).
      const seen = log.requests.map((r) => r.outcome).filter((o) => o !== 'dropped-resent');
      expect(seen).to.deep.equal(['dropped', 200]);
      expect(log.delivered).to.equal(1);
    });

    it('gives up on a try that gets no answer in timeoutMs and retries', async () => {
      const startedAt = Date.now();
      const { request, outcome, errors, log } = await deliver('hang-then-ok', { delay: 2000 }, { timeoutMs: 300 });
      expect(outcome).to.include({ ok: true, attempts: 2 });
      expect(errors).to.deep.equal([{ attempt: 1, reason: 'timeout', willRetry: true }]);
      expect(Date.now() - startedAt).to.be.within(280, 1900);
      expect(log.attempts).to.equal(2);
      expect(log.delivered).to.equal(1);
      expect(log.requests.map((r) => r.key)).to.deep.equal([request.id, request.id]);
    });
  });

  describe('failure', () => {
    for (const status of [400, 403, 404, 422]) {
      it(`does not retry ${status}`, async () => {
        const { outcome, errors, log } = await deliver(String(status));
        expect(outcome).to.deep.equal({ ok: false, reason: 'http', status, attempts: 1 });
        expect(errors).to.deep.equal([{ attempt: 1, reason: 'http', status, willRetry: false }]);
        expect(log.attempts).to.equal(1);
      });
    }

    it('stops after 3 tries of 500', async () => {
      const { request, outcome, errors, log } = await deliver('always-500');
      expect(outcome).to.deep.equal({ ok: false, reason: 'http', status: 500, attempts: 3 });
      expect(errors.map((e) => e.willRetry)).to.deep.equal([true, true, false]);
      expect(log.attempts).to.equal(3);
      expect(log.delivered).to.equal(0);
      expect(new Set(log.requests.map((r) => r.key))).to.deep.equal(new Set([request.id]));
    });

    it('stops after maxTries dropped connections, reason network', async () => {
      const { outcome, log } = await deliver('drop', {}, { maxTries: 2 });
      expect(outcome).to.deep.equal({ ok: false, reason: 'network', attempts: 2 });
      expect(log.attempts).to.equal(2);
    });

    it('stops after maxTries timeouts, reason timeout', async () => {
      const { outcome, log } = await deliver('hang', { delay: 1500 }, { timeoutMs: 200, maxTries: 2 });
      expect(outcome).to.deep.equal({ ok: false, reason: 'timeout', attempts: 2 });
      expect(log.attempts).to.equal(2);
    });
  });

  describe('offline', () => {
    const goOffline = () => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const goOnline = () => {
      // Removing the own property uncovers Navigator.prototype's real getter again.
      delete (navigator as { onLine?: boolean }).onLine;
      window.dispatchEvent(new Event('online'));
    };
    afterEach(() => {
      delete (navigator as { onLine?: boolean }).onLine;
    });

    it('sends nothing while offline, then sends once on the online event', async () => {
      goOffline();
      expect(navigator.onLine).to.equal(false);
      const request = makeRequest();
      const progress: DeliveryProgress[] = [];
      const pending = deliverContactRequest(endpoint('ok'), request, { ...FAST, onProgress: (p) => progress.push(p) });

      await sleep(300);
      expect((await serverLog({ key: request.id })).attempts, 'sent while offline').to.equal(0);
      expect(progress).to.deep.equal([{ kind: 'offline', attempt: 1, maxTries: 3 }]);

      goOnline();
      const outcome = await pending;
      expect(outcome).to.include({ ok: true, attempts: 1 });
      const log = await serverLog({ key: request.id });
      expect(log.attempts).to.equal(1);
      expect(progress.map((p) => p.kind)).to.deep.equal(['offline', 'sending']);
    });

    it('does not count time offline between tries as tries', async () => {
      const request = makeRequest();
      const kinds: string[] = [];
      const pending = deliverContactRequest(endpoint('500-then-ok', { fails: 2 }), request, {
        ...FAST,
        onAttemptError: (e) => {
          if (e.attempt === 1) goOffline();
        },
        onProgress: (p) => kinds.push(p.kind),
      });
      await sleep(300);
      expect((await serverLog({ key: request.id })).attempts).to.equal(1);
      goOnline();
      const outcome = await pending;
      // Two 500s and the success fit in 3 tries only if the offline wait used none of them.
      expect(outcome).to.include({ ok: true, attempts: 3 });
      expect(kinds).to.deep.equal(['sending', 'retrying', 'offline', 'sending', 'retrying', 'sending']);
      expect((await serverLog({ key: request.id })).attempts).to.equal(3);
    });

    it('does not count a try that failed because the connection went away', async () => {
      const request = makeRequest();
      const kinds: string[] = [];
      const errors: DeliveryAttemptError[] = [];
      const pending = deliverContactRequest(endpoint('drop-then-ok'), request, {
        ...FAST,
        maxTries: 1,
        onAttemptError: (e) => errors.push(e),
        onProgress: (p) => {
          kinds.push(p.kind);
          // Offline while the first try is out: its network error is the connection's fault.
          if (kinds.length === 1) goOffline();
        },
      });
      await sleep(200);
      goOnline();
      const outcome = await pending;
      // maxTries is 1: a second try happens only because the first one did not count.
      expect(outcome).to.include({ ok: true, attempts: 1 });
      expect(errors).to.deep.equal([{ attempt: 1, reason: 'network', willRetry: true }]);
      expect(kinds).to.deep.equal(['sending', 'offline', 'sending']);
    });
  });

  describe('resuming with the state of an aborted delivery', () => {
    it('keeps the tries and the retry wait: 5 aborts in a row still make 3 tries in all', async () => {
      const request = makeRequest();
      const url = endpoint('always-500');
      const state: DeliveryState = { tries: 0 };
      const options = { ...FAST, baseDelayMs: 400, state };
      for (let i = 0; i < 5; i++) {
        const controller = new AbortController();
        const delivery = deliverContactRequest(url, request, { ...options, signal: controller.signal });
        await sleep(40);
        controller.abort();
        expect((await delivery).ok).to.equal(false);
      }
      const errors: DeliveryAttemptError[] = [];
      const outcome = await deliverContactRequest(url, request, { ...options, onAttemptError: (e) => errors.push(e) });
      expect(outcome).to.deep.equal({ ok: false, reason: 'http', status: 500, attempts: 3 });
      expect(errors.at(-1)).to.deep.equal({ attempt: 3, reason: 'http', status: 500, willRetry: false });
      const log = await serverLog({ key: request.id });
      expect(log.attempts).to.equal(3);
      // Backoff of 200–400 ms before try 2 and 400–800 ms before try 3, aborts or not.
      expect(gap(log, 1), 'ms before try 2').to.be.at.least(190);
      expect(gap(log, 2), 'ms before try 3').to.be.at.least(390);
    });

    it('reports the wait it resumes into, and sends when it is over', async () => {
      const request = makeRequest();
      const retryAt = Date.now() + 300;
      const progress: DeliveryProgress[] = [];
      const outcome = await deliverContactRequest(endpoint('ok'), request, {
        ...FAST,
        state: { tries: 1, retryAt },
        onProgress: (p) => progress.push(p),
      });
      expect(outcome).to.include({ ok: true, attempts: 2 });
      expect(progress).to.deep.equal([
        { kind: 'retrying', attempt: 2, maxTries: 3, retryAt },
        { kind: 'sending', attempt: 2, maxTries: 3 },
      ]);
      const log = await serverLog({ key: request.id });
      expect(log.requests[0]!.time, 'sent after the wait').to.be.at.least(retryAt - 20);
    });

    it('sends nothing more when its last try was cut short', async () => {
      const { outcome, errors, log } = await deliver('ok', {}, { state: { tries: 3 } });
      expect(outcome).to.deep.equal({ ok: false, reason: 'network', attempts: 3 });
      expect(errors).to.deep.equal([{ attempt: 3, reason: 'network', willRetry: false }]);
      expect(log.attempts).to.equal(0);
    });
  });

  describe('redirects', () => {
    for (const [status, origin] of [
      [307, 'same'],
      [302, 'same'],
      [308, 'other'],
    ] as const) {
      it(`a ${status} from a ${origin}-origin endpoint is a configuration error: not followed, not retried`, async () => {
        const other = new URL(location.href);
        other.hostname = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
        const request = makeRequest();
        const tag = `redirect-${newRequestId()}`;
        const errors: DeliveryAttemptError[] = [];
        const outcome = await deliverContactRequest(
          endpoint('redirect', { status, tag }, origin === 'same' ? location.origin : other.origin),
          request,
          { ...FAST, onAttemptError: (e) => errors.push(e) },
        );
        expect(outcome).to.deep.equal({ ok: false, reason: 'redirect', attempts: 1 });
        expect(errors).to.deep.equal([{ attempt: 1, reason: 'redirect', willRetry: false }]);
        await sleep(200);
        const log = await serverLog({ tag });
        const posted = log.requests.filter((r) => r.method === 'POST');
        expect(posted.map((r) => [r.scenario, r.outcome])).to.deep.equal([['redirect', status]]);
      });
    }
  });

  describe('abort', () => {
    it('sends nothing when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const { outcome, log } = await deliver('ok', {}, { signal: controller.signal });
      expect(outcome).to.deep.equal({ ok: false, reason: 'aborted', attempts: 0 });
      expect(log.attempts).to.equal(0);
    });

    it('cuts the try in flight short', async () => {
      const controller = new AbortController();
      const startedAt = Date.now();
      setTimeout(() => controller.abort(), 200);
      const { outcome, errors, log } = await deliver('hang', { delay: 3000 }, { signal: controller.signal });
      expect(outcome).to.deep.equal({ ok: false, reason: 'aborted', attempts: 1 });
      expect(errors).to.deep.equal([]);
      expect(Date.now() - startedAt).to.be.below(1500);
      expect(log.attempts).to.equal(1);
    });

    it('stops waiting for a retry at once', async () => {
      const controller = new AbortController();
      const request = makeRequest();
      let abortedAt = 0;
      const outcome = await deliverContactRequest(endpoint('500-then-ok'), request, {
        baseDelayMs: 500, // the retry would come 250–500 ms later
        signal: controller.signal,
        onProgress: (p) => {
          if (p.kind !== 'retrying') return;
          abortedAt = Date.now();
          controller.abort();
        },
      });
      expect(outcome).to.deep.equal({ ok: false, reason: 'aborted', attempts: 1 });
      expect(Date.now() - abortedAt).to.be.below(200);
      await sleep(550);
      expect((await serverLog({ key: request.id })).attempts).to.equal(1);
    });

    it('clears the retry wait’s timer', async () => {
      const controller = new AbortController();
      // Timers of 5 s or more here can only be the retry wait (a try's timeout is 3 s).
      const pending = new Set<unknown>();
      const { setTimeout: realSet, clearTimeout: realClear } = window;
      window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
        const handle = realSet(handler, ms, ...rest);
        if ((ms ?? 0) >= 5000) pending.add(handle);
        return handle;
      }) as typeof setTimeout;
      window.clearTimeout = ((handle?: number) => {
        if (handle !== undefined) pending.delete(handle);
        realClear(handle);
      }) as typeof clearTimeout;
      try {
        const { outcome } = await deliver(
          '500-then-ok',
          {},
          {
            baseDelayMs: 20_000,
            signal: controller.signal,
            onProgress: (p) => p.kind === 'retrying' && controller.abort(),
          },
        );
        expect(outcome).to.deep.equal({ ok: false, reason: 'aborted', attempts: 1 });
        expect(pending.size, 'retry timers left running').to.equal(0);
      } finally {
        window.setTimeout = realSet;
        window.clearTimeout = realClear;
      }
    });

    it('stops waiting for the online event', async () => {
      const controller = new AbortController();
      const outcome = deliverContactRequest(endpoint('ok'), makeRequest(), {
        signal: controller.signal,
        isOnline: () => false,
        waitForOnline: () => new Promise(() => {}),
      });
      controller.abort();
      expect(await outcome).to.deep.equal({ ok: false, reason: 'aborted', attempts: 0 });
    });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
  const table: Array<[string | null, number | undefined]> = [
    ['1', 1000],
    ['0', 0],
    [' 120 ', 120_000],
    ['Wed, 21 Oct 2026 07:28:05 GMT', 5000],
    ['Wed, 21 Oct 2026 07:27:00 GMT', 0],
    ['1.5', undefined],
    ['-1', undefined],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ];
  for (const [value, expected] of table) {
    it(`reads ${JSON.stringify(value)} as ${expected}`, () => {
      expect(parseRetryAfter(value, now)).to.equal(expected);
    });
  }
});

describe('newRequestId', () => {
  it('makes distinct version 4 UUIDs', () => {
    const ids = Array.from({ length: 100 }, newRequestId);
    for (const id of ids) expect(id).to.match(UUID_V4);
    expect(new Set(ids).size).to.equal(100);
  });

  it('makes them without crypto.randomUUID (pages served over plain http)', () => {
    Object.defineProperty(crypto, 'randomUUID', { configurable: true, value: undefined });
    try {
      const ids = Array.from({ length: 100 }, newRequestId);
      for (const id of ids) expect(id).to.match(UUID_V4);
      expect(new Set(ids).size).to.equal(100);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(crypto.randomUUID).to.be.a('function');
  });
});

describe('pageAddress', () => {
  it('keeps origin and path, drops query and hash', () => {
    expect(pageAddress(new URL('https://clinic.example/oncology/second-opinion?patient=42&ref=mail#contact'))).to.equal(
      'https://clinic.example/oncology/second-opinion',
    );
    expect(pageAddress(new URL('http://localhost:8000/?q=1'))).to.equal('http://localhost:8000/');
    expect(pageAddress({ origin: 'https://clinic.example', pathname: '/a/b' })).to.equal('https://clinic.example/a/b');
  });

  it('works on the real location', () => {
    expect(pageAddress(location)).to.equal(location.origin + location.pathname);
    expect(pageAddress(location)).to.not.contain('?');
  });
});

describe('isAllowedEndpoint', () => {
  const httpsPage = 'https://clinic.example/care/page?x=1';
  const httpPage = 'http://clinic.test/page';
  const allowed: Array<[string, string, string]> = [
    ['https://api.example.org/callback', httpsPage, 'https://api.example.org/callback'],
    ['HTTPS://API.EXAMPLE.ORG/cb', httpPage, 'https://api.example.org/cb'],
    ['  https://api.example.org/cb  ', httpsPage, 'https://api.example.org/cb'],
    ['/api/callback', httpsPage, 'https://clinic.example/api/callback'],
    ['/api/callback', httpPage, 'http://clinic.test/api/callback'],
    ['http://clinic.test:80/api', httpPage, 'http://clinic.test/api'],
    ['http://localhost:8787/cb', httpsPage, 'http://localhost:8787/cb'],
    ['http://LOCALHOST/cb', httpsPage, 'http://localhost/cb'],
    ['http://127.0.0.1:3000/cb', httpsPage, 'http://127.0.0.1:3000/cb'],
    ['https://api.example.org/cb', 'not a url', 'https://api.example.org/cb'],
  ];
  for (const [value, page, href] of allowed) {
    it(`allows ${JSON.stringify(value)} on ${page}`, () => {
      expect(isAllowedEndpoint(value, page)?.href).to.equal(href);
    });
  }

  const refused: Array<[string, string]> = [
    ['javascript:alert(1)', httpsPage],
    ['data:text/plain,hi', httpsPage],
    ['ftp://clinic.example/cb', httpsPage],
    ['file:///etc/passwd', httpsPage],
    ['ws://localhost/cb', httpsPage],
    ['blob:https://clinic.example/0d3c', httpsPage],
    ['http://api.example.org/cb', httpsPage],
    ['http://clinic.example/cb', httpsPage], // same host, but not the page's scheme
    ['http://clinic.test:8080/cb', httpPage], // same host, other port
    ['http://localhost.evil.example/cb', httpsPage],
    ['http://127.0.0.2/cb', httpsPage],
    ['http://[::1]/cb', httpsPage],
    ['https://user:pass@api.example.org/cb', httpsPage],
    ['https://exa mple.org/cb', httpsPage], // Chromium's URL parser accepts this one
    ['https://ex%20a.org/cb', httpsPage],
    ['http://', httpsPage],
    ['', httpsPage],
    ['   ', httpsPage],
    ['/api/callback', 'file:///home/clinic/page.html'],
    ['/api/callback', 'not a url'],
  ];
  for (const [value, page] of refused) {
    it(`refuses ${JSON.stringify(value)} on ${page}`, () => {
      // Compare strings: a failing assertion on a URL object kills the test page's session.
      expect(isAllowedEndpoint(value, page)?.href ?? null).to.equal(null);
    });
  }
});
