/**
 * The element's DOM events. All bubble and cross shadow roots. They carry no health
 * information and nothing the patient typed, so a host may wire them to analytics;
 * `soc-contact-submit` is the one deliberate exception (a host sending the request itself).
 */
import type { ContactRequest, Step } from './types.ts';

export interface StepEventDetail {
  step: Step;
  /** How many questions come before this screen (0 on the intro, `total` on the result). */
  index: number;
  /** How many questions this check asks. */
  total: number;
}

export interface ContactSentDetail {
  /** The request id (a random UUID, also its Idempotency-Key). */
  id: string;
  /** The clinic's reference for the request, when its endpoint gave one. */
  reference?: string;
}

export interface ContactErrorDetail {
  id: string;
  /**
   * `network`: no answer; `timeout`: no answer in 15 s, or the host's `respondWith` promise not
   * settled in 30 s; `http`: an error status; `redirect`: the endpoint redirected (a configuration
   * error, not retried); `rejected`: the host's `respondWith` promise rejected; `unavailable`:
   * `contact-form` is set and no host sent it; `stopped`: `endpoint` was removed or changed while
   * the request was pending.
   */
  reason: 'network' | 'timeout' | 'http' | 'redirect' | 'rejected' | 'unavailable' | 'stopped';
  status?: number;
  /** True when the widget will try again by itself. */
  willRetry: boolean;
}

export interface ContactSubmitResponse {
  reference?: string;
}

export interface ContactSubmitDetail {
  /** The exact body the widget would POST. */
  request: ContactRequest;
  /**
   * Call synchronously from the listener to send the request yourself: the widget then sends
   * nothing, shows "sent" when the promise resolves and "failed" with Try again when it rejects
   * or has not settled after 30 s. A later call is ignored, with a `console.warn`.
   */
  respondWith(response: Promise<ContactSubmitResponse | void>): void;
}

export interface SocEventMap {
  'soc-start': CustomEvent<undefined>;
  'soc-step': CustomEvent<StepEventDetail>;
  'soc-result': CustomEvent<undefined>;
  'soc-restart': CustomEvent<undefined>;
  'soc-open': CustomEvent<undefined>;
  'soc-close': CustomEvent<undefined>;
  'soc-contact-submit': CustomEvent<ContactSubmitDetail>;
  'soc-contact-sent': CustomEvent<ContactSentDetail>;
  'soc-contact-error': CustomEvent<ContactErrorDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends SocEventMap {}
}

/** Dispatches a bubbling, composed event; returns false when a listener cancelled it. */
export function emit<K extends keyof SocEventMap>(
  target: EventTarget,
  type: K,
  ...[detail, cancelable = false]: SocEventMap[K]['detail'] extends undefined
    ? [detail?: undefined, cancelable?: boolean]
    : [detail: SocEventMap[K]['detail'], cancelable?: boolean]
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
