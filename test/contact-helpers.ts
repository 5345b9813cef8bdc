/**
 * Helpers for the call-back form tests: the fault endpoint's log, the form's timings, the form's
 * fields found by their labels, and recorders for the form's events and status lines.
 *
 * Like helpers.ts, this module never imports the element, so a test file decides which copy it
 * loads.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { deliveryTimings } from '../src/contact/form-controller.ts';
import type { ContactErrorDetail, ContactSentDetail, ContactSubmitDetail } from '../src/events.ts';
import { $, $$, accessibleText, settle, shadow, type CheckElement } from './helpers.ts';

/** One request as test/server/fault-endpoint.js recorded it. */
export interface LoggedRequest {
  method: 'POST' | 'OPTIONS';
  scenario: string;
  tag: string | null;
  key: string | null;
  attempt: number;
  time: number;
  contentType: string | null;
  hasCookie: boolean;
  hasReferer: boolean;
  origin: string | null;
  body: unknown;
  outcome: number | string | null;
  /** Preflights only: the Access-Control-Request-Headers they asked for. */
  requestHeaders?: string | null;
}

export interface ServerLog {
  requests: LoggedRequest[];
  /** The client's own POSTs (the browser's silent re-sends left out). */
  attempts: number;
  /** The 2xx answers the client got. */
  delivered: number;
}

export async function serverLog(query: Record<string, string>): Promise<ServerLog> {
  const response = await fetch(`/api/callback/log?${new URLSearchParams(query)}`, { cache: 'no-store' });
  expect(response.ok, 'the fault endpoint answers its log').to.equal(true);
  return (await response.json()) as ServerLog;
}

/** The POSTs the client made, in order (the browser's own re-sends left out). */
export const posts = (log: ServerLog) =>
  log.requests.filter((entry) => entry.method === 'POST' && entry.outcome !== 'dropped-resent');

/** A tag no other test (in this browser or another) uses. */
export function uniqueTag(name: string): string {
  return `contact-form-${name}-${crypto.getRandomValues(new Uint32Array(2)).join('')}`;
}

/** A same-origin endpoint path for a fault scenario, e.g. `/api/callback?scenario=500-then-ok&tag=…`. */
export function endpointFor(scenario: string, tag: string, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams({ scenario, tag });
  for (const [name, value] of Object.entries(params)) query.set(name, String(value));
  return `/api/callback?${query}`;
}

/**
 * Shortens every form's timeouts and backoff on this page through the contact module's exported
 * timings (the production defaults are 15 s, 1 s and 30 s), replacing what an earlier test set.
 * `Retry-After` is still honoured as the server sends it.
 */
export function useFastDelivery(options: typeof deliveryTimings = {}) {
  for (const key of Object.keys(deliveryTimings)) delete deliveryTimings[key as keyof typeof deliveryTimings];
  Object.assign(deliveryTimings, { timeoutMs: 3000, baseDelayMs: 50, ...options });
}

export function form(el: CheckElement): HTMLFormElement | null {
  return $<HTMLFormElement>(el, 'form[part~="form"]');
}

/** The text field whose `<label>` reads `label`; fails when there is none or several. */
export function fieldByLabel(el: CheckElement, label: string): HTMLInputElement | HTMLTextAreaElement {
  const found = $$<HTMLLabelElement>(el, 'label')
    .filter((candidate) => accessibleText(candidate) === label)
    .map((candidate) => candidate.control)
    .filter(
      (control): control is HTMLInputElement | HTMLTextAreaElement =>
        control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement,
    );
  expect(found, `fields labelled "${label}"`).to.have.length(1);
  return found[0]!;
}

/** Replaces a field's text as typing (or pasting) would: the value, then an `input` event. */
export async function typeInto(el: CheckElement, label: string, value: string): Promise<void> {
  const field = fieldByLabel(el, label);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settle(el);
}

export interface Entries {
  name?: string;
  phone?: string;
  email?: string;
  message?: string;
}

export const NAME = 'Ana Pérez Quintana';
export const PHONE = '+1 (555) 010-2222';
export const EMAIL = 'ana.perez@example.net';
export const MESSAGE = 'Please call me about the options for my knee operation.';

export const CONSENT_LABEL = 'I agree that Riverside Clinic may contact me about this request.';

