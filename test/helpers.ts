/**
 * Shared helpers for the element tests. They act like a patient: controls are found by their
 * role and visible (accessible) text, and real elements are clicked.
 *
 * This module never imports the element itself, so a test file decides which copy it loads
 * (the sources, or the built one-file bundle in embed.test.ts).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Answer, BarrierId, QuestionId, SelfCheckResult } from '../src/types.ts';

/** What the tests need from the element, whichever copy defined it. */
export interface CheckElement extends HTMLElement {
  readonly updateComplete: Promise<boolean>;
  readonly result: SelfCheckResult | null;
  questions: QuestionId[];
}

export const DEFAULT_QUESTIONS: readonly QuestionId[] = ['serious', 'surgery', 'unclear', 'experimental', 'doubts'];

/** The visible English label of each answer. */
export const ANSWER_LABEL: Record<Answer, string> = { yes: 'Yes', no: 'No', unsure: 'Not sure' };

/** The visible English label of each barrier. */
export const BARRIER_LABEL: Record<BarrierId, string> = {
  offend: 'I am worried about upsetting my doctor',
  time: 'I do not have time',
  insurance: 'I am not sure my insurance will pay',
  how: 'I do not know how to start',
  none: 'Nothing is holding me back',
};

/** The English heading of each question screen. */
export const QUESTION_HEADING: Record<QuestionId, string> = {
  serious: 'Were you told you have a serious, rare or complex illness, such as cancer?',
  surgery: 'Has your doctor suggested surgery that is not an emergency?',
  unclear: 'Are you still unsure what your exact diagnosis is?',
  experimental: 'Are you thinking about an experimental treatment or a clinical trial?',
  doubts: 'Do you have questions or doubts about your treatment plan, or want to hear all your options?',
};

export const LEVEL_HEADING = {
  recommended: 'A second opinion is a good idea for you',
  consider: 'You may want to think about a second opinion',
  optional: 'A second opinion is up to you',
} as const;

export type Attributes = Record<string, string | boolean | undefined>;

/**
 * Renders `<second-opinion-check>` with the given attributes (set with `setAttribute`, so any
 * text, even markup, arrives exactly as a host page would write it) inside a container.
 */
export async function fixtureElement(attrs: Attributes = {}, container?: HTMLElement): Promise<CheckElement> {
  const el = document.createElement('second-opinion-check') as CheckElement;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  if (container) {
    container.append(el);
    await fixture(html`${container}`);
  } else {
    await fixture(html`<div>${el}</div>`);
  }
  await settle(el);
  return el;
}

/**
 * Waits until the element has rendered everything it has pending (focus moves in `updated`,
 * so it has moved too). Animation frames are not awaited: a test page in a background tab
 * may get few of them, so the live region, which fills on the next frame, is read with
 * `waitForAnnouncement`.
 */
export async function settle(el: CheckElement): Promise<void> {
  for (let i = 0; i < 10 && !(await el.updateComplete); i++);
}

/** Waits until the live region (role=status) says `text`, failing with what it said instead. */
export async function waitForAnnouncement(el: CheckElement, text: string): Promise<void> {
  try {
    await waitUntil(() => liveRegionText(el) === text, '', { timeout: 3000 });
  } catch {
    expect(liveRegionText(el), 'live region').to.equal(text);
  }
}

export function shadow(el: Element): ShadowRoot {
  const root = el.shadowRoot;
  if (!root) throw new Error(`<${el.localName}> has no open shadow root`);
  return root;
}

export function $<E extends Element = HTMLElement>(el: Element, selector: string): E | null {
  return shadow(el).querySelector<E>(selector);
}

export function $$<E extends Element = HTMLElement>(el: Element, selector: string): E[] {
  return [...shadow(el).querySelectorAll<E>(selector)];
}

/** Text a screen reader would read for a node: aria-hidden and display: none parts left out, spaces collapsed. */
export function accessibleText(node: Node): string {
  const label = node instanceof Element ? node.getAttribute('aria-label') : null;
  if (label) return label.trim();
  const collect = (current: Node): string => {
    if (current.nodeType === Node.TEXT_NODE) return current.textContent ?? '';
    if (current instanceof Element && current.getAttribute('aria-hidden') === 'true') return '';
    if (current instanceof Element && current.isConnected && getComputedStyle(current).display === 'none') return '';
    return [...current.childNodes].map(collect).join('');
  };
  return collect(node).replace(/\s+/g, ' ').trim();
}

