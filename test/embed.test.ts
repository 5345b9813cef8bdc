/*
 * The one-file bundle on a plain page, as a partner clinic's site would use it: the element is
 * already in the page, then `<script type="module" src=".../second-opinion-check.js">` runs.
 * `npm test` builds dist/ first. This file imports nothing from src/, so the bundle's copy is
 * the only definition on this page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import {
  $,
  answerAll,
  chooseOption,
  expectSameNode,
  clickButton,
  headingText,
  LEVEL_HEADING,
  QUESTION_HEADING,
  settle,
  textOf,
  type CheckElement,
} from './helpers.ts';

const BUNDLE = '/dist/second-opinion-check.js';

/** Adds a module script tag and resolves when it ran, with the page errors it caused. */
async function addScript(src: string): Promise<unknown[]> {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    errors.push(event.error ?? event.message);
  };
  window.addEventListener('error', onError);
  try {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    await new Promise<void>((resolve, reject) => {
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`could not load ${src}`)));
      document.head.append(script);
    });
    // A module's top-level error is reported on window just before the load event.
    await new Promise((resolve) => setTimeout(resolve, 0));
  } finally {
    window.removeEventListener('error', onError);
  }
  return errors;
}

describe('the one-file bundle on a plain page', () => {
  const page = document.createElement('main');
  page.lang = 'en';
  page.innerHTML = `
    <h1>Riverside Clinic</h1>
    <second-opinion-check id="first" clinic-name="Riverside Clinic" phone="555-0100"></second-opinion-check>
    <second-opinion-check id="second"></second-opinion-check>
  `;
  const first = () => page.querySelector('#first') as CheckElement;
  const second = () => page.querySelector('#second') as CheckElement;
  let firstLoadErrors: unknown[] = [];
  let definedBeforeScript: CustomElementConstructor | undefined;
  let shadowBeforeScript: ShadowRoot | null = null;

  before(async () => {
    document.body.append(page);
    // A property set by a host before the element upgrades must not be lost.
    (second() as unknown as { questions: string[] }).questions = ['surgery', 'doubts'];
    definedBeforeScript = customElements.get('second-opinion-check');
    shadowBeforeScript = first().shadowRoot;
    firstLoadErrors = await addScript(BUNDLE);
    if (!customElements.get('second-opinion-check')) {
      throw new Error(
        `${BUNDLE} did not define the element (run npm run build): ${firstLoadErrors.map(String).join('; ')}`,
      );
    }
    await settle(first());
    await settle(second());
  });

  after(() => page.remove());

  it('upgrades an element that was in the page before the script ran', async () => {
    expect(definedBeforeScript, 'not defined before the script').to.equal(undefined);
    expectSameNode(shadowBeforeScript, null, 'no shadow root before the script');
    expect(firstLoadErrors).to.deep.equal([]);
    const el = first();
    await expect(el).to.be.accessible();
    expect(el.shadowRoot).not.to.equal(null);
    expect(headingText(el)).to.equal('Should I get a second opinion?');
    expect(textOf(el, '[part~="header"]')).to.equal('Riverside Clinic');
    expect(textOf(el)).to.contain('5 quick questions, about 1 minute');
    expect($(el, '[part~="base"]')!.getAttribute('lang')).to.equal('en');
    expectSameNode(el.shadowRoot!.activeElement, null, 'no focus taken on load');
  });

  it('is registered: customElements.get gives the class, createElement makes one', async () => {
    const Class = customElements.get('second-opinion-check');
    expect(Class).to.be.a('function');
    expect(first() instanceof Class!).to.equal(true);
    const made = document.createElement('second-opinion-check');
    expect(made instanceof Class!).to.equal(true);
    expect(made.constructor.name).to.not.equal('HTMLElement');
  });

  it('completes the self-check path', async () => {
    const el = first();
    await answerAll(el, ['no', 'yes', 'no', 'no', 'unsure'], ['insurance']);
    await expect(el).to.be.accessible();
    expect(headingText(el)).to.equal(LEVEL_HEADING.recommended);
    expect(el.result).to.deep.equal({
      level: 'recommended',
      reasons: ['surgery'],
      answers: { serious: 'no', surgery: 'yes', unclear: 'no', experimental: 'no', doubts: 'unsure' },
      barriers: ['insurance'],
    });
    expect(textOf(el, '[part~="contact"]')).to.contain('555-0100');
    await clickButton(el, 'Start again');
    expect(headingText(el)).to.equal('Should I get a second opinion?');
    expect(el.result).to.equal(null);
  });

  it('keeps a questions property set before the upgrade', async () => {
    const el = second();
    await clickButton(el, 'Start');
    expect(textOf(el, '[part~="progress"]')).to.equal('Question 1 of 2');
    expect(headingText(el)).to.equal(QUESTION_HEADING.surgery);
    await chooseOption(el, 'No');
    await clickButton(el, 'Continue');
    expect(headingText(el)).to.equal(QUESTION_HEADING.doubts);
  });

  it('re-renders an upgraded element when its language changes', async () => {
    const el = first();
    const base = () => $(el, '[part~="base"]')!;
    try {
      el.setAttribute('locale', 'ar');
      await waitUntil(() => base().getAttribute('lang') === 'ar', 'renders in Arabic');
      expect(base().getAttribute('dir')).to.equal('rtl');
      // One locale per page: the other widget follows.
      await waitUntil(() => $(second(), '[part~="base"]')!.getAttribute('lang') === 'ar', 'the other widget follows');
    } finally {
      el.setAttribute('locale', 'en');
      await waitUntil(() => base().getAttribute('lang') === 'en', 'back to English');
    }
  });

  it('throws nothing when the script is included a second time', async () => {
    const Class = customElements.get('second-opinion-check');
    // The same URL again (the module map runs it once) …
    expect(await addScript(BUNDLE)).to.deep.equal([]);
    // … and another URL of the same file, which does evaluate the whole bundle again.
    expect(await addScript(`${BUNDLE}?included=twice`)).to.deep.equal([]);
    let importError: unknown;
    const url = `${BUNDLE}?imported=again`;
    await import(url).catch((error: unknown) => (importError = error));
    expect(importError).to.equal(undefined);
    expect(customElements.get('second-opinion-check')).to.equal(Class);
    const el = document.createElement('second-opinion-check') as CheckElement;
    page.append(el);
    try {
      await waitUntil(() => el.shadowRoot?.querySelector('#heading'), 'a new element still renders');
      expect(el instanceof Class!).to.equal(true);
      expect(headingText(el)).to.equal('Should I get a second opinion?');
    } finally {
      el.remove();
    }
  });
});
