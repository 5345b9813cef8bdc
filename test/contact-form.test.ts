/**
 * The call-back request form (SPEC §4) inside the element, against the test runner's real
 * fault-injecting endpoint (test/server/fault-endpoint.js): what the patient sees and hears,
 * what reaches the server, and what the host page's events carry.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.ts';
import type { ContactSubmitDetail } from '../src/events.ts';
import {
  $,
  $$,
  accessibleText,
  answerAll,
  buttonByName,
  chooseOption,
  clickButton,
  expectSameNode,
  fixtureElement,
  hasButton,
  isShown,
  optionByLabel,
  inputOf,
  press,
  settle,
  shadow,
  sleep,
  spyOnWarn,
  type Attributes,
  type CheckElement,
} from './helpers.ts';
import {
  alertText,
  confirmation,
  CONSENT_LABEL,
  consentBox,
  EMAIL,
  endpointFor,
  fieldByLabel,
  fillValidForm,
  form,
  MESSAGE,
  NAME,
  PHONE,
  posts,
  recordContactEvents,
  recordFetches,
  recordStatusLines,
  resourceNames,
  serverLog,
  statusText,
  submitButton,
  typeInto,
  uniqueTag,
  useFastDelivery,
  waitForFailure,
  waitForSent,
} from './contact-helpers.ts';

const CLINIC: Attributes = {
  'clinic-name': 'Riverside Clinic',
  phone: '(555) 010-4477',
  email: 'care@riverside.example',
};
const CONTACT_BUTTON = 'Contact Riverside Clinic';
const TEL_HREF = 'tel:5550104477';
const MAILTO_HREF = 'mailto:care@riverside.example';

const SENDING = 'Sending your request…';
const RETRYING = 'We could not reach the clinic. We will try again in 1 second.';
/** The clinic answered with an error status: it was reached, so the patient is told it is busy. */
const RETRYING_BUSY = 'The clinic’s system is busy right now. We will try again in 1 second.';
const OFFLINE = 'You are offline. We will send your request when you are back online.';
const FAILED_HTTP =
  'Your request was not sent. The clinic could not take the request right now. Everything you typed is still here. ' +
  'You can also call (555) 010-4477 or email care@riverside.example.';
const FAILED_PAGE =
  'Your request was not sent. Something went wrong on this page. Everything you typed is still here. ' +
  'You can also call (555) 010-4477 or email care@riverside.example.';

const FAILED_STOPPED =
  'Your request was not sent. The page changed while it was being sent, so we stopped it. Everything you typed is still here. ' +
  'You can also call (555) 010-4477 or email care@riverside.example.';
const FAILED_CONFIG =
  'Your request was not sent. The clinic’s request form is not set up correctly. Everything you typed is still here. ' +
  'You can also call (555) 010-4477 or email care@riverside.example.';

const BODY_KEYS = [
  'id',
  'createdAt',
  'name',
  'bestTime',
  'voicemailOk',
  'forSomeoneElse',
  'language',
  'consent',
  'page',
  'widgetVersion',
];
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const VOICEMAIL = 'It is OK to leave a voicemail';
const SOMEONE_ELSE = 'I am asking for someone else, like a family member I care for';
const SHARE = 'Share my self-check answers with the clinic';

/** The element on its contact screen, the form's delivery made fast. */
async function openForm(
  attrs: Attributes,
  fast: { timeoutMs?: number; baseDelayMs?: number; hostTimeoutMs?: number } = {},
) {
  const el = await fixtureElement({ ...CLINIC, ...attrs });
  useFastDelivery(fast);
  await clickButton(el, CONTACT_BUTTON);
  return el;
}

/** The form, posting to the fault endpoint with `scenario` and a tag of its own. */
async function formWith(
  scenario: string,
  name: string,
  params: Record<string, string | number> = {},
  fast: { timeoutMs?: number; baseDelayMs?: number } = {},
) {
  const tag = uniqueTag(name);
  const el = await openForm({ endpoint: endpointFor(scenario, tag, params) }, fast);
  expect(form(el), 'the call-back form').not.to.equal(null);
  return { el, tag };
}

/** The element on its result screen (level `recommended`), which has the share box. */
async function formOnResult(endpoint: string | undefined) {
  const el = await fixtureElement({ ...CLINIC, ...(endpoint ? { endpoint } : { 'contact-form': true }) });
  useFastDelivery();
  await answerAll(el, ['no', 'yes', 'unsure', 'no', 'no'], ['time', 'insurance']);
  expect(el.result?.level).to.equal('recommended');
  expect(form(el), 'the call-back form on the result screen').not.to.equal(null);
  return el;
}

const focused = (el: CheckElement) => shadow(el).activeElement;
const links = (el: CheckElement, scope: string) =>
  $$<HTMLAnchorElement>(el, `${scope} a`).map((a) => a.getAttribute('href'));
const radio = (el: CheckElement, label: string) => inputOf(optionByLabel(el, label));

/** The element ids an `aria-describedby` names, each one found in the shadow root. */
function describedBy(el: CheckElement, field: Element): string[] {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  for (const id of ids) expect(shadow(el).getElementById(id), `#${id} named by aria-describedby`).not.to.equal(null);
  return ids;
}

before(() => {
  // The test page loads many modules; room for the requests the tests look for.
  performance.setResourceTimingBufferSize(10000);
});

describe('call-back form: when it is shown', () => {
  it('shows with an allowed endpoint or contact-form, and not without either', async () => {
    const plain = await fixtureElement(CLINIC);
    await clickButton(plain, CONTACT_BUTTON);
    await expect(plain).to.be.accessible();
    expectSameNode(form(plain), null, 'no endpoint, no contact-form: no form');
    expect(links(plain, '[part~="contact"]')).to.deep.equal([TEL_HREF, MAILTO_HREF]);

    for (const attrs of [
      { endpoint: endpointFor('ok', uniqueTag('shown')) },
      { endpoint: 'https://clinic.example/api/callback' },
      { endpoint: 'http://localhost:9/callback' },
      { endpoint: 'http://127.0.0.1:9/callback' },
      { 'contact-form': true },
    ]) {
      const el = await openForm(attrs);
      expect(form(el), JSON.stringify(attrs)).not.to.equal(null);
      expect(accessibleText($(el, '#form-heading')!)).to.equal('Ask the clinic to call you back');
    }
  });

  for (const endpoint of ['http://evil.example.org/x', 'javascript:alert(document.domain)']) {
    it(`refuses endpoint=${endpoint}: no form, contact links kept, a warning, never contacted`, async () => {
      const warnings = spyOnWarn();
      const fetches = recordFetches();
      const resourcesBefore = resourceNames();
      let el: CheckElement;
      try {
        el = await fixtureElement({ ...CLINIC, endpoint });
        await clickButton(el, CONTACT_BUTTON);
        await expect(el).to.be.accessible();
        expectSameNode(form(el), null, 'the form is hidden');
        expect(links(el, '[part~="contact"]')).to.deep.equal([TEL_HREF, MAILTO_HREF]);
        const named = warnings.calls.filter((text) => text.includes('endpoint'));
        expect(named, warnings.calls.join('\n')).to.have.length(1);
        expect(named[0]).to.contain(JSON.stringify(endpoint));

        // With contact-form as well the form is there for the host to send, but sending it
        // still never goes to the refused endpoint.
        el.setAttribute('contact-form', '');
        await settle(el);
        expect(form(el), 'contact-form shows the form').not.to.equal(null);
        await fillValidForm(el);
        submitButton(el).click();
        await waitForFailure(el);
        await sleep(100);
      } finally {
        fetches.restore();
        warnings.restore();
      }
      expect(fetches.calls, 'fetch calls').to.deep.equal([]);
      const added = resourceNames().filter((name) => !resourcesBefore.includes(name));
      expect(added, 'network requests').to.deep.equal([]);
      expect(alertText(el)).to.equal(FAILED_PAGE);
    });
  }
});

