/*
 * The one-file bundle under the strict Content Security Policy the README promises it works
 * under, with Trusted Types enforced. test/server/csp-page.js serves /csp/page.html with
 *
 *   default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';
 *   require-trusted-types-for 'script'; trusted-types lit-html
 *
 * and test/csp/recorder.js, the page's first script, keeps every `securitypolicyviolation`
 * event in `window.cspViolations`. The page is loaded in a same-origin iframe, so this test
 * drives the widget as a patient would (real clicks on real controls) through the whole path
 * and the call-back form, then expects not one violation.
 *
 * The page lives in another realm (the iframe's window), so this file uses no `instanceof`
 * checks against this window's classes.
 */
import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import type { SelfCheckResult } from '../src/types.ts';

const PAGE = '/csp/page.html';
const POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

interface Violation {
  effectiveDirective: string;
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
}

interface CspWindow extends Window {
  cspViolations: Violation[];
}

interface WidgetElement extends HTMLElement {
  readonly updateComplete: Promise<boolean>;
  readonly result: SelfCheckResult | null;
}

/** Loads the page in a same-origin iframe and waits until the bundle defined the element. */
async function loadPage(url: string) {
  const iframe = document.createElement('iframe');
  iframe.title = 'Clinic page with a strict Content Security Policy';
  iframe.style.cssText = 'inline-size: 800px; block-size: 600px; border: 0';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = url;
  document.body.append(iframe);
  await loaded;
  const frameWindow = iframe.contentWindow as CspWindow;
  await waitUntil(() => frameWindow.customElements.get('second-opinion-check'), 'the bundle defined the element', {
    timeout: 10000,
  });
  const el = iframe.contentDocument!.querySelector('second-opinion-check') as WidgetElement;
  await el.updateComplete;
  return { iframe, frameWindow, el };
}

const describeViolations = (list: Violation[]) =>
  list
    .map(
      (v) =>
        `${v.effectiveDirective} blocked ${v.blockedURI || '(inline)'} at ${v.sourceFile}:${v.lineNumber} ${v.sample}`,
    )
    .join('\n');

