/**
 * The call-back form's controller on its own (no view): what it sends, when it stops, and what it
 * keeps, against the test runner's real fault endpoint (test/server/fault-endpoint.js).
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContactFormController, type ContactFormSetup } from '../src/contact/form-controller.ts';
import { emptyContactForm } from '../src/contact/validation.ts';
import type { ContactErrorDetail, ContactSentDetail, ContactSubmitDetail } from '../src/events.ts';
import { endpointFor, serverLog, sleep, uniqueTag } from './contact-helpers.ts';

/** The least a controller needs from its element: controllers told of (dis)connection. */
class FormHost extends HTMLElement implements ReactiveControllerHost {
  private readonly controllers: ReactiveController[] = [];
  addController(controller: ReactiveController) {
    this.controllers.push(controller);
  }
  removeController() {}
  requestUpdate() {}
  get updateComplete() {
    return Promise.resolve(true);
  }
  connectedCallback() {
    for (const controller of this.controllers) controller.hostConnected?.();
  }
  disconnectedCallback() {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}
customElements.define('form-controller-test-host', FormHost);

interface Made {
  host: FormHost;
  form: ContactFormController;
  warnings: string[];
  sent: ContactSentDetail[];
  errors: ContactErrorDetail[];
}

function makeForm(): Made {
  const host = document.createElement('form-controller-test-host') as FormHost;
  const warnings: string[] = [];
  const form = new ContactFormController(host);
  form.deliveryOptions = { timeoutMs: 3000, baseDelayMs: 50 };
  form.values = { ...emptyContactForm(), name: 'Test Patient', phone: '555 010 2222', consent: true };
  document.body.append(host);
  const sent: ContactSentDetail[] = [];
  const errors: ContactErrorDetail[] = [];
  host.addEventListener('soc-contact-sent', (event) => sent.push(event.detail));
  host.addEventListener('soc-contact-error', (event) => errors.push(event.detail));
  return { host, form, warnings, sent, errors };
}

function setup(endpoint?: string, more: Partial<ContactFormSetup> = {}): ContactFormSetup {
  return {
    endpoint: endpoint ? new URL(endpoint, location.href) : undefined,
    language: 'en',
    result: null,
    widgetVersion: '0.0.0-test',
    onNoHost: () => {},
    ...more,
  };
}

afterEach(() => {
  for (const host of document.querySelectorAll('form-controller-test-host')) host.remove();
});

describe('ContactFormController', () => {
  describe('cancelling', () => {
    it('preventDefault() without respondWith sends nothing and leaves the status as it was', async () => {
      const tag = uniqueTag('controller-cancel');
      const { host, form, sent, errors } = makeForm();
      host.addEventListener('soc-contact-submit', (event) => event.preventDefault());
      await form.submit(setup(endpointFor('ok', tag)));
      await sleep(200);
      expect((await serverLog({ tag })).requests).to.deep.equal([]);
      expect(form.status).to.deep.equal({ kind: 'idle' });
      expect(form.busy).to.equal(false);
      expect([sent, errors]).to.deep.equal([[], []]);
      expect(form.values.name, 'what was typed is kept').to.equal('Test Patient');
    });

    it('with contact-form only, a cancelled send is no failure', async () => {
      const { host, form, errors } = makeForm();
      let noHost = 0;
      host.addEventListener('soc-contact-submit', (event) => event.preventDefault());
      await form.submit(setup(undefined, { onNoHost: () => noHost++ }));
      expect(form.status).to.deep.equal({ kind: 'idle' });
      expect(errors).to.deep.equal([]);
      expect(noHost).to.equal(0);
    });

    it('respondWith wins over preventDefault', async () => {
      const { host, form, sent } = makeForm();
      host.addEventListener('soc-contact-submit', (event) => {
        event.preventDefault();
        (event as CustomEvent<ContactSubmitDetail>).detail.respondWith(Promise.resolve({ reference: 'H-9' }));
      });
      await form.submit(setup());
      expect(form.status).to.deep.equal({ kind: 'sent', reference: 'H-9' });
      expect(sent).to.have.length(1);
    });
  });
});
