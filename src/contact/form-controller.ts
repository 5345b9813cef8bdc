/**
 * The call-back form's state and its sending: values, errors shown after interaction, and the
 * delivery status the patient sees. What the patient typed stays here until a success.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type ContactErrorDetail, type ContactSubmitResponse } from '../events.ts';
import type { ContactRequest, SelfCheckResult } from '../types.ts';
import {
  deliverContactRequest,
  newRequestId,
  pageAddress,
  type DeliveryFailureReason,
  type DeliveryOptions,
  type DeliveryState,
} from './delivery.ts';
import {
  buildContactRequest,
  emptyContactForm,
  validateContactForm,
  type ContactError,
  type ContactField,
  type ContactFormValues,
} from './validation.ts';

export type ContactStatus =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'retrying'; retryAt: number; reason: DeliveryFailureReason }
  | { kind: 'offline' }
  | { kind: 'sent'; reference?: string }
  /** Why it was not sent: the reasons `soc-contact-error` gives (`timeout` of a host's promise shows as `rejected`). */
  | { kind: 'failed'; reason: ContactErrorDetail['reason']; status?: number };

/** What the controller needs from its element. */
export interface ContactFormHooks {
  /** A `console.warn` for the page's developer (the element adds its name). */
  warn(key: string, text: string): void;
  /** The endpoint configured now, checked; a stopped delivery resumes only to that address. */
  endpoint(): URL | undefined;
}

/** How long a host's `respondWith` promise may stay unsettled before it counts as a failure. */
export const HOST_TIMEOUT_MS = 30_000;

/**
 * The timings of every form on the page: SPEC §4's (15 s a try, 1 s to the first retry, 30 s for
 * a host's promise) unless a test shortens them.
 */
export const deliveryTimings: Pick<DeliveryOptions, 'timeoutMs' | 'baseDelayMs' | 'maxRetryAfterMs'> & {
  hostTimeoutMs?: number;
} = {};

/** One automatic delivery of the pending request: where to, and how far it got. */
interface Delivery {
  endpoint: URL;
  request: ContactRequest;
  state: DeliveryState;
}

/** The abort reasons of a delivery. */
const LEFT_PAGE = 'left-page';
const ENDPOINT_CHANGED = 'endpoint-changed';
const HOST_TIMED_OUT = Symbol('host timed out');

export interface ContactFormSetup {
  /** Where to POST, already checked; undefined when only a host takeover can send. */
  endpoint?: URL;
  language: string;
  result: SelfCheckResult | null;
  widgetVersion: string;
  /** Told once when the form was set up to be sent by the host and no host answered. */
  onNoHost(): void;
}

type Host = ReactiveControllerHost & HTMLElement;

export class ContactFormController implements ReactiveController {
  values: ContactFormValues = emptyContactForm();
  status: ContactStatus = { kind: 'idle' };
  /** Fields the patient has left after changing them: their errors show from then on. */
  private readonly touched = new Set<ContactField>();
  /** After a submit attempt every error shows, and the summary lists them. */
  submitted = false;
  /** One id per request, kept through every retry and Try again until a success. */
  private pending?: ContactRequest;
  /** Why the last try failed, so "trying again" can say whether the clinic was reached. */
  private lastFailure?: DeliveryFailureReason;
  private abort?: AbortController;
  /** The delivery under way, if any. */
  private active?: Delivery;
  /** A delivery cut short because the element left the page; it goes on when the element is back. */
  private interrupted?: Delivery;