describe('call-back form: fields', () => {
  it('labels every field, with autocomplete tokens, a live counter and maxlength 1000', async () => {
    const { el } = await formWith('ok', 'fields');
    await expect(el).to.be.accessible();

    const name = fieldByLabel(el, 'Your name');
    const phone = fieldByLabel(el, 'Phone number');
    const email = fieldByLabel(el, 'Email address');
    const message = fieldByLabel(el, 'Message (optional)');
    expect([name, phone, email].map((field) => field.getAttribute('autocomplete'))).to.deep.equal([
      'name',
      'tel',
      'email',
    ]);
    expect([name, phone, email].map((field) => (field as HTMLInputElement).type)).to.deep.equal([
      'text',
      'tel',
      'email',
    ]);
    expect(message.localName).to.equal('textarea');
    expect(message.getAttribute('maxlength')).to.equal('1000');
    expect(message.maxLength).to.equal(1000);

    const counter = $(el, '#contact-message-count')!;
    const hint = $(el, '#contact-message-hint')!;
    expect(isShown(counter), 'the counter is visible').to.equal(true);
    expect(accessibleText(counter)).to.equal('You have 1,000 characters left.');
    expect(accessibleText(hint)).to.equal('Please do not include detailed medical information.');
    expect(describedBy(el, message)).to.include.members(['contact-message-hint', 'contact-message-count']);
    await typeInto(el, 'Message (optional)', 'Hello');
    expect(accessibleText(counter)).to.equal('You have 995 characters left.');
    await typeInto(el, 'Message (optional)', 'x'.repeat(1000));
    expect(accessibleText(counter)).to.equal('You have 0 characters left.');

    // Best time to call: a labelled group, "Any time" by default.
    const legend = $$(el, 'form legend').map(accessibleText);
    expect(legend).to.include('Best time to call');
    expect(['Morning', 'Afternoon', 'Evening', 'Any time'].map((label) => radio(el, label).checked)).to.deep.equal([
      false,
      false,
      false,
      true,
    ]);
    expect(inputOf(optionByLabel(el, VOICEMAIL)).type).to.equal('checkbox');
    expect(inputOf(optionByLabel(el, SOMEONE_ELSE)).type).to.equal('checkbox');
    expectSameNode(optionByLabel(el, CONSENT_LABEL).control, consentBox(el), 'the consent label’s control');
    expect(consentBox(el).required).to.equal(true);
    // No result yet: nothing to share.
    expect($$(el, 'label').map(accessibleText)).to.not.include(SHARE);

    // The honeypot: not seen, not reachable by Tab, hidden from screen readers.
    const honeypot = $<HTMLInputElement>(el, '.honeypot input')!;
    const box = honeypot.closest('.honeypot')!.getBoundingClientRect();
    expect([box.width, box.height], 'the honeypot takes one clipped pixel at most').to.satisfy(
      ([width, height]: number[]) => width <= 1 && height <= 1,
    );
    expect(getComputedStyle(honeypot.closest('.honeypot')!).clipPath).to.not.equal('none');
    expect(honeypot.tabIndex).to.equal(-1);
    expect(honeypot.closest('[aria-hidden="true"]')).not.to.equal(null);
    expect(honeypot.getAttribute('autocomplete')).to.equal('off');
  });

  it('names the clinic in the consent text, or says "the clinic" without a name', async () => {
    const { el } = await formWith('ok', 'consent');
    await expect(el).to.be.accessible();
    expect(accessibleText(optionByLabel(el, CONSENT_LABEL))).to.contain('Riverside Clinic');

    const generic = await fixtureElement({ 'contact-form': true });
    await clickButton(generic, 'Contact the clinic');
    expect(accessibleText(consentBox(generic).closest('label')!)).to.equal(
      'I agree that the clinic may contact me about this request.',
    );
  });
});

