/**
 * The call-back form's state and its sending: values, errors shown after interaction, and the
 * delivery status the patient sees. What the patient typed stays here until a success.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type ContactSubmitResponse } from '../events.ts';
import type { ContactRequest, SelfCheckResult } from '../types.ts';
import { deliverContactRequest, newRequestId, pageAddress, type DeliveryOptions } from './delivery.ts';
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
  | { kind: 'retrying'; retryAt: number; reason: 'network' | 'timeout' | 'http' }
  | { kind: 'offline' }
  | { kind: 'sent'; reference?: string }
  | { kind: 'failed'; reason: 'network' | 'timeout' | 'http' | 'rejected' | 'unavailable'; status?: number };

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
  private lastFailure?: 'network' | 'timeout' | 'http';
  private abort?: AbortController;
  /** A delivery cut short because the element left the page; it goes on when the element is back. */
  private interrupted?: { endpoint: URL; request: ContactRequest };

  /** Test seam for fast retries; production uses the SPEC's timings. */
  deliveryOptions: Pick<DeliveryOptions, 'timeoutMs' | 'baseDelayMs' | 'maxRetryAfterMs'> = {};

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page (a framework re-inserting it) while sending: the patient already
    // pressed Send, so the same request goes on, under the same id.
    const interrupted = this.interrupted;
    if (!interrupted) return;
    this.interrupted = undefined;
    void this.deliver(interrupted.endpoint, interrupted.request).then(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.abort?.abort();
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
    if (this.values.website) {
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
    }
    else if (setup.endpoint) await this.deliver(setup.endpoint, request);
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
   * patient changed what they typed meanwhile, it is a new request with a new id.
   */
  private requestFor(setup: ContactFormSetup): ContactRequest {
    const context = {
      language: setup.language,
      page: pageAddress(location),
      widgetVersion: setup.widgetVersion,
      result: setup.result,
    };
    if (this.pending) {
      const again = buildContactRequest(this.values, {
        ...context,
        id: this.pending.id,
        now: new Date(this.pending.createdAt),
      });
      if (JSON.stringify(again) === JSON.stringify(this.pending)) return this.pending;
    }
    this.pending = buildContactRequest(this.values, { ...context, id: newRequestId() });
    return this.pending;
  }

  /**
   * `soc-contact-submit`: a listener that calls `respondWith` synchronously sends it itself; one
   * that only calls `preventDefault()` cancels the send.
   */
  private offerToHost(request: ContactRequest) {
    let response: Promise<ContactSubmitResponse | void> | undefined;
    const notCancelled = emit(
      this.host,
      'soc-contact-submit',
      {
        request: structuredClone(request),
        respondWith: (promise) => {
          response ??= Promise.resolve(promise);
        },
      },
      true,
    );
    return { response, cancelled: !notCancelled };
  }

  private async awaitHost(id: string, response: Promise<ContactSubmitResponse | void>) {
    try {
      const value = await response;
      const reference = typeof value?.reference === 'string' && value.reference ? value.reference : undefined;
      this.succeed(id, reference);
    } catch {
      this.status = { kind: 'failed', reason: 'rejected' };
      emit(this.host, 'soc-contact-error', { id, reason: 'rejected', willRetry: false });
    }
  }

  private async deliver(endpoint: URL, request: ContactRequest) {
    this.abort = new AbortController();
    const outcome = await deliverContactRequest(endpoint, request, {
      ...this.deliveryOptions,
      signal: this.abort.signal,
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
    if (outcome.ok) this.succeed(request.id, outcome.reference);
    else if (outcome.reason === 'aborted') {
      // Aborted only when the element left the page: the status stays busy until it is back,
      // which it may already be (moved rather than removed).
      this.interrupted = { endpoint, request };
      if (this.host.isConnected) this.hostConnected();
    } else this.status = { kind: 'failed', reason: outcome.reason, status: outcome.status };
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