/** The shadow root's visible text, spaces collapsed. */
export function textOf(el: Element, selector?: string): string {
  const node = selector ? $(el, selector) : shadow(el);
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function buttons(el: Element): HTMLButtonElement[] {
  return $$<HTMLButtonElement>(el, 'button');
}

/** The one button whose accessible name is `name`; fails the test when there is none or several. */
export function buttonByName(el: Element, name: string): HTMLButtonElement {
  const found = buttons(el).filter((button) => accessibleText(button) === name);
  expect(found.length, `buttons named "${name}" (have: ${buttons(el).map(accessibleText).join(' | ')})`).to.equal(1);
  return found[0];
}

export function hasButton(el: Element, name: string): boolean {
  return buttons(el).some((button) => accessibleText(button) === name);
}

export async function clickButton(el: CheckElement, name: string): Promise<void> {
  buttonByName(el, name).click();
  await settle(el);
}

/** The `<label>` of an option (answer, barrier or checklist item) by its visible text. */
export function optionByLabel(el: Element, label: string): HTMLLabelElement {
  const labels = $$<HTMLLabelElement>(el, 'label').filter((candidate) => accessibleText(candidate) === label);
  expect(labels.length, `options labelled "${label}"`).to.equal(1);
  return labels[0];
}

export function inputOf(label: HTMLLabelElement): HTMLInputElement {
  const input = label.control ?? label.querySelector('input');
  if (!(input instanceof HTMLInputElement)) throw new Error('label has no input');
  return input;
}

/** Clicks an option's label, as a patient clicking anywhere on it would. */
export async function chooseOption(el: CheckElement, label: string): Promise<void> {
  optionByLabel(el, label).click();
  await settle(el);
}

export function headingText(el: Element): string {
  const heading = $(el, '#heading');
  return heading ? accessibleText(heading) : '';
}

export function liveRegionText(el: Element): string {
  return textOf(el, '[role="status"]');
}

/** Presses Start and answers the questions asked, in order, then stops on the barriers step. */
export async function answerQuestions(el: CheckElement, answers: readonly Answer[]): Promise<void> {
  await clickButton(el, 'Start');
  for (const answer of answers) {
    await chooseOption(el, ANSWER_LABEL[answer]);
    await clickButton(el, 'Continue');
  }
}

/**
 * The whole path to the result: answers in question order, then the barriers picked
 * (Skip this step when there are none).
 */
export async function answerAll(
  el: CheckElement,
  answers: readonly Answer[],
  barriers: readonly BarrierId[] = [],
): Promise<void> {
  await answerQuestions(el, answers);
  expect(headingText(el)).to.equal('Is anything holding you back?');
  if (!barriers.length) {
    await clickButton(el, 'Skip this step');
    return;
  }
  for (const barrier of barriers) await chooseOption(el, BARRIER_LABEL[barrier]);
  await clickButton(el, 'See my result');
}

/** Wraps `console.warn` for one test; `restore()` puts the original back. */
export function spyOnWarn() {
  const original = console.warn;
  const calls: string[] = [];
  console.warn = (...args: unknown[]) => {
    calls.push(args.map(String).join(' '));
  };
  return {
    calls,
    restore: () => {
      console.warn = original;
    },
  };
}

/** True when the node takes space on screen (the disclaimer must always be seen). */
export function isShown(node: Element | null): boolean {
  if (!node) return false;
  const rect = node.getBoundingClientRect();
  const style = getComputedStyle(node);
  return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
}

/** The disclaimer is on screen and names the emergency number. */
export function expectDisclaimer(el: CheckElement, number = '911') {
  const disclaimer = $(el, '[part~="disclaimer"]');
  expect(isShown(disclaimer), 'disclaimer is visible').to.equal(true);
  expect(accessibleText(disclaimer!)).to.equal(
    `This check does not give medical advice. Talk with your doctor about your care. In an emergency, call ${number}.`,
  );
}

/** The list that directly follows the `<h3>` with this text, as its items' text. */
export function listAfterHeading(el: CheckElement, heading: string): string[] | undefined {
  const h3 = $$(el, 'h3').find((candidate) => accessibleText(candidate) === heading);
  if (!h3) return undefined;
  const list = h3.nextElementSibling;
  expect(list?.localName, `a list after "${heading}"`).to.equal('ul');
  return [...list!.querySelectorAll('li')].map(accessibleText);
}

/** The element focused inside the widget, or null. */
export function focusedInShadow(el: CheckElement): Element | null {
  return shadow(el).activeElement;
}

/*
 * Nodes are compared by identity and reported by a short description: when an assertion on a
 * node inside a Lit shadow root fails, chai's message builder walks the node's properties and
 * can hang the test page instead of reporting the failure.
 */

/** A short description of a node for assertion messages: `h2#heading`, `button "Start"`, `null`. */
export function describeNode(node: Node | null | undefined): string {
  if (!node) return String(node);
  if (!(node instanceof Element)) return node.nodeName;
  const id = node.id ? `#${node.id}` : '';
  const text = accessibleText(node).slice(0, 40);
  return `${node.localName}${id}${text ? ` "${text}"` : ''}`;
}

/** Fails unless `actual` is the very node `expected` (or both are null). */
export function expectSameNode(actual: Node | null | undefined, expected: Node | null | undefined, message = ''): void {
  if (actual === expected) return;
  expect.fail(`${message ? `${message}: ` : ''}expected ${describeNode(actual)} to be ${describeNode(expected)}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fails when the shadow root has any node matching `selector`. */
export function expectNone(el: Element, selector: string, message = ''): void {
  const found = $$(el, selector);
  expect(found.map(describeNode), message || `nothing matches ${selector}`).to.deep.equal([]);
}

/** Presses a key for real; `Shift+Tab` holds Shift down around Tab (keys go one at a time). */
export async function press(el: CheckElement, key: string): Promise<void> {
  const [modifier, main] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  try {
    await sendKeys({ press: main! });
  } finally {
    if (modifier) await sendKeys({ up: modifier });
  }
  await settle(el);
}

/** The accessible name of the focused control inside the widget (a radio's or checkbox's label). */
export function focusedName(el: CheckElement): string {
  const active = shadow(el).activeElement;
  if (!active) return '(nothing in the widget)';
  if (active instanceof HTMLInputElement) return accessibleText(active.closest('label') ?? active);
  return accessibleText(active);
}

/** Presses Tab (or Shift+Tab) until the focused control has this name; at most `limit` presses. */
export async function tabTo(el: CheckElement, name: string, key = 'Tab', limit = 20): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await press(el, key);
    seen.push(focusedName(el));
    if (focusedName(el) === name) return;
  }
  expect.fail(`"${name}" not reached with ${key}; focus went through: ${seen.join(' → ')}`);
}