describe('the one-file bundle under a strict CSP with Trusted Types', () => {
  let iframe: HTMLIFrameElement;
  let frameWindow: CspWindow;
  let el: WidgetElement;

  const root = () => el.shadowRoot!;
  const settle = async () => {
    await el.updateComplete;
    await nextFrame();
    await el.updateComplete;
  };
  /** A control's visible name: its text without the parts hidden from assistive technology. */
  const nameOf = (node: Node): string => {
    const collect = (current: Node): string => {
      if (current.nodeType === Node.TEXT_NODE) return current.textContent ?? '';
      if (current.nodeType === Node.ELEMENT_NODE && (current as Element).getAttribute('aria-hidden') === 'true')
        return '';
      return [...current.childNodes].map(collect).join('');
    };
    return collect(node).replace(/\s+/g, ' ').trim();
  };
  const heading = () => nameOf(root().querySelector('#heading') ?? document.createTextNode(''));
  const click = async (selector: string, name: string) => {
    const found = [...root().querySelectorAll<HTMLElement>(selector)].filter((node) => nameOf(node) === name);
    expect(found, `one ${selector} named "${name}" on "${heading()}"`).to.have.length(1);
    found[0].click();
    await settle();
  };
  const clickButton = (name: string) => click('button', name);
  const chooseOption = (name: string) => click('label', name);
  const violations = () => frameWindow.cspViolations;

  before(async () => {
    ({ iframe, frameWindow, el } = await loadPage(PAGE));
    await settle();
  });

  after(() => iframe.remove());

  it('is served with the policy, which the page enforces', async () => {
    const response = await fetch(PAGE);
    expect(response.headers.get('Content-Security-Policy')).to.equal(POLICY);
    expect(frameWindow.cspViolations, 'the recorder ran first').to.be.an('array');
    const scripts = [...iframe.contentDocument!.scripts].map((script) => new URL(script.src).pathname);
    expect(scripts, 'only the recorder and the bundle').to.deep.equal([
      '/test/csp/recorder.js',
      '/dist/second-opinion-check.js',
    ]);
  });

  it('loads and renders the intro without a violation', async () => {
    expect(el.shadowRoot, 'the element upgraded').to.not.equal(null);
    expect(heading()).to.equal('Should I get a second opinion?');
    // Styles applied (constructed stylesheets are not blocked): the Start button is styled.
    const start = [...root().querySelectorAll('button')].find((b) => nameOf(b) === 'Start')!;
    expect(frameWindow.getComputedStyle(start).minBlockSize).to.equal('44px');
    expect(violations(), describeViolations(violations())).to.deep.equal([]);
  });

  it('walks the whole path and sends a call-back request without a violation', async () => {
    const steps: string[] = [];
    el.addEventListener('soc-step', (event) => steps.push((event as CustomEvent<{ step: string }>).detail.step));

    await clickButton('Start');
    for (const answer of ['No', 'Yes', 'Not sure', 'No', 'Yes']) {
      expect(heading()).to.match(/\?$/);
      await chooseOption(answer);
      await clickButton('Continue');
    }
    expect(heading()).to.equal('Is anything holding you back?');
    await chooseOption('I do not have time');
    await chooseOption('I am not sure my insurance will pay');
    await clickButton('See my result');
    expect(heading()).to.equal('A second opinion is a good idea for you');
    expect(el.result).to.deep.include({ level: 'recommended', reasons: ['surgery'], barriers: ['time', 'insurance'] });
    // Ticking the checklist re-renders through Lit's Trusted Types policy too.
    const firstStep = root().querySelector<HTMLInputElement>('[part~="steps"] input[type="checkbox"]');
    firstStep?.click();
    await settle();

    // The contact screen, from the intro.
    await clickButton('Start again');
    await clickButton('Contact Riverside Clinic');
    expect(heading()).to.equal('Contact Riverside Clinic');
    expect(steps).to.deep.equal([...Array(5).fill('question'), 'barriers', 'result', 'intro', 'contact']);

    const type = (selector: string, value: string) => {
      const field = root().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    type('#contact-name', 'Ana Pérez');
    type('#contact-phone', '(555) 010-2222');
    type('#contact-message', 'Please call me about my treatment options.');
    await chooseOption('Afternoon');
    root().querySelector<HTMLInputElement>('#contact-consent')!.click();
    await settle();

    let sentId = '';
    el.addEventListener('soc-contact-sent', (event) => (sentId = (event as CustomEvent<{ id: string }>).detail.id));
    await clickButton('Ask for a call back');
    await waitUntil(() => root().querySelector('#form-sent'), 'the request was sent', { timeout: 10000 });
    expect(nameOf(root().querySelector('[part~="form"]')!)).to.contain('Your reference is REF-');

    const log = await (await fetch(`/api/callback/log?tag=csp&key=${encodeURIComponent(sentId)}`)).json();
    expect(log.attempts, 'one POST').to.equal(1);
    expect(log.delivered, 'delivered once').to.equal(1);
    expect(log.requests[0].body).to.include({
      name: 'Ana Pérez',
      phone: '(555) 010-2222',
      bestTime: 'afternoon',
      consent: true,
    });

    // Violation events are queued as tasks: give any late one time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(violations(), describeViolations(violations())).to.deep.equal([]);
  });

  it('switches language (translated templates, right to left) without a violation', async () => {
    const base = () => root().querySelector('[part~="base"]')!;
    el.setAttribute('locale', 'ar');
    await waitUntil(() => base().getAttribute('lang') === 'ar', 'renders in Arabic');
    await settle();
    expect(base().getAttribute('dir')).to.equal('rtl');
    el.setAttribute('locale', 'en');
    await waitUntil(() => base().getAttribute('lang') === 'en', 'back to English');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(violations(), describeViolations(violations())).to.deep.equal([]);
  });

  // The checks above would also pass if the policy were not enforced at all; these show that
  // it is, and that the recorder hears what it blocks. They run last, as they cause violations.
  it('blocks what the policy forbids, and the recorder hears it', async () => {
    const frameDocument = iframe.contentDocument!;
    const before = violations().length;

    const style = frameDocument.createElement('style');
    style.textContent = 'body { color: red; }';
    frameDocument.head.append(style);
    await waitUntil(() => violations().length > before, 'an inline <style> is reported');
    expect(violations().at(-1)!.effectiveDirective).to.match(/^style-src/);

    if ('trustedTypes' in frameWindow) {
      const count = violations().length;
      // Errors from the iframe belong to its realm: compare names, not classes.
      const thrown = (action: () => unknown) => {
        try {
          action();
        } catch (error) {
          return (error as Error).name;
        }
        return 'nothing thrown';
      };
      expect(
        thrown(() => (frameDocument.createElement('div').innerHTML = '<b>plain string</b>')),
        'a plain string into innerHTML',
      ).to.equal('TypeError');
      await waitUntil(() => violations().length > count, 'the Trusted Types violation is reported');
      expect(violations().at(-1)!.effectiveDirective).to.equal('require-trusted-types-for');
      const policies = (
        frameWindow as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }
      ).trustedTypes;
      expect(
        thrown(() => policies.createPolicy('another-policy', {})),
        'only lit-html may be created',
      ).to.equal('TypeError');
    }
  });
});

/*
 * Every copy of Lit creates a Trusted Types policy named `lit-html`. The one-file bundle has its
 * own copy, so a page that also uses Lit, or includes the file twice under two URLs, creates the
 * name twice; `trusted-types lit-html` alone refuses the second, and the copy that loads second
 * fails to start. README's "Privacy and security" tells such pages to add 'allow-duplicates'.
 */
describe('two copies of Lit on a page with Trusted Types', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  it("needs 'allow-duplicates': without it the second lit-html policy is refused", async () => {
    const { iframe, frameWindow, el } = await loadPage(`${PAGE}?copies=2`);
    frames.push(iframe);
    await waitUntil(() => frameWindow.cspViolations.length > 0, 'the second policy is refused');
    expect(frameWindow.cspViolations.map((v) => [v.effectiveDirective, v.sample])).to.deep.equal([
      ['trusted-types', 'lit-html'],
    ]);
    // The first copy defined the element, so this widget still works; a host's own Lit loaded
    // second would not have.
    expect(el.shadowRoot).to.not.equal(null);
  });

  it("works without a violation with trusted-types lit-html 'allow-duplicates'", async () => {
    const { iframe, frameWindow, el } = await loadPage(`${PAGE}?copies=2&allowDuplicates`);
    frames.push(iframe);
    // Module scripts run before the load event loadPage() waited for, so both copies have run
    // (the second one's guarded define found the element registered). Violation events are
    // queued as tasks: give them time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(el.shadowRoot).to.not.equal(null);
    expect(frameWindow.cspViolations, describeViolations(frameWindow.cspViolations)).to.deep.equal([]);
  });
});