describe('call-back form: errors', () => {
  it('shows a field’s error only once the patient leaves it, next to it, with aria-invalid and aria-describedby', async () => {
    const { el, tag } = await formWith('ok', 'blur');
    await expect(el).to.be.accessible();
    const name = fieldByLabel(el, 'Your name');
    const phone = fieldByLabel(el, 'Phone number');
    expect($$(el, '[part~="error"]'), 'no error before any interaction').to.have.length(0);
    expect(name.getAttribute('aria-invalid')).to.equal('false');
    expect(name.hasAttribute('aria-describedby')).to.equal(false);

    // Leave the name empty: Tab to the phone field.
    name.focus();
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expectSameNode(focused(el), phone, 'focus after Tab');
    const nameError = $(el, '#contact-name-error');
    expect(nameError, 'the name error after leaving the field').not.to.equal(null);
    expect(accessibleText(nameError!)).to.equal('Enter your name.');
    expectSameNode(nameError!.parentElement, name.parentElement, 'the name error is next to its field');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy(el, name)).to.deep.equal(['contact-name-error']);

    // A wrong phone number is not an error while it is being typed…
    await sendKeys({ type: 'call me' });
    await settle(el);
    expect(phone.value).to.equal('call me');
    expectSameNode($(el, '#contact-phone-error'), null, 'no phone error while typing');
    expect(phone.getAttribute('aria-invalid')).to.equal('false');
    // …but is once the patient moves on.
    await sendKeys({ press: 'Tab' });
    await settle(el);
    const phoneError = $(el, '#contact-phone-error');
    expect(phoneError, 'the phone error after leaving the field').not.to.equal(null);
    expect(accessibleText(phoneError!)).to.equal('Enter a phone number with 7 to 15 digits, like 555 010 4477.');
    expectSameNode(phoneError!.parentElement, phone.parentElement, 'the phone error is next to its field');
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy(el, phone)).to.deep.equal(['contact-how-hint', 'contact-phone-error']);
    expectSameNode($(el, '#contact-email-error'), null, 'the email field was not left yet');
    await expect(el).to.be.accessible();

    // Corrected: the error goes.
    await typeInto(el, 'Phone number', PHONE);
    expectSameNode($(el, '#contact-phone-error'), null, 'the corrected phone’s error');
    expect(phone.getAttribute('aria-invalid')).to.equal('false');
    expect(describedBy(el, phone)).to.deep.equal(['contact-how-hint']);
    expect((await serverLog({ tag })).requests).to.deep.equal([]);
  });

  it('on submit with errors, a focused summary links to each field; nothing is sent', async () => {
    const { el, tag } = await formWith('ok', 'summary');
    await expect(el).to.be.accessible();
    const submits = recordContactEvents(el);
    await typeInto(el, 'Phone number', '12');
    expectSameNode($(el, '#error-summary'), null, 'no summary before submitting');
    submitButton(el).click();
    await settle(el);

    const summary = $(el, '#error-summary');
    expect(summary, 'the error summary').not.to.equal(null);
    expect(summary!.getAttribute('role')).to.equal('alert');
    expect(accessibleText($(el, '#error-summary-title')!)).to.equal('There is a problem');
    await waitUntil(() => focused(el) === summary, 'the summary gets focus');
    const summaryLinks = $$<HTMLAnchorElement>(el, '#error-summary a');
    expect(summaryLinks.map(accessibleText)).to.deep.equal([
      'Enter your name.',
      'Enter a phone number with 7 to 15 digits, like 555 010 4477.',
      'Tick the box to say the clinic may contact you.',
    ]);
    // Each error shows at its field as well.
    expect(
      [fieldByLabel(el, 'Your name'), fieldByLabel(el, 'Phone number'), consentBox(el)].map((field) =>
        field.getAttribute('aria-invalid'),
      ),
    ).to.deep.equal(['true', 'true', 'true']);
    await expect(el).to.be.accessible();

    const targets = [fieldByLabel(el, 'Your name'), fieldByLabel(el, 'Phone number'), consentBox(el)];
    for (const [index, link] of summaryLinks.entries()) {
      link.click();
      await settle(el);
      expectSameNode(focused(el), targets[index]!, `link ${index + 1} focuses its field`);
    }

    // Only consent missing: still nothing goes out.
    await fillValidForm(el);
    consentBox(el).click();
    await settle(el);
    expect(consentBox(el).checked).to.equal(false);
    submitButton(el).click();
    await settle(el);
    expect($$<HTMLAnchorElement>(el, '#error-summary a').map(accessibleText)).to.deep.equal([
      'Tick the box to say the clinic may contact you.',
    ]);
    await sleep(100);
    const log = await serverLog({ tag });
    expect(log.attempts).to.equal(0);
    expect(log.requests).to.deep.equal([]);
    expect(submits.events, 'no soc-contact-* event while invalid').to.deep.equal([]);
  });
});

