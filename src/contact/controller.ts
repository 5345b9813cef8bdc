/**
 * The contact panel as the element uses it, one of the two files of contact/ it imports (the
 * other is view.ts, which draws it): the clinic's details made safe, whether the call-back form
 * is offered (SPEC §3's endpoint rules), the form's sending (form-controller.ts), and where focus
 * goes after a send.
 */
import type { LitElement, PropertyValues } from 'lit';
import type { SelfCheckResult } from '../types.ts';
import { VERSION } from '../version.ts';
import { warnAttribute, warnOnce } from '../warn.ts';
import { isAllowedEndpoint } from './delivery.ts';
import { ContactFormController } from './form-controller.ts';
import { httpUrl, mailtoHref, telHref } from './links.ts';

/** What the controller reads from its element: the public contact properties and the result. */
export interface ContactHost extends LitElement {
  clinicName?: string;
  phone?: string;
  email?: string;
  contactUrl?: string;
  address?: string;
  hours?: string;
  endpoint?: string;
  contactForm: boolean;
  readonly result: SelfCheckResult | null;
}

/** The clinic's details as shown: links only where they are safe, text as the host gave it. */
export interface ContactDetails {
  clinicName?: string;
  phone?: string;
  telHref?: string;
  email?: string;
  mailtoHref?: string;
  contactUrl?: string;
  address?: string;
  hours?: string;
}

/** The ids the controller moves focus to, shared with the form's view. */
export const ERROR_SUMMARY_ID = 'error-summary';
export const SENT_HEADING_ID = 'form-sent';

/** `endpoint` as a URL if requests may go there, else undefined. */
const checkedEndpoint = (endpoint?: string) => (endpoint && isAllowedEndpoint(endpoint, location.href)) || undefined;

export class ContactController extends ContactFormController {
  declare protected readonly host: ContactHost;
  /** The checked `endpoint`, or undefined when absent or refused. */
  private endpointUrl?: URL;
  /** Whether the form showed its confirmation at the last update. */
  private wasSent = false;

  constructor(host: ContactHost) {
    super(host, {
      warn: (key, text) => warnOnce(host, key, text),
      endpoint: () => checkedEndpoint(host.endpoint),
    });
  }

  /** Whether the form can send: an allowed `endpoint`, or `contact-form` for the host to answer. */
  get offered(): boolean {
    return Boolean(this.endpointUrl) || this.host.contactForm;
  }

  /** Whether a self-check result exists that the patient may share. */
  get canShareAnswers(): boolean {
    return this.host.result !== null;
  }

  get details(): ContactDetails {
    const { clinicName, phone, email, contactUrl, address, hours } = this.host;
    return {
      clinicName,
      phone,
      telHref: telHref(phone),
      email,
      mailtoHref: mailtoHref(email),
      contactUrl: httpUrl(contactUrl),
      address,
      hours,
    };
  }

  /**
   * From the element's `willUpdate`: warns once about contact attributes that cannot be used,
   * and follows `endpoint` (a pending send to an address that changed stops).
   */
  check(changed: PropertyValues<ContactHost>): void {
    const { host } = this;
    if (changed.has('contactUrl') && host.contactUrl && !httpUrl(host.contactUrl))
      warnAttribute(host, 'contact-url', host.contactUrl, 'only http: and https: addresses are linked');
    if (changed.has('endpoint')) {
      this.endpointUrl = checkedEndpoint(host.endpoint);
      this.endpointChanged(this.endpointUrl);
      if (host.endpoint && !this.endpointUrl)
        warnAttribute(
          host,
          'endpoint',
          host.endpoint,
          "call-back requests go only to https:, this page's origin, or http://localhost, so the form is hidden",
        );
    }
    if (changed.has('phone') && host.phone && !telHref(host.phone))
      warnAttribute(host, 'phone', host.phone, 'it has no digits to dial');
    if (changed.has('email') && host.email && !mailtoHref(host.email))
      warnAttribute(host, 'email', host.email, 'only one plain email address is linked (no %, ?, #, / or :)');
  }

  /** The patient pressed Send: errors take focus to their summary (the GOV.UK pattern). */
  async send(language: string): Promise<void> {
    if (!this.offered) return;
    void this.submit({
      endpoint: this.endpointUrl,
      language,
      result: this.host.result,
      widgetVersion: VERSION,
      onNoHost: () =>
        warnOnce(
          this.host,
          'contact-form:no-host',
          'the contact-form attribute is set without an endpoint, but no soc-contact-submit listener called respondWith(), so the request could not be sent.',
        ),
    });
    await this.host.updateComplete;
    if (this.submitted && this.visibleErrors.length) this.focus(ERROR_SUMMARY_ID);
  }

  /**
   * Sent: the form is gone, so the confirmation takes focus, whether the patient's click or a
   * send resumed after the element came back into the page got there.
   */
  hostUpdated(): void {
    const sent = this.status.kind === 'sent';
    if (sent && !this.wasSent) this.focus(SENT_HEADING_ID);
    this.wasSent = sent;
  }

  private focus(id: string) {
    this.host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }
}