/** Fills the text fields (all four by default) and ticks consent: a form that may be sent. */
export async function fillValidForm(el: CheckElement, entries: Entries = {}): Promise<Required<Entries>> {
  const values = { name: NAME, phone: PHONE, email: EMAIL, message: MESSAGE, ...entries };
  await typeInto(el, 'Your name', values.name);
  await typeInto(el, 'Phone number', values.phone);
  await typeInto(el, 'Email address', values.email);
  await typeInto(el, 'Message (optional)', values.message);
  const consent = consentBox(el);
  if (!consent.checked) consent.click();
  await settle(el);
  expect(consent.checked, 'consent ticked').to.equal(true);
  return values;
}

export function consentBox(el: CheckElement): HTMLInputElement {
  const box = $<HTMLInputElement>(el, 'input[type="checkbox"][name="consent"]');
  expect(box, 'the consent box').not.to.equal(null);
  return box!;
}

export function submitButton(el: CheckElement): HTMLButtonElement {
  const button = $<HTMLButtonElement>(el, 'form[part~="form"] button[type="submit"]');
  expect(button, 'the form’s submit button').not.to.equal(null);
  return button!;
}

/** The form's polite progress line (role=status) and its assertive failure line (role=alert). */
export const statusText = (el: CheckElement) =>
  accessibleText($(el, 'form [role="status"]') ?? document.createElement('p'));
export const alertText = (el: CheckElement) =>
  accessibleText($(el, 'form .form-status[role="alert"]') ?? document.createElement('p'));

/** The confirmation that replaces the form after a success. */
export const confirmation = (el: CheckElement) => $(el, '[part~="form"].sent');

export async function waitForSent(el: CheckElement, timeout = 5000): Promise<HTMLElement> {
  await waitUntil(
    () => confirmation(el),
    `the request is confirmed (status: "${statusText(el)}" / "${alertText(el)}")`,
    {
      timeout,
    },
  );
  await settle(el);
  return confirmation(el)!;
}

export async function waitForFailure(el: CheckElement, timeout = 5000): Promise<void> {
  await waitUntil(() => alertText(el) !== '', `the request fails (status: "${statusText(el)}")`, { timeout });
  await settle(el);
}

/**
 * Every text the form's status lines showed, in order: a MutationObserver sees each render, so
 * a status that lasts a few milliseconds is caught too.
 */
export function recordStatusLines(el: CheckElement) {
  const seen: string[] = [];
  const look = () => {
    for (const text of [statusText(el), alertText(el)]) {
      if (text && seen.at(-1) !== text) seen.push(text);
    }
  };
  const observer = new MutationObserver(look);
  observer.observe(shadow(el), { subtree: true, childList: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

export type ContactEvent =
  | { type: 'soc-contact-submit'; detail: ContactSubmitDetail; event: CustomEvent }
  | { type: 'soc-contact-sent'; detail: ContactSentDetail; event: CustomEvent }
  | { type: 'soc-contact-error'; detail: ContactErrorDetail; event: CustomEvent };

/**
 * Records the `soc-contact-*` events as a host page would hear them: on an ancestor outside the
 * shadow root (so they must bubble and be composed).
 */
export function recordContactEvents(el: CheckElement) {
  const target = el.parentElement!;
  const events: ContactEvent[] = [];
  const listener = (event: Event) => {
    const custom = event as CustomEvent;
    events.push({ type: event.type, detail: custom.detail, event: custom } as ContactEvent);
  };
  const types = ['soc-contact-submit', 'soc-contact-sent', 'soc-contact-error'];
  for (const type of types) target.addEventListener(type, listener);
  return {
    events,
    of: <T extends ContactEvent['type']>(type: T) =>
      events.filter((entry): entry is Extract<ContactEvent, { type: T }> => entry.type === type),
    stop: () => types.forEach((type) => target.removeEventListener(type, listener)),
  };
}

/** Records every `fetch` the page makes while letting it through unchanged. */
export function recordFetches() {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    calls.push(input instanceof Request ? input.url : String(input));
    return original.call(window, input, init);
  } as typeof fetch;
  return {
    calls,
    restore: () => {
      window.fetch = original;
    },
  };
}

/** Names of the resources (fetches included) the page has loaded so far. */
export function resourceNames(): string[] {
  return performance.getEntriesByType('resource').map((entry) => entry.name);
}