describe('call-back form: delivery', () => {
  it('500: tries again, says so, and delivers once under the same Idempotency-Key; the confirmation gets focus', async () => {
    const { el, tag } = await formWith('500-then-ok', '500');
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    const lines = recordStatusLines(el);
    submitButton(el).click();
    const sent = await waitForSent(el);
    lines.stop();

    expect(lines.seen, 'the status line (role=status)').to.deep.equal([SENDING, RETRYING_BUSY, SENDING]);
    const [submit] = events.of('soc-contact-submit');
    const id = submit!.detail.request.id;
    expect(id).to.match(UUID_V4);
    const reference = `REF-${id.slice(0, 8).toUpperCase()}`;
    expect(events.events.map((entry) => entry.type)).to.deep.equal([
      'soc-contact-submit',
      'soc-contact-error',
      'soc-contact-sent',
    ]);
    expect(events.of('soc-contact-error')[0]!.detail).to.deep.equal({
      id,
      reason: 'http',
      status: 500,
      willRetry: true,
    });
    expect(events.of('soc-contact-sent')[0]!.detail).to.deep.equal({ id, reference });
    for (const { event } of events.events)
      expect([event.bubbles, event.composed], event.type).to.deep.equal([true, true]);

    const log = await serverLog({ tag });
    expect(posts(log).map((entry) => [entry.key, entry.outcome])).to.deep.equal([
      [id, 500],
      [id, 200],
    ]);
    expect(log.attempts).to.equal(2);
    expect(log.delivered).to.equal(1);

    // The form is gone; the confirmation says so, shows the reference and has focus.
    expectSameNode(form(el), null, 'the form after success');
    expect(accessibleText(sent)).to.contain('Your request was sent');
    expect(accessibleText(sent)).to.contain(`Your reference is ${reference}.`);
    await waitUntil(() => focused(el) === $(el, '#form-sent'), 'the confirmation heading gets focus');
    await expect(el).to.be.accessible();
  });

  it('503 with Retry-After: 1 waits that second before trying again', async () => {
    const { el, tag } = await formWith('503-retry-after', '503');
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    const lines = recordStatusLines(el);
    submitButton(el).click();
    await waitUntil(() => statusText(el) === RETRYING_BUSY, 'the retry is announced', { timeout: 3000 });
    await expect(el).to.be.accessible();
    await waitForSent(el);
    lines.stop();

    expect(lines.seen).to.deep.equal([SENDING, RETRYING_BUSY, SENDING]);
    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    expect(events.of('soc-contact-error').map((entry) => entry.detail)).to.deep.equal([
      { id, reason: 'http', status: 503, willRetry: true },
    ]);
    const log = await serverLog({ tag });
    const [first, second] = posts(log);
    expect([first!.key, second!.key]).to.deep.equal([id, id]);
    // The seam's backoff is at most 50 ms: only Retry-After explains a wait of a second.
    expect(second!.time - first!.time, 'ms between the tries').to.be.at.least(900);
    expect(log.delivered).to.equal(1);
    expect(accessibleText(confirmation(el)!)).to.contain(`Your reference is REF-${id.slice(0, 8).toUpperCase()}.`);
  });

  it('429: tries again and delivers once', async () => {
    const { el, tag } = await formWith('429-then-ok', '429');
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    submitButton(el).click();
    await waitForSent(el);
    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    expect(events.of('soc-contact-error').map((entry) => entry.detail)).to.deep.equal([
      { id, reason: 'http', status: 429, willRetry: true },
    ]);
    expect(events.of('soc-contact-sent').map((entry) => entry.detail)).to.deep.equal([
      { id, reference: `REF-${id.slice(0, 8).toUpperCase()}` },
    ]);
    const log = await serverLog({ tag });
    expect(posts(log).map((entry) => entry.key)).to.deep.equal([id, id]);
    expect(log.delivered).to.equal(1);
  });

  it('400: no retry; fails with an alert, Try again and the phone; keeps everything typed; Try again reuses the id', async () => {
    const tag = uniqueTag('400');
    const el = await formOnResult(endpointFor('400-then-ok', tag));
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    for (const label of ['Evening', VOICEMAIL, SOMEONE_ELSE, SHARE]) await chooseOption(el, label);
    const events = recordContactEvents(el);
    submitButton(el).click();
    await waitForFailure(el);
    // Longer than any backoff the seam allows: a retry would have gone out by now.
    await sleep(200);

    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    expect(events.of('soc-contact-error').map((entry) => entry.detail)).to.deep.equal([
      { id, reason: 'http', status: 400, willRetry: false },
    ]);
    expect(events.of('soc-contact-sent')).to.deep.equal([]);
    let log = await serverLog({ tag });
    expect(log.attempts, 'one try only').to.equal(1);
    expect(log.delivered).to.equal(0);

    expect(alertText(el)).to.equal(FAILED_HTTP);
    expect(statusText(el), 'the polite region is quiet').to.equal('');
    expect(links(el, 'form [role="alert"]')).to.deep.equal([TEL_HREF, MAILTO_HREF]);
    expect(hasButton(el, 'Ask for a call back')).to.equal(false);
    buttonByName(el, 'Try again');

    // Everything typed or ticked is still there, and can be changed.
    const texts = ['Your name', 'Phone number', 'Email address', 'Message (optional)'].map((label) =>
      fieldByLabel(el, label),
    );
    expect(texts.map((field) => field.value)).to.deep.equal([NAME, PHONE, EMAIL, MESSAGE]);
    expect(texts.map((field) => field.readOnly)).to.deep.equal([false, false, false, false]);
    expect(radio(el, 'Evening').checked, 'best time').to.equal(true);
    const boxes = [VOICEMAIL, SOMEONE_ELSE, SHARE, CONSENT_LABEL].map((label) => radio(el, label));
    expect(boxes.map((box) => box.checked)).to.deep.equal([true, true, true, true]);
    expect(boxes.map((box) => box.disabled)).to.deep.equal([false, false, false, false]);
    await expect(el).to.be.accessible();

    // Try again: the same request id, so the clinic can tell it is the same request.
    await clickButton(el, 'Try again');
    await waitForSent(el);
    log = await serverLog({ tag });
    expect(posts(log).map((entry) => [entry.key, entry.outcome])).to.deep.equal([
      [id, 400],
      [id, 200],
    ]);
    expect(log.delivered).to.equal(1);
    expect(events.of('soc-contact-submit').map((entry) => entry.detail.request.id)).to.deep.equal([id, id]);
    const [first, again] = posts(log).map((entry) => JSON.stringify(entry.body));
    expect(again, 'Try again sends the very same body, createdAt included').to.equal(first);
    expect(events.of('soc-contact-sent').map((entry) => entry.detail)).to.deep.equal([
      { id, reference: `REF-${id.slice(0, 8).toUpperCase()}` },
    ]);
  });

  it('Try again after the patient changed a field is a new request, with a new id', async () => {
    const tag = uniqueTag('400-edit');
    const el = await openForm({ endpoint: endpointFor('400-then-ok', tag) });
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    submitButton(el).click();
    await waitForFailure(el);
    const field = fieldByLabel(el, 'Your name');
    field.value = `${NAME} Jr`;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await clickButton(el, 'Try again');
    // The endpoint fails the first try of every key, so the new request fails too.
    await waitUntil(() => events.of('soc-contact-error').length === 2, 'the second request is answered');
    const [first, second] = events.of('soc-contact-submit').map((entry) => entry.detail.request);
    expect(second!.name).to.equal(`${NAME} Jr`);
    expect(second!.id, 'a changed request gets its own id').not.to.equal(first!.id);
  });

  it('a dropped connection: tries again and delivers once', async () => {
    const { el, tag } = await formWith('drop-then-ok', 'drop');
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    const lines = recordStatusLines(el);
    submitButton(el).click();
    await waitForSent(el);
    lines.stop();
    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    expect(events.of('soc-contact-error').map((entry) => entry.detail)).to.deep.equal([
      { id, reason: 'network', willRetry: true },
    ]);
    expect(lines.seen).to.deep.equal([SENDING, RETRYING, SENDING]);
    const log = await serverLog({ tag });
    expect(posts(log).map((entry) => [entry.key, entry.outcome])).to.deep.equal([
      [id, 'dropped'],
      [id, 200],
    ]);
    expect(log.delivered).to.equal(1);
  });

  it('no answer: times out, tries again and delivers once', async () => {
    // A short timeout through the seam; the retry must still get its answer within it.
    const { el, tag } = await formWith('hang-then-ok', 'timeout', { delay: 3000 }, { timeoutMs: 1000 });
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    submitButton(el).click();
    await waitForSent(el);
    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    expect(events.of('soc-contact-error').map((entry) => entry.detail)).to.deep.equal([
      { id, reason: 'timeout', willRetry: true },
    ]);
    const log = await serverLog({ tag });
    const [first, second] = posts(log);
    expect([first!.key, second!.key]).to.deep.equal([id, id]);
    // Measured at the server, so the first request's trip there comes off the 1000 ms: allow
    // 100 ms for it on a loaded machine (a try cut short would show far less).
    expect(second!.time - first!.time, 'the first try was given its timeout').to.be.at.least(900);
    expect(log.delivered).to.equal(1);
  });

  it('a 2xx with a malformed JSON body is sent, without a reference', async () => {
    const { el, tag } = await formWith('ok-malformed', 'malformed');
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    submitButton(el).click();
    const sent = await waitForSent(el);
    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    expect(events.of('soc-contact-sent').map((entry) => entry.detail)).to.deep.equal([{ id }]);
    expect(events.of('soc-contact-error')).to.deep.equal([]);
    expect(accessibleText(sent)).to.contain('Your request was sent');
    expect(accessibleText(sent)).to.not.contain('reference');
    const log = await serverLog({ tag });
    expect(log.attempts).to.equal(1);
    expect(log.delivered).to.equal(1);
  });

  it('offline: sends nothing and says so, then sends once when back online', async () => {
    const { el, tag } = await formWith('ok', 'offline');
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      expect(navigator.onLine).to.equal(false);
      submitButton(el).click();
      await waitUntil(() => statusText(el) === OFFLINE, 'the offline status is shown', { timeout: 3000 });
      expect($(el, 'form [role="status"]')!.getAttribute('aria-live')).to.equal('polite');
      await sleep(300);
      expect((await serverLog({ tag })).requests, 'nothing sent while offline').to.deep.equal([]);
      expect(statusText(el)).to.equal(OFFLINE);
      expect(events.of('soc-contact-error'), 'being offline is not a failed try').to.deep.equal([]);
      await expect(el).to.be.accessible();
    } finally {
      delete (navigator as unknown as { onLine?: boolean }).onLine;
    }
    expect(navigator.onLine).to.equal(true);
    window.dispatchEvent(new Event('online'));
    await waitForSent(el);
    const log = await serverLog({ tag });
    expect(log.attempts).to.equal(1);
    expect(log.delivered).to.equal(1);
    expect(events.of('soc-contact-sent')).to.have.length(1);
  });

  it('a filled honeypot: nothing is sent and no event fires', async () => {
    const { el, tag } = await formWith('ok', 'honeypot');
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    // What a form-filling bot does: it fills every field it finds.
    const honeypot = $<HTMLInputElement>(el, '.honeypot input')!;
    honeypot.value = 'https://cheap-pills.example';
    honeypot.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    const events = recordContactEvents(el);
    const fetches = recordFetches();
    try {
      submitButton(el).click();
      await settle(el);
      await sleep(200);
    } finally {
      fetches.restore();
    }
    expect(fetches.calls).to.deep.equal([]);
    const log = await serverLog({ tag });
    expect(log.attempts).to.equal(0);
    expect(log.requests).to.deep.equal([]);
    expect(
      events.events.map((entry) => entry.type),
      'soc-contact-* events',
    ).to.deep.equal([]);
  });

  for (const how of ['moved', 'removed for a while']) {
    it(`an element ${how} while sending goes on with the same request once it is back; the confirmation gets focus`, async () => {
      // The first try hangs; later ones answer at once.
      const { el, tag } = await formWith('hang-then-ok', `moved-${how.length}`, { delay: 1500 });
      await expect(el).to.be.accessible();
      await fillValidForm(el);
      const events = recordContactEvents(el);
      submitButton(el).click();
      await waitUntil(async () => (await serverLog({ tag })).requests.length === 1, 'the first try arrives', {
        timeout: 3000,
      });
      const parent = el.parentElement!;
      if (how === 'moved') {
        // A host framework re-inserting the element: disconnected, then connected again at once.
        parent.append(el);
      } else {
        el.remove();
        await sleep(300);
        expect((await serverLog({ tag })).requests, 'nothing more is sent while it is away').to.have.length(1);
        parent.append(el);
      }
      await waitForSent(el);
      const id = events.of('soc-contact-submit')[0]!.detail.request.id;
      expect(events.of('soc-contact-sent').map((entry) => entry.detail)).to.deep.equal([
        { id, reference: `REF-${id.slice(0, 8).toUpperCase()}` },
      ]);
      const log = await serverLog({ tag });
      expect(posts(log).map((entry) => entry.key)).to.deep.equal([id, id]);
      expect(log.delivered).to.equal(1);
      await waitUntil(() => focused(el) === $(el, '#form-sent'), 'the confirmation heading gets focus');
      await expect(el).to.be.accessible();
    });
  }

  it('a double click on the button sends once', async () => {
    // Every try takes 500 ms, so the later clicks land while the first is in flight.
    const { el, tag } = await formWith('hang', 'double-click', { delay: 500 });
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    const button = submitButton(el);
    button.click();
    button.click();
    await sleep(100);
    expect(statusText(el)).to.equal(SENDING);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    await waitForSent(el);
    const log = await serverLog({ tag });
    expect(log.attempts).to.equal(1);
    expect(log.delivered).to.equal(1);
    expect(events.of('soc-contact-submit')).to.have.length(1);
    expect(events.of('soc-contact-sent')).to.have.length(1);
  });

  it('pressing Enter twice sends once', async () => {
    const { el, tag } = await formWith('hang', 'double-enter', { delay: 1500 });
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    let formSubmits = 0;
    form(el)!.addEventListener('submit', () => formSubmits++);
    fieldByLabel(el, 'Your name').focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    // Both presses reached the form while the first try was in flight.
    expect(statusText(el)).to.equal(SENDING);
    expect(formSubmits, 'submit events on the form').to.equal(2);
    await waitForSent(el);
    const log = await serverLog({ tag });
    expect(log.attempts).to.equal(1);
    expect(log.delivered).to.equal(1);
    expect(events.of('soc-contact-submit')).to.have.length(1);
  });
});

