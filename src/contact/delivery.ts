/**
 * Delivery of call-back requests to the clinic's `endpoint` (SPEC §4), apart from any DOM so it
 * can be tested on its own against a real server.
 *
 * One request is one `id`: it goes out as the `Idempotency-Key` header on every try, automatic
 * or by Try again, so a server that saw a try whose answer got lost can recognise the repeat.
 * Network errors, timeouts, 408, 429 and 5xx are retried (3 tries in all by default) with
 * exponential backoff and jitter, or after the server's `Retry-After`. Time spent offline is
 * not a try: the client waits for the browser's `online` event and then sends. A redirect is
 * a configuration error, never followed and never retried.
 */
import type { ContactErrorDetail } from '../events.ts';
import type { ContactRequest } from '../types.ts';

/** Why a try failed: no answer at all, no answer in time, an HTTP error status, or a redirect. */
export type DeliveryFailureReason = Exclude<ContactErrorDetail['reason'], 'rejected' | 'unavailable' | 'stopped'>;

/**
 * Where a delivery stands, kept by the caller with its request so that a delivery stopped by
 * an abort can go on later with the tries it already made and the wait it was in.
 */
export interface DeliveryState {
  /** Tries made so far (a try cut short by an abort counts: it may have reached the server). */
  tries: number;
  /** When the next try may go out (epoch ms), while waiting to retry. */
  retryAt?: number;
}

/**
 * What {@link deliverContactRequest} resolves to; it never rejects. `attempts` counts the tries
 * that were made (tries cut short by going offline do not count).
 */
export type DeliveryOutcome =
  | { ok: true; status: number; reference?: string; attempts: number }
  | {
      ok: false;
      /** `aborted`: the caller's `signal` stopped the delivery. */
      reason: DeliveryFailureReason | 'aborted';
      /** The HTTP status of the last try, when `reason` is `http`. */
      status?: number;
      attempts: number;
    };

/** Progress reports, for a status line such as "Sending…" or "Trying again in 5 s". */
export type DeliveryProgress =
  /** Try number `attempt` is going out now. */
  | { kind: 'sending'; attempt: number; maxTries: number }
  /** Try number `attempt` will go out at `retryAt` (epoch ms). */
  | { kind: 'retrying'; attempt: number; maxTries: number; retryAt: number }
  /** The browser is offline; try number `attempt` goes out when it is back online. */
  | { kind: 'offline'; attempt: number; maxTries: number };

/** One failed try, as told to `onAttemptError` (the shape of `soc-contact-error`'s detail). */
export interface DeliveryAttemptError {
  attempt: number;
  reason: DeliveryFailureReason;
  status?: number;
  /** Whether another try follows on its own. */
  willRetry: boolean;
}

export interface DeliveryOptions {
  /** Time allowed for one try, answer included. Default 15000 ms. */
  timeoutMs?: number;
  /** Tries in all, the first one included. Default 3. */
  maxTries?: number;
  /** The first backoff step; each next one doubles, jittered to 50–100 %. Default 1000 ms. */
  baseDelayMs?: number;
  /** The longest wait before a retry, whatever `Retry-After` says. Default 30000 ms. */
  maxRetryAfterMs?: number;
  onProgress?(progress: DeliveryProgress): void;
  onAttemptError?(error: DeliveryAttemptError): void;
  /** Stops the delivery (the try in flight too); the outcome is then `reason: 'aborted'`. */
  signal?: AbortSignal;
  /** Carried over from an earlier, aborted delivery of the same request; updated as it goes. */
  state?: DeliveryState;
  /** Injection point for a wrapped `fetch`. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Default: `navigator.onLine !== false`. */
  isOnline?: () => boolean;
  /** Resolves when the browser is back online. Default: the window's next `online` event. */
  waitForOnline?: (signal?: AbortSignal) => Promise<void>;
}

/** The defaults of {@link DeliveryOptions}. */
const DELIVERY_DEFAULTS = {
  timeoutMs: 15_000,
  maxTries: 3,
  baseDelayMs: 1_000,
  maxRetryAfterMs: 30_000,
} as const;

/** The longest `reference` shown to the patient; anything longer is cut. */
const MAX_REFERENCE_LENGTH = 100;

type TryResult =
  | { kind: 'ok'; status: number; reference?: string }
  | { kind: 'aborted' }
  | {
      kind: 'failed';
      reason: DeliveryFailureReason;
      status?: number;
      retryable: boolean;
      retryAfterMs?: number;
    };

