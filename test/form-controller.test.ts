/**
 * The call-back form's controller on its own (no view): what it sends, when it stops, and what it
 * keeps, against the test runner's real fault endpoint (test/server/fault-endpoint.js).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContactFormController, HOST_TIMEOUT_MS, type ContactFormSetup } from '../src/contact/form-controller.ts';
import { emptyContactForm } from '../src/contact/validation.ts';
import type { ContactErrorDetail, ContactSentDetail, ContactSubmitDetail } from '../src/events.ts';
import { endpointFor, posts, serverLog, uniqueTag, useFastDelivery } from './contact-helpers.ts';
import { sleep } from './helpers.ts';

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

function makeForm(options: { endpoint?: () => URL | undefined } = {}): Made {
  const host = document.createElement('form-controller-test-host') as FormHost;
  const warnings: string[] = [];
  const form = new ContactFormController(host, {
    warn: (_key, text) => warnings.push(text),
    endpoint: options.endpoint ?? (() => undefined),
  });
  useFastDelivery();
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

  describe('leaving the page and coming back', () => {
    it('keeps the tries and the wait: 5 remounts against an always-500 endpoint make 3 tries in all', async () => {
      const tag = uniqueTag('controller-remount');
      const url = new URL(endpointFor('always-500', tag), location.href);
      const { host, form, errors } = makeForm({ endpoint: () => url });
      useFastDelivery({ baseDelayMs: 400 });
      const sending = form.submit(setup(url.href));
      await waitUntil(() => form.status.kind === 'retrying', 'the first try failed');
      for (let i = 0; i < 5; i++) {
        host.remove();
        await sleep(20);
        document.body.append(host);
        await sleep(20);
      }
      await sending;
      await waitUntil(() => form.status.kind === 'failed', 'the tries are used up', { timeout: 5000 });
      const log = await serverLog({ tag });
      // 3 tries in all; a remount may cut one short before it reaches the server, and it still counts.
      expect(log.attempts, 'POSTs in all').to.be.within(2, 3);
      const [first, second] = posts(log);
      expect(second!.time - first!.time, 'the backoff wait was kept').to.be.at.least(190);
      // A try cut short by a remount counts, though it reports no error of its own.
      expect(errors.at(-1)).to.include({ reason: 'http', willRetry: false });
    });
  });

  describe('endpoint removed or changed while pending', () => {
    it('removed during the retry wait: stops at once, says it was not sent, sends nothing more', async () => {
      const tag = uniqueTag('controller-endpoint-removed');
      const url = new URL(endpointFor('always-500', tag), location.href);
      const { form, errors } = makeForm({ endpoint: () => url });
      useFastDelivery({ baseDelayMs: 200 });
      const sending = form.submit(setup(url.href));
      await waitUntil(() => form.status.kind === 'retrying', 'the first try failed');
      form.endpointChanged(undefined);
      await sending;
      expect(form.status).to.deep.equal({ kind: 'failed', reason: 'stopped' });
      const id = errors[0]!.id;
      expect(errors.at(-1)).to.deep.equal({ id, reason: 'stopped', willRetry: false });
      await sleep(600);
      expect((await serverLog({ tag })).attempts).to.equal(1);
      expect(form.values.name, 'what was typed is kept').to.equal('Test Patient');
    });

    it('changed during a try in flight: the try is cut short and nothing more goes to the old address', async () => {
      const tag = uniqueTag('controller-endpoint-changed');
      const url = new URL(endpointFor('hang', tag, { delay: 1000 }), location.href);
      let current: URL | undefined = url;
      const { form } = makeForm({ endpoint: () => current });
      const sending = form.submit(setup(url.href));
      await waitUntil(async () => (await serverLog({ tag })).requests.length === 1, 'the first try arrives');
      current = new URL(endpointFor('ok', `${tag}-new`), location.href);
      form.endpointChanged(current);
      await sending;
      expect(form.status).to.deep.equal({ kind: 'failed', reason: 'stopped' });
      await sleep(1200);
      const log = await serverLog({ tag });
      expect(log.attempts).to.equal(1);
      expect(log.delivered, 'the cut-short try was not answered').to.equal(0);
      expect(
        (await serverLog({ tag: `${tag}-new` })).requests,
        'nothing sent to the new address unasked',
      ).to.deep.equal([]);
    });

    it('changed while the element was out of the page: it does not resume there', async () => {
      const tag = uniqueTag('controller-endpoint-away');
      const url = new URL(endpointFor('always-500', tag), location.href);
      let current: URL | undefined = url;
      const { host, form } = makeForm({ endpoint: () => current });
      useFastDelivery({ baseDelayMs: 200 });
      const sending = form.submit(setup(url.href));
      await waitUntil(() => form.status.kind === 'retrying', 'the first try failed');
      host.remove();
      await sending;
      current = undefined;
      document.body.append(host);
      expect(form.status).to.deep.equal({ kind: 'failed', reason: 'stopped' });
      await sleep(500);
      expect((await serverLog({ tag })).attempts).to.equal(1);
    });
  });

  describe('one request, one id', () => {
    it('Try again keeps the id and body when only the page’s language or address changed', async () => {
      const tag = uniqueTag('controller-same-id');
      const url = endpointFor('400-then-ok', tag);
      const { host, form } = makeForm();
      const submitted: ContactSubmitDetail[] = [];
      host.addEventListener('soc-contact-submit', (event) => submitted.push(event.detail));
      const address = location.href;
      await form.submit(setup(url, { language: 'en' }));
      expect(form.status).to.include({ kind: 'failed', reason: 'http' });
      history.pushState(null, '', '/another/route?patient=1');
      try {
        await form.submit(setup(url, { language: 'es' }));
      } finally {
        history.replaceState(null, '', address);
      }
      expect(form.status.kind).to.equal('sent');
      const [first, again] = submitted.map((detail) => detail.request);
      expect(again).to.deep.equal(first);
      const log = await serverLog({ tag });
      expect(posts(log).map((entry) => entry.key)).to.deep.equal([first!.id, first!.id]);
    });

    it('Try again after the patient changed what they ticked is a new request', async () => {
      const tag = uniqueTag('controller-new-id');
      const url = endpointFor('400-then-ok', tag);
      const { host, form } = makeForm();
      const submitted: ContactSubmitDetail[] = [];
      host.addEventListener('soc-contact-submit', (event) => submitted.push(event.detail));
      await form.submit(setup(url));
      form.setValue('voicemailOk', true);
      await form.submit(setup(url));
      const [first, again] = submitted.map((detail) => detail.request);
      expect(again!.id).not.to.equal(first!.id);
    });
  });

  describe('redirects', () => {
    it('a redirect fails at once, with a console warning that says why', async () => {
      const tag = uniqueTag('controller-redirect');
      const { form, warnings, errors } = makeForm();
      await form.submit(setup(endpointFor('redirect', tag)));
      expect(form.status).to.deep.equal({ kind: 'failed', reason: 'redirect' });
      expect(errors.map((e) => [e.reason, e.willRetry])).to.deep.equal([['redirect', false]]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('redirect');
      await sleep(200);
      expect((await serverLog({ tag })).requests.map((entry) => entry.scenario)).to.deep.equal(['redirect']);
    });
  });

  describe('host takeover', () => {
    it('respondWith after the listener returned is ignored with a warning; the widget sends itself', async () => {
      const tag = uniqueTag('controller-late');
      const { host, form, warnings, sent } = makeForm();
      let late: Promise<void> | undefined;
      host.addEventListener('soc-contact-submit', (event) => {
        const { detail } = event;
        late = Promise.resolve().then(() => detail.respondWith(Promise.resolve({ reference: 'LATE' })));
      });
      await form.submit(setup(endpointFor('ok', tag)));
      await late;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('respondWith').and.to.contain('synchronously');
      expect(sent).to.have.length(1);
      expect(sent[0]!.reference, 'the endpoint’s reference, not the late host’s').to.match(/^REF-/);
      expect((await serverLog({ tag })).attempts).to.equal(1);
    });

    it('a host promise that never settles fails after the time allowed; Try again offers the same id', async () => {
      const { host, form, errors, sent } = makeForm();
      useFastDelivery({ hostTimeoutMs: 300 });
      let answer: () => Promise<{ reference: string }> = () => new Promise(() => {});
      const ids: string[] = [];
      host.addEventListener('soc-contact-submit', (event) => {
        ids.push(event.detail.request.id);
        event.detail.respondWith(answer());
      });
      const startedAt = Date.now();
      await form.submit(setup());
      expect(Date.now() - startedAt).to.be.at.least(290);
      expect(form.status).to.deep.equal({ kind: 'failed', reason: 'rejected' });
      expect(form.busy).to.equal(false);
      expect(errors).to.deep.equal([{ id: ids[0], reason: 'timeout', willRetry: false }]);
      answer = () => Promise.resolve({ reference: 'H-3' });
      await form.submit(setup());
      expect(ids[1]).to.equal(ids[0]);
      expect(sent).to.deep.equal([{ id: ids[0], reference: 'H-3' }]);
    });

    it('allows 30 s by default', () => {
      expect(HOST_TIMEOUT_MS).to.equal(30_000);
    });
  });
});