describe('call-back form: host takeover', () => {
  it('respondWith resolving: nothing goes on the network, and the host’s reference is shown', async () => {
    const el = await openForm({ 'contact-form': true });
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    el.addEventListener('soc-contact-submit', (event) => {
      (event as CustomEvent<ContactSubmitDetail>).detail.respondWith(Promise.resolve({ reference: 'H-1' }));
    });
    const fetches = recordFetches();
    const resourcesBefore = resourceNames();
    try {
      submitButton(el).click();
      await waitForSent(el);
      await sleep(100);
    } finally {
      fetches.restore();
    }
    expect(fetches.calls, 'fetch calls').to.deep.equal([]);
    expect(
      resourceNames().filter((name) => !resourcesBefore.includes(name)),
      'network requests',
    ).to.deep.equal([]);

    const [submit] = events.of('soc-contact-submit');
    expect(submit!.event.cancelable).to.equal(true);
    const { request } = submit!.detail;
    expect(Object.keys(request).sort()).to.deep.equal([...BODY_KEYS, 'phone', 'email', 'message'].sort());
    expect(request).to.include({ name: NAME, phone: PHONE, email: EMAIL, message: MESSAGE, consent: true });
    expect((await serverLog({ key: request.id })).requests, 'the endpoint log').to.deep.equal([]);
    expect(events.of('soc-contact-sent').map((entry) => entry.detail)).to.deep.equal([
      { id: request.id, reference: 'H-1' },
    ]);
    expect(accessibleText(confirmation(el)!)).to.contain('Your reference is H-1.');
    await waitUntil(() => focused(el) === $(el, '#form-sent'), 'the confirmation heading gets focus');
    await expect(el).to.be.accessible();
  });

  it('respondWith wins over an endpoint: the endpoint gets nothing', async () => {
    const { el, tag } = await formWith('ok', 'takeover-endpoint');
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    el.addEventListener('soc-contact-submit', (event) => {
      (event as CustomEvent<ContactSubmitDetail>).detail.respondWith(Promise.resolve());
    });
    const resourcesBefore = resourceNames();
    submitButton(el).click();
    const sent = await waitForSent(el);
    await sleep(100);
    expect(resourceNames().filter((name) => !resourcesBefore.includes(name))).to.deep.equal([]);
    expect((await serverLog({ tag })).requests).to.deep.equal([]);
    expect(accessibleText(sent)).to.not.contain('reference');
  });

  it('respondWith rejecting: failed with Try again, everything kept; Try again offers the same id', async () => {
    const el = await openForm({ 'contact-form': true });
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    await chooseOption(el, 'Morning');
    await chooseOption(el, VOICEMAIL);
    const events = recordContactEvents(el);
    let answer: () => Promise<{ reference: string }> = () => Promise.reject(new Error('the portal is down'));
    el.addEventListener('soc-contact-submit', (event) => {
      (event as CustomEvent<ContactSubmitDetail>).detail.respondWith(answer());
    });
    submitButton(el).click();
    await waitForFailure(el);

    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    expect(events.of('soc-contact-error').map((entry) => entry.detail)).to.deep.equal([
      { id, reason: 'rejected', willRetry: false },
    ]);
    expect(alertText(el)).to.equal(FAILED_PAGE);
    buttonByName(el, 'Try again');
    const texts = ['Your name', 'Phone number', 'Email address', 'Message (optional)'].map((label) =>
      fieldByLabel(el, label),
    );
    expect(texts.map((field) => field.value)).to.deep.equal([NAME, PHONE, EMAIL, MESSAGE]);
    expect([radio(el, 'Morning'), radio(el, VOICEMAIL), consentBox(el)].map((box) => box.checked)).to.deep.equal([
      true,
      true,
      true,
    ]);
    await expect(el).to.be.accessible();

    answer = () => Promise.resolve({ reference: 'H-2' });
    await clickButton(el, 'Try again');
    await waitForSent(el);
    expect(events.of('soc-contact-submit').map((entry) => entry.detail.request.id)).to.deep.equal([id, id]);
    expect(events.of('soc-contact-sent').map((entry) => entry.detail)).to.deep.equal([{ id, reference: 'H-2' }]);
  });

  it('respondWith called after the listener returned: ignored with a console warning; the widget sends', async () => {
    const { el, tag } = await formWith('ok', 'late-respond');
    await fillValidForm(el);
    const events = recordContactEvents(el);
    el.addEventListener('soc-contact-submit', (event) => {
      const { detail } = event as CustomEvent<ContactSubmitDetail>;
      setTimeout(() => detail.respondWith(Promise.resolve({ reference: 'TOO-LATE' })), 0);
    });
    const warnings = spyOnWarn();
    try {
      submitButton(el).click();
      await waitForSent(el);
      await sleep(50);
    } finally {
      warnings.restore();
    }
    expect(warnings.calls, warnings.calls.join('\n')).to.have.length(1);
    expect(warnings.calls[0]).to.contain('respondWith');
    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    expect(events.of('soc-contact-sent').map((entry) => entry.detail)).to.deep.equal([
      { id, reference: `REF-${id.slice(0, 8).toUpperCase()}` },
    ]);
    expect((await serverLog({ tag })).attempts).to.equal(1);
  });

  it('a host promise that never settles: failed with Try again once the time allowed is up', async () => {
    const el = await openForm({ 'contact-form': true }, { hostTimeoutMs: 500 });
    await fillValidForm(el);
    const events = recordContactEvents(el);
    el.addEventListener('soc-contact-submit', (event) => {
      (event as CustomEvent<ContactSubmitDetail>).detail.respondWith(new Promise(() => {}));
    });
    submitButton(el).click();
    await settle(el);
    expect(statusText(el)).to.equal(SENDING);
    expect(fieldByLabel(el, 'Your name').readOnly).to.equal(true);
    await waitForFailure(el, 3000);
    expect(alertText(el)).to.equal(FAILED_PAGE);
    expect(fieldByLabel(el, 'Your name').readOnly).to.equal(false);
    buttonByName(el, 'Try again');
    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    expect(events.of('soc-contact-error').map((entry) => entry.detail)).to.deep.equal([
      { id, reason: 'timeout', willRetry: false },
    ]);
    await expect(el).to.be.accessible();
  });

  it('contact-form without a listener: failed, with one console warning', async () => {
    const el = await openForm({ 'contact-form': true });
    await expect(el).to.be.accessible();
    await fillValidForm(el);
    const events = recordContactEvents(el);
    const warnings = spyOnWarn();
    try {
      submitButton(el).click();
      await waitForFailure(el);
      expect(alertText(el)).to.equal(FAILED_PAGE);
      await clickButton(el, 'Try again');
      await waitForFailure(el);
    } finally {
      warnings.restore();
    }
    expect(warnings.calls, warnings.calls.join('\n')).to.have.length(1);
    expect(warnings.calls[0]).to.contain('contact-form').and.to.contain('respondWith');
    expect(events.of('soc-contact-error').map((entry) => entry.detail.reason)).to.deep.equal([
      'unavailable',
      'unavailable',
    ]);
    expect(fieldByLabel(el, 'Your name').value).to.equal(NAME);
    buttonByName(el, 'Try again');
  });
});