  constructor(
    protected readonly host: Host,
    private readonly hooks: ContactFormHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page (a framework re-inserting it) while sending: the patient already
    // pressed Send, so the same request goes on, under the same id, with the tries and wait it
    // had, and only to the address it was meant for.
    const interrupted = this.interrupted;
    if (!interrupted) return;
    this.interrupted = undefined;
    if (this.hooks.endpoint()?.href !== interrupted.endpoint.href) return this.stop(interrupted.request.id);
    void this.deliver(interrupted).then(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.abort?.abort(LEFT_PAGE);
  }

  /**
   * The element's endpoint was removed or changed: a pending delivery to another address stops
   * at once (nothing more goes there) and the patient is told it was not sent.
   */
  endpointChanged(endpoint: URL | undefined): void {
    const delivery = this.active ?? this.interrupted;
    if (!delivery || delivery.endpoint.href === endpoint?.href) return;
    this.interrupted = undefined;
    this.abort?.abort(ENDPOINT_CHANGED);
    this.stop(delivery.request.id);
  }

  get busy(): boolean {
    return this.status.kind === 'sending' || this.status.kind === 'retrying' || this.status.kind === 'offline';
  }

  /** Errors to show now, in form order. */
  get visibleErrors(): [ContactField, ContactError][] {
    const errors = validateContactForm(this.values);
    return (Object.entries(errors) as [ContactField, ContactError][]).filter(
      ([field]) => this.submitted || this.touched.has(field),
    );
  }

  setValue<K extends keyof ContactFormValues>(field: K, value: ContactFormValues[K]): void {
    this.values = { ...this.values, [field]: value };
    this.host.requestUpdate();
  }

  markTouched(field: ContactField): void {
    // A field removed on success blurs; nothing to show then.
    if (this.status.kind === 'sent') return;
    this.touched.add(field);
    // Phone and email are one rule ("one of them"), so leaving either shows it.
    if (field === 'email') this.touched.add('phone');
    this.host.requestUpdate();
  }

  /** Returns false when the form has errors (the view then focuses the summary). */
  async submit(setup: ContactFormSetup): Promise<boolean> {
    if (this.busy) return true; // A second click while sending does nothing.
    this.submitted = true;
    if (Object.keys(validateContactForm(this.values)).length > 0) {
      this.host.requestUpdate();
      return false;
    }
    if (this.values.honeypot) {
      // A bot filled the honeypot: look done, send nothing, tell no one.
      this.status = { kind: 'sent' };
      this.host.requestUpdate();
      return true;
    }
    const request = this.requestFor(setup);
    const before = this.status;
    this.status = { kind: 'sending' };
    this.host.requestUpdate();

    const { response: hostResponse, cancelled } = this.offerToHost(request);
    if (hostResponse) await this.awaitHost(request.id, hostResponse);
    else if (cancelled) {
      // The host said no: nothing leaves the page, and the form is as it was before the click.
      this.status = before;
    } else if (setup.endpoint) await this.deliver({ endpoint: setup.endpoint, request, state: { tries: 0 } });
    else {
      setup.onNoHost();
      this.status = { kind: 'failed', reason: 'unavailable' };
      emit(this.host, 'soc-contact-error', { id: request.id, reason: 'unavailable', willRetry: false });
    }
    this.host.requestUpdate();
    return true;
  }

  /**
   * The body to send. Try again after a failure sends the very same request (same id, same
   * `createdAt`), so a server that de-duplicates by Idempotency-Key sees one request; if the
   * patient changed what they typed or ticked meanwhile, it is a new request with a new id. The
   * page's language or address changing in between is not the patient's change.
   */
  private requestFor(setup: ContactFormSetup): ContactRequest {
    const { widgetVersion, result } = setup;
    if (this.pending) {
      const { id, createdAt, language, page } = this.pending;
      const again = buildContactRequest(this.values, {
        id,
        now: new Date(createdAt),
        language,
        page,
        widgetVersion,
        result,
      });
      if (JSON.stringify(again) === JSON.stringify(this.pending)) return this.pending;
    }
    this.pending = buildContactRequest(this.values, {
      id: newRequestId(),
      language: setup.language,
      page: pageAddress(location),
      widgetVersion,
      result,
    });
    return this.pending;
  }

  /**
   * `soc-contact-submit`: a listener that calls `respondWith` synchronously sends it itself; one
   * that only calls `preventDefault()` cancels the send.
   */
  private offerToHost(request: ContactRequest) {
    let response: Promise<ContactSubmitResponse | void> | undefined;
    let listening = true;
    const notCancelled = emit(
      this.host,
      'soc-contact-submit',
      {
        request: structuredClone(request),
        respondWith: (promise) => {
          if (listening) response ??= Promise.resolve(promise);
          else
            this.hooks.warn(
              'respondWith:late',
              'respondWith() was called after the soc-contact-submit listener returned, so it is ignored and the widget sends the request itself (if it has an endpoint). Call it synchronously, in the listener.',
            );
        },
      },
      true,
    );
    listening = false;
    return { response, cancelled: !notCancelled };
  }

  /** The host's answer, or a failure when it has not settled in time (a lost promise). */
  private async awaitHost(id: string, response: Promise<ContactSubmitResponse | void>) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<typeof HOST_TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(HOST_TIMED_OUT), deliveryTimings.hostTimeoutMs ?? HOST_TIMEOUT_MS);
    });
    try {
      const value = await Promise.race([response, timeout]);
      if (value === HOST_TIMED_OUT) {
        this.status = { kind: 'failed', reason: 'rejected' };
        emit(this.host, 'soc-contact-error', { id, reason: 'timeout', willRetry: false });
        return;
      }
      const reference = typeof value?.reference === 'string' && value.reference ? value.reference : undefined;
      this.succeed(id, reference);
    } catch {
      this.status = { kind: 'failed', reason: 'rejected' };
      emit(this.host, 'soc-contact-error', { id, reason: 'rejected', willRetry: false });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The patient is told the pending request was not sent, and why; Try again stays possible. */
  private stop(id: string) {
    this.status = { kind: 'failed', reason: 'stopped' };
    emit(this.host, 'soc-contact-error', { id, reason: 'stopped', willRetry: false });
    this.host.requestUpdate();
  }

  private async deliver(delivery: Delivery) {
    const { endpoint, request } = delivery;
    const abort = (this.abort = new AbortController());
    this.active = delivery;
    const outcome = await deliverContactRequest(endpoint, request, {
      ...deliveryTimings,
      state: delivery.state,
      signal: abort.signal,
      onProgress: (progress) => {
        this.status =
          progress.kind === 'retrying'
            ? { kind: 'retrying', retryAt: progress.retryAt, reason: this.lastFailure ?? 'network' }
            : progress.kind === 'offline'
              ? { kind: 'offline' }
              : { kind: 'sending' };
        this.host.requestUpdate();
      },
      onAttemptError: ({ reason, status, willRetry }) => {
        this.lastFailure = reason;
        emit(this.host, 'soc-contact-error', { id: request.id, reason, ...(status ? { status } : {}), willRetry });
      },
    });
    if (this.active === delivery) this.active = undefined;
    if (outcome.ok) this.succeed(request.id, outcome.reference);
    else if (outcome.reason === 'aborted') {
      // Stopped because the endpoint changed: the patient was already told. Stopped because the
      // element left the page: the status stays busy until it is back, which it may already be
      // (moved rather than removed).
      if (abort.signal.reason !== LEFT_PAGE) return;
      this.interrupted = delivery;
      if (this.host.isConnected) this.hostConnected();
    } else {
      const { reason, status } = outcome;
      this.status = status === undefined ? { kind: 'failed', reason } : { kind: 'failed', reason, status };
      if (outcome.reason === 'redirect')
        this.hooks.warn(
          `redirect:${endpoint.href}`,
          `the endpoint ${endpoint.href} answered with a redirect, so the request was not sent. Set endpoint to the address that answers the POST itself.`,
        );
    }
  }

  private succeed(id: string, reference?: string) {
    this.status = reference ? { kind: 'sent', reference } : { kind: 'sent' };
    emit(this.host, 'soc-contact-sent', reference ? { id, reference } : { id });
    // Only now is what the patient typed let go.
    this.values = emptyContactForm();
    this.touched.clear();
    this.submitted = false;
    this.pending = undefined;
  }
}