/**
 * POSTs `request` as JSON to `endpoint`, retrying as SPEC §4 says, and resolves with the
 * outcome; it never rejects. The caller checks `endpoint` first ({@link isAllowedEndpoint}) and
 * keeps one delivery in flight at a time.
 */
export async function deliverContactRequest(
  endpoint: string | URL,
  request: ContactRequest,
  options: DeliveryOptions = {},
): Promise<DeliveryOutcome> {
  const {
    timeoutMs = DELIVERY_DEFAULTS.timeoutMs,
    baseDelayMs = DELIVERY_DEFAULTS.baseDelayMs,
    maxRetryAfterMs = DELIVERY_DEFAULTS.maxRetryAfterMs,
    signal,
    isOnline = defaultIsOnline,
    waitForOnline = defaultWaitForOnline,
  } = options;
  const maxTries = Math.max(1, Math.floor(options.maxTries ?? DELIVERY_DEFAULTS.maxTries));
  const body = JSON.stringify(request);
  const state = options.state ?? { tries: 0 };

  for (;;) {
    const tries = state.tries;
    if (signal?.aborted) return { ok: false, reason: 'aborted', attempts: tries };
    if (tries >= maxTries) {
      // Resumed after its last try was cut short: that try's answer never came.
      options.onAttemptError?.({ attempt: tries, reason: 'network', willRetry: false });
      return { ok: false, reason: 'network', attempts: tries };
    }
    if (state.retryAt !== undefined) {
      // Waiting to retry (perhaps resumed part-way through the wait).
      options.onProgress?.({ kind: 'retrying', attempt: tries + 1, maxTries, retryAt: state.retryAt });
      await sleep(state.retryAt - Date.now(), signal);
      if (signal?.aborted) return { ok: false, reason: 'aborted', attempts: tries };
      state.retryAt = undefined;
    }
    if (!isOnline()) {
      options.onProgress?.({ kind: 'offline', attempt: tries + 1, maxTries });
      await untilAborted(waitForOnline(signal), signal);
      if (signal?.aborted) return { ok: false, reason: 'aborted', attempts: tries };
      // Back online (or the caller's waitForOnline said so): send without checking again, so
      // a wrong isOnline can delay a try but never loop.
    }

    const attempt = (state.tries = tries + 1);
    options.onProgress?.({ kind: 'sending', attempt, maxTries });
    const result = await sendOnce(endpoint, body, request.id, timeoutMs, signal, options.fetch);
    if (result.kind === 'ok') {
      const { status, reference } = result;
      return reference === undefined
        ? { ok: true, status, attempts: attempt }
        : { ok: true, status, reference, attempts: attempt };
    }
    if (result.kind === 'aborted') return { ok: false, reason: 'aborted', attempts: attempt };

    // A network error because the connection went away is not the endpoint's fault: like time
    // spent offline, it does not use up a try.
    const wentOffline = result.reason === 'network' && !isOnline();
    const willRetry = result.retryable && (wentOffline || attempt < maxTries);
    const { reason, status } = result;
    options.onAttemptError?.(
      status === undefined ? { attempt, reason, willRetry } : { attempt, reason, status, willRetry },
    );
    if (!willRetry) {
      return status === undefined
        ? { ok: false, reason, attempts: attempt }
        : { ok: false, reason, status, attempts: attempt };
    }
    if (wentOffline) {
      state.tries = tries;
      continue;
    }

    const delay = Math.min(result.retryAfterMs ?? backoffDelay(attempt, baseDelayMs), maxRetryAfterMs);
    state.retryAt = Date.now() + delay;
  }
}