describe('call-back form: the honeypot never catches a patient', () => {
  /** Words that browser autofill and password managers match in a field's name, id or label. */
  const AUTOFILL_WORDS =
    /name|mail|phone|tel|mobile|fax|address|street|city|zip|postal|country|company|organi[sz]ation|url|web|site|home|user|login|pass|card|birth|title|search|comment|message|note/i;

  it('matches no autofill heuristic, and password managers are told to skip it', async () => {
    const { el } = await formWith('ok', 'honeypot-autofill');
    await expect(el).to.be.accessible();
    const honeypot = $<HTMLInputElement>(el, '.honeypot input')!;
    const label = honeypot.labels?.[0];
    for (const [what, text] of [
      ['name', honeypot.name],
      ['id', honeypot.id],
      ['label', label ? accessibleText(label) : ''],
      ['placeholder', honeypot.placeholder],
    ] as const) {
      expect(text, `the honeypot's ${what}`).to.not.match(AUTOFILL_WORDS);
    }
    expect(honeypot.type).to.equal('text');
    expect(honeypot.getAttribute('autocomplete')).to.equal('off');
    // 1Password, LastPass, Bitwarden, Dashlane.
    expect(honeypot.hasAttribute('data-1p-ignore')).to.equal(true);
    expect(honeypot.getAttribute('data-lpignore')).to.equal('true');
    expect(honeypot.hasAttribute('data-bwignore')).to.equal(true);
    expect(honeypot.getAttribute('data-form-type')).to.equal('other');
    expect(honeypot.tabIndex).to.equal(-1);
    expect(honeypot.closest('[aria-hidden="true"]')).not.to.equal(null);
  });

  it('a patient who types every field and Tabs through the form is sent, not silently dropped', async () => {
    const { el, tag } = await formWith('ok', 'honeypot-patient');
    const honeypot = $<HTMLInputElement>(el, '.honeypot input')!;
    const focused: Element[] = [];
    const next = async () => {
      await press(el, 'Tab');
      focused.push(shadow(el).activeElement!);
    };
    fieldByLabel(el, 'Your name').focus();
    await sendKeys({ type: 'Ana Pérez' });
    await next();
    await sendKeys({ type: '555 010 2222' });
    for (let i = 0; i < 12 && shadow(el).activeElement !== consentBox(el); i++) await next();
    await sendKeys({ press: ' ' });
    await next();
    expectSameNode(shadow(el).activeElement, submitButton(el), 'Tab after consent');
    expect(focused.includes(honeypot), 'the honeypot was never focused').to.equal(false);
    expect(honeypot.value).to.equal('');
    await sendKeys({ press: 'Enter' });
    await waitForSent(el);
    const log = await serverLog({ tag });
    expect(log.delivered).to.equal(1);
    expect(posts(log)[0]!.body).to.include({ name: 'Ana Pérez', phone: '555 010 2222' });
  });
});

describe('call-back form: cancelling', () => {
  for (const setup of ['an endpoint', 'contact-form only']) {
    it(`with ${setup}, preventDefault() without respondWith sends nothing and leaves the form as it was`, async () => {
      const tag = uniqueTag('cancel');
      const el = await openForm(
        setup === 'an endpoint' ? { endpoint: endpointFor('ok', tag) } : { 'contact-form': true },
      );
      await expect(el).to.be.accessible();
      await fillValidForm(el);
      const events = recordContactEvents(el);
      el.addEventListener('soc-contact-submit', (event) => event.preventDefault());
      const fetches = recordFetches();
      const resourcesBefore = resourceNames();
      const lines = recordStatusLines(el);
      try {
        submitButton(el).click();
        await settle(el);
        await sleep(300);
      } finally {
        fetches.restore();
        lines.stop();
      }
      expect(fetches.calls, 'fetch calls').to.deep.equal([]);
      expect(
        resourceNames().filter((name) => !resourcesBefore.includes(name)),
        'network requests',
      ).to.deep.equal([]);
      expect((await serverLog({ tag })).requests, 'the endpoint log').to.deep.equal([]);
      expect(events.events.map((entry) => entry.type)).to.deep.equal(['soc-contact-submit']);
      expect(lines.seen, 'no status or failure shown').to.deep.equal([]);
      expect(confirmation(el), 'no confirmation').to.equal(null);
      const texts = ['Your name', 'Phone number', 'Email address', 'Message (optional)'].map((label) =>
        fieldByLabel(el, label),
      );
      expect(texts.map((field) => field.value)).to.deep.equal([NAME, PHONE, EMAIL, MESSAGE]);
      expect(texts.map((field) => field.readOnly)).to.deep.equal([false, false, false, false]);
      expect(consentBox(el).disabled).to.equal(false);
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
      expect(accessibleText(submitButton(el))).to.equal('Ask for a call back');
      await expect(el).to.be.accessible();
    });
  }
});

describe('call-back form: one request, one id, sent only where configured', () => {
  it('taken out and put back 5 times while waiting to retry: the wait is kept, never more than 3 tries', async () => {
    const { el, tag } = await formWith('always-500', 'remount', {}, { baseDelayMs: 400 });
    await fillValidForm(el);
    submitButton(el).click();
    await waitUntil(() => statusText(el) === RETRYING_BUSY, 'the retry is announced', { timeout: 3000 });
    const parent = el.parentElement!;
    for (let i = 0; i < 5; i++) {
      el.remove();
      await sleep(20);
      parent.append(el);
      await sleep(20);
    }
    await waitForFailure(el, 8000);
    const log = await serverLog({ tag });
    // 3 tries in all; a remount may cut one short before it reaches the server, and it still counts.
    expect(log.attempts, 'POSTs in all').to.be.within(2, 3);
    const [first, second] = posts(log);
    expect(second!.time - first!.time, 'ms before the second try').to.be.at.least(190);
    expect(alertText(el)).to.equal(FAILED_HTTP);
    await expect(el).to.be.accessible();
  });

  it('endpoint removed while retrying: stops, says it was not sent, keeps everything typed, sends nothing more', async () => {
    const { el, tag } = await formWith('always-500', 'endpoint-removed', {}, { baseDelayMs: 300 });
    await fillValidForm(el);
    const events = recordContactEvents(el);
    submitButton(el).click();
    await waitUntil(() => statusText(el) === RETRYING_BUSY, 'the retry is announced', { timeout: 3000 });
    el.removeAttribute('endpoint');
    await waitForFailure(el);
    expect(alertText(el)).to.equal(FAILED_STOPPED);
    expect(links(el, 'form [role="alert"]')).to.deep.equal([TEL_HREF, MAILTO_HREF]);
    const texts = ['Your name', 'Phone number', 'Email address', 'Message (optional)'].map((label) =>
      fieldByLabel(el, label),
    );
    expect(texts.map((field) => field.value)).to.deep.equal([NAME, PHONE, EMAIL, MESSAGE]);
    expect(hasButton(el, 'Try again'), 'nowhere to send it again').to.equal(false);
    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    expect(events.of('soc-contact-error').at(-1)!.detail).to.deep.equal({ id, reason: 'stopped', willRetry: false });
    await expect(el).to.be.accessible();
    await sleep(800);
    expect((await serverLog({ tag })).attempts, 'POSTs to the old address').to.equal(1);
  });

  it('endpoint changed during a try: nothing more goes to the old address; Try again goes to the new one', async () => {
    const { el, tag } = await formWith('hang', 'endpoint-changed', { delay: 1500 });
    await fillValidForm(el);
    const events = recordContactEvents(el);
    submitButton(el).click();
    await waitUntil(async () => (await serverLog({ tag })).requests.length === 1, 'the first try arrives');
    const newTag = uniqueTag('endpoint-new');
    el.setAttribute('endpoint', endpointFor('ok', newTag));
    await waitForFailure(el);
    expect(alertText(el)).to.equal(FAILED_STOPPED);
    await sleep(1700);
    let log = await serverLog({ tag });
    expect([log.attempts, log.delivered], 'tries and deliveries at the old address').to.deep.equal([1, 0]);
    expect((await serverLog({ tag: newTag })).requests, 'nothing sent unasked to the new one').to.deep.equal([]);

    await clickButton(el, 'Try again');
    await waitForSent(el);
    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    log = await serverLog({ tag: newTag });
    expect(posts(log).map((entry) => entry.key)).to.deep.equal([id]);
    expect((await serverLog({ tag })).attempts).to.equal(1);
  });

  it('Try again after the page’s language and address changed sends the same request, same id', async () => {
    const tag = uniqueTag('same-id');
    const el = await openForm({ endpoint: endpointFor('400-then-ok', tag) });
    await fillValidForm(el);
    const events = recordContactEvents(el);
    submitButton(el).click();
    await waitForFailure(el);
    const root = document.documentElement;
    const lang = root.getAttribute('lang');
    const address = location.href;
    try {
      // A single-page app: another route, and the patient switched the site to Spanish.
      history.pushState(null, '', '/clinic/es/second-opinion?from=menu');
      root.setAttribute('lang', 'es');
      await waitUntil(() => accessibleText(submitButton(el)) !== 'Try again', 'the form is in Spanish');
      submitButton(el).click();
      await waitForSent(el);
    } finally {
      history.replaceState(null, '', address);
      if (lang === null) root.removeAttribute('lang');
      else root.setAttribute('lang', lang);
    }
    const [first, again] = events.of('soc-contact-submit').map((entry) => entry.detail.request);
    expect(again!.id).to.equal(first!.id);
    expect(again).to.deep.equal(first);
    const log = await serverLog({ tag });
    expect(posts(log).map((entry) => [entry.key, entry.outcome])).to.deep.equal([
      [first!.id, 400],
      [first!.id, 200],
    ]);
    const [body1, body2] = posts(log).map((entry) => JSON.stringify(entry.body));
    expect(body2).to.equal(body1);
  });

  it('a redirect from the endpoint: no retry, the patient is told, a console warning says why', async () => {
    const { el, tag } = await formWith('redirect', 'redirect');
    await fillValidForm(el);
    const events = recordContactEvents(el);
    const warnings = spyOnWarn();
    try {
      submitButton(el).click();
      await waitForFailure(el);
      await sleep(200);
    } finally {
      warnings.restore();
    }
    expect(alertText(el)).to.equal(FAILED_CONFIG);
    buttonByName(el, 'Try again');
    expect(warnings.calls, warnings.calls.join('\n')).to.have.length(1);
    expect(warnings.calls[0]).to.contain('redirect');
    const id = events.of('soc-contact-submit')[0]!.detail.request.id;
    expect(events.of('soc-contact-error').map((entry) => entry.detail)).to.deep.equal([
      { id, reason: 'redirect', willRetry: false },
    ]);
    const log = await serverLog({ tag });
    expect(log.requests.map((entry) => [entry.scenario, entry.outcome])).to.deep.equal([['redirect', 307]]);
    await expect(el).to.be.accessible();
  });
});