/** One POST with its own timeout. Only the caller's abort is reported as `aborted`. */
async function sendOnce(
  endpoint: string | URL,
  body: string,
  id: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  fetchImpl: typeof fetch = globalThis.fetch,
): Promise<TryResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const abortTry = () => controller.abort();
  signal?.addEventListener('abort', abortTry, { once: true });
  try {
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Idempotency-Key': id,
        },
        body,
        // No cookies or HTTP auth: the endpoint must not learn who the patient is from the
        // host site's session, and a CORS endpoint then needs no Allow-Credentials.
        credentials: 'omit',
        mode: 'cors',
        cache: 'no-store',
        // A redirected POST could land on a URL that isAllowedEndpoint never saw. 'manual' (not
        // 'error') lets a redirect be told apart from a network error: it is not retried.
        redirect: 'manual',
        // `page` in the body already says where the request came from, without the query.
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
    } catch {
      if (signal?.aborted) return { kind: 'aborted' };
      // fetch rejects with a bare TypeError for every network-level failure (DNS, refused,
      // reset, CORS, redirect), so they cannot be told apart here.
      return { kind: 'failed', reason: timedOut ? 'timeout' : 'network', retryable: true };
    }

    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return { kind: 'failed', reason: 'redirect', retryable: false };
    }
    const { status } = response;
    if (status >= 200 && status < 300) {
      const reference = await readReference(response);
      return reference === undefined ? { kind: 'ok', status } : { kind: 'ok', status, reference };
    }
    response.body?.cancel().catch(() => {});
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    const retryable = status === 408 || status === 429 || status >= 500;
    return retryAfterMs === undefined
      ? { kind: 'failed', reason: 'http', status, retryable }
      : { kind: 'failed', reason: 'http', status, retryable, retryAfterMs };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abortTry);
  }
}

/**
 * The `reference` of a 2xx answer's JSON body, if it has a non-empty string one. The request was
 * accepted whatever the body says, so an empty, malformed or cut-off body gives `undefined`.
 */
async function readReference(response: Response): Promise<string | undefined> {
  try {
    const data: unknown = JSON.parse(await response.text());
    if (data && typeof data === 'object' && 'reference' in data) {
      const { reference } = data;
      if (typeof reference === 'string' && reference.trim()) {
        return reference.trim().slice(0, MAX_REFERENCE_LENGTH);
      }
    }
  } catch {
    // Not JSON, or the body was cut off (timeout, abort): still delivered.
  }
  return undefined;
}

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2026 07:28:00 GMT"`; a past date means now). `undefined` when absent or
 * unreadable. The caller caps it.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Date.parse reads strings such as "1.5" as dates; an HTTP date always names its day or month.
  if (!/[a-z]/i.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : Math.max(0, time - now);
}

/** Exponential backoff with "equal jitter": 50–100 % of `base · 2^(tries − 1)`. */
function backoffDelay(tries: number, baseDelayMs: number): number {
  const step = baseDelayMs * 2 ** (tries - 1);
  return step / 2 + Math.random() * (step / 2);
}

/** Resolves after `ms`, or at once when `signal` aborts; the timer never outlives the wait. */
async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await untilAborted(new Promise((resolve) => (timer = setTimeout(resolve, ms))), signal);
  clearTimeout(timer);
}

/** `promise`, or an earlier settlement when `signal` aborts. Never rejects. */
function untilAborted(promise: Promise<unknown>, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      signal?.removeEventListener('abort', done);
      resolve();
    };
    if (signal?.aborted) return done();
    signal?.addEventListener('abort', done, { once: true });
    promise.then(done, done);
  });
}

function defaultIsOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

function defaultWaitForOnline(signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      globalThis.removeEventListener('online', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    globalThis.addEventListener('online', done);
    signal?.addEventListener('abort', done);
  });
}

/**
 * A new request id: a random (version 4) UUID. `crypto.randomUUID` exists only in secure
 * contexts, so a page served over plain http gets one built from `crypto.getRandomValues`.
 */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The page's address as sent in a request's `page`: origin and path, never query or hash. */
export function pageAddress(location: { origin: string; pathname: string }): string {
  return location.origin + location.pathname;
}

/**
 * `value` as a URL if the widget may POST to it (SPEC §3), else `null`: `https:`, the page's
 * own origin (relative URLs included), or `http://localhost` / `http://127.0.0.1` on any port.
 * URLs with a user name or password are refused too (fetch would reject them).
 */
export function isAllowedEndpoint(value: string, pageUrl: string): URL | null {
  if (!value.trim()) return null; // An empty attribute means "no endpoint", not "this page".
  let url: URL;
  let page: URL | null = null;
  try {
    page = new URL(pageUrl);
  } catch {
    // No usable page URL: only absolute endpoints can pass.
  }
  try {
    url = page ? new URL(value, page) : new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  // Chromium accepts some characters the URL standard forbids in a host (a space becomes %20):
  // allow only what a DNS name or an IP address can hold.
  if (!/^(?:[a-z0-9_.-]+|\[[0-9a-f:.]+\])$/i.test(url.hostname)) return null;
  if (url.protocol === 'https:') return url;
  if (url.protocol !== 'http:') return null;
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return url;
  return url.origin === page?.origin ? url : null;
}