describe('call-back form: what is sent', () => {
  it('sends exactly the SPEC body: page without query or hash, the language, selfCheck when shared, no cookie', async () => {
    const tag = uniqueTag('payload');
    const version = ((await (await fetch('/package.json')).json()) as { version: string }).version;
    const el = await formOnResult(endpointFor('ok', tag));
    await expect(el).to.be.accessible();
    const result = el.result!;
    await fillValidForm(el, { name: `  ${NAME} `, email: ` ${EMAIL}`, message: `\n${MESSAGE}  \n` });
    for (const label of ['Morning', VOICEMAIL, SHARE]) await chooseOption(el, label);

    const original = location.href;
    const cookie = 'soc_contact_form_test';
    // The cookie is scoped to the endpoint's path so that other test pages never see it.
    document.cookie = `${cookie}=secret; path=/api/callback; SameSite=Lax`;
    history.replaceState(history.state, '', '/clinic/second-opinion?q=secret#h');
    const sentAt = Date.now();
    try {
      submitButton(el).click();
      await waitForSent(el);
    } finally {
      history.replaceState(history.state, '', original);
    }
    try {
      const log = await serverLog({ tag });
      const [post] = posts(log);
      expect(log.attempts).to.equal(1);
      const body = post!.body as Record<string, unknown>;
      expect(Object.keys(body).sort()).to.deep.equal([...BODY_KEYS, 'phone', 'email', 'message', 'selfCheck'].sort());
      expect(body.id).to.match(UUID_V4);
      expect(post!.key, 'Idempotency-Key').to.equal(body.id);
      expect(post!.contentType).to.match(/^application\/json\b/);
      expect(Math.abs(Date.parse(body.createdAt as string) - sentAt)).to.be.below(5000);
      expect(body).to.deep.equal({
        id: body.id,
        createdAt: body.createdAt,
        name: NAME,
        phone: PHONE,
        email: EMAIL,
        bestTime: 'morning',
        voicemailOk: true,
        forSomeoneElse: false,
        language: 'en',
        message: MESSAGE,
        consent: true,
        selfCheck: { level: result.level, answers: result.answers, barriers: result.barriers },
        page: `${location.origin}/clinic/second-opinion`,
        widgetVersion: version,
      });
      expect(body.language).to.equal($(el, '[part~="base"]')!.getAttribute('lang'));
      expect(post!.hasCookie, 'cookie sent').to.equal(false);

      // Control: a POST that allows credentials does carry the cookie, so the check above can fail.
      const control = uniqueTag('payload-control');
      await fetch(endpointFor('ok', control), { method: 'POST', credentials: 'same-origin', body: '{}' });
      expect(posts(await serverLog({ tag: control }))[0]!.hasCookie, 'control cookie').to.equal(true);
    } finally {
      document.cookie = `${cookie}=; path=/api/callback; max-age=0`;
    }
  });

  it('leaves out selfCheck when the share box is not ticked, and email and message when empty', async () => {
    const tag = uniqueTag('payload-minimal');
    const el = await formOnResult(endpointFor('ok', tag));
    await expect(el).to.be.accessible();
    await fillValidForm(el, { email: '', message: '   ' });
    expect(inputOf(optionByLabel(el, SHARE)).checked).to.equal(false);
    submitButton(el).click();
    await waitForSent(el);
    const body = posts(await serverLog({ tag }))[0]!.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).to.deep.equal([...BODY_KEYS, 'phone'].sort());
    expect(body).to.include({ bestTime: 'any', voicemailOk: false, forSomeoneElse: false, consent: true });
    expect(body.page).to.equal(location.origin + location.pathname);
  });

  it('sends the language the form is shown in', async () => {
    const { el, tag } = await formWith('ok', 'language');
    await expect(el).to.be.accessible();
    const base = () => $(el, '[part~="base"]')!;
    try {
      el.setAttribute('locale', 'es');
      await waitUntil(() => base().getAttribute('lang') === 'es', 'shows Spanish');
      await settle(el);
      expect(accessibleText($(el, '#form-heading')!)).to.not.equal('Ask the clinic to call you back');
      // The labels are in Spanish now: the fields are found by id.
      for (const [id, value] of [
        ['contact-name', NAME],
        ['contact-phone', PHONE],
      ]) {
        const field = $<HTMLInputElement>(el, `#${id}`)!;
        field.value = value!;
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      if (!consentBox(el).checked) consentBox(el).click();
      await settle(el);
      submitButton(el).click();
      await waitForSent(el);
      const body = posts(await serverLog({ tag }))[0]!.body as Record<string, unknown>;
      expect(body.language).to.equal('es');
    } finally {
      el.setAttribute('locale', 'en');
      await waitUntil(() => base().getAttribute('lang') === 'en', 'back to English');
    }
  });
});

describe('call-back form: events carry nothing typed', () => {
  it('soc-contact-sent and soc-contact-error hold ids and reasons only; soc-contact-submit holds the request', async () => {
    const retried = await formWith('500-then-ok', 'events-ok');
    const failed = await formWith('400', 'events-failed');
    const { el } = retried;
    await expect(el).to.be.accessible();
    const typed = [NAME, PHONE, EMAIL, MESSAGE, 'Pérez', '010-2222', 'knee'];
    const recorders = [recordContactEvents(retried.el), recordContactEvents(failed.el)];
    await fillValidForm(retried.el);
    await fillValidForm(failed.el);
    submitButton(retried.el).click();
    submitButton(failed.el).click();
    await waitForSent(retried.el);
    await waitForFailure(failed.el);

    const all = recorders.flatMap((recorder) => recorder.events);
    expect(all.map((entry) => entry.type).sort()).to.deep.equal([
      'soc-contact-error',
      'soc-contact-error',
      'soc-contact-sent',
      'soc-contact-submit',
      'soc-contact-submit',
    ]);
    for (const entry of all) {
      if (entry.type === 'soc-contact-submit') {
        expect(entry.detail.request).to.include({ name: NAME, phone: PHONE, email: EMAIL, message: MESSAGE });
        continue;
      }
      const text = JSON.stringify(entry.detail);
      for (const value of typed) expect(text, `${entry.type} detail`).to.not.contain(value);
      expect(Object.keys(entry.detail), entry.type).to.satisfy((keys: string[]) =>
        keys.every((key) => ['id', 'reference', 'reason', 'status', 'willRetry'].includes(key)),
      );
    }
  });
});
