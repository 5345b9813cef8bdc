/*
 * Declarative configuration (src/config.ts) through the element, as a script-tag user writes
 * it: a child `<script type="application/json">` with the attributes' camelCase keys.
 * Attributes win; malformed JSON, an unknown key or a wrong type gives one clear warning and
 * the default is used.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import type { SecondOpinionCheck } from '../src/second-opinion-check.ts';
import { readDeclarativeConfig } from '../src/config.ts';
import { clickButton, headingText, settle, spyOnWarn, textOf, $ } from './helpers.ts';

/** Renders the element with `json` as its config script's text and the given attributes. */
async function withConfig(json: string, attributes: Record<string, string> = {}): Promise<SecondOpinionCheck> {
  const el = document.createElement('second-opinion-check');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = json;
  el.append(script);
  await fixture(html`<div>${el}</div>`);
  await settle(el);
  return el;
}

describe('declarative JSON config', () => {
  let warn: ReturnType<typeof spyOnWarn>;
  /** Warnings from this widget, whatever else the page logs. */
  const widgetWarnings = () => warn.calls.filter((text) => text.startsWith('<second-opinion-check>'));

  beforeEach(() => {
    warn = spyOnWarn();
  });
  afterEach(() => warn.restore());

  it('sets clinicName, phone, theme, questions and contactForm', async () => {
    const el = await withConfig(
      JSON.stringify({
        clinicName: 'Riverside Cancer Care',
        phone: '(555) 010-4477',
        theme: 'dark',
        questions: ['serious', 'surgery', 'doubts'],
        contactForm: true,
      }),
    );
    await expect(el).to.be.accessible();
    expect(widgetWarnings()).to.deep.equal([]);
    expect(el.clinicName).to.equal('Riverside Cancer Care');
    expect(el.phone).to.equal('(555) 010-4477');
    expect(el.theme).to.equal('dark');
    expect(el.getAttribute('theme'), 'theme reflects, so the dark styles apply').to.equal('dark');
    expect(el.questions).to.deep.equal(['serious', 'surgery', 'doubts']);
    expect(el.contactForm).to.equal(true);
    expect(textOf(el, '[part~="header"]')).to.equal('Riverside Cancer Care');
    expect(textOf(el)).to.contain('3 quick questions');

    await clickButton(el, 'Contact Riverside Cancer Care');
    expect(textOf(el, '[part~="contact"]')).to.contain('(555) 010-4477');
    expect($(el, 'form[part~="form"]'), 'contactForm shows the call-back form').to.not.equal(null);

    await clickButton(el, 'Back');
    await clickButton(el, 'Start');
    expect(textOf(el, '[part~="progress"]')).to.equal('Question 1 of 3');
  });

  it('lets attributes win over the JSON config, key by key', async () => {
    const el = await withConfig(
      JSON.stringify({ clinicName: 'From JSON', phone: '555-0100', theme: 'dark', emergencyNumber: '112' }),
      {
        'clinic-name': 'From the attribute',
        theme: 'light',
      },
    );
    await expect(el).to.be.accessible();
    expect(widgetWarnings()).to.deep.equal([]);
    expect(el.clinicName).to.equal('From the attribute');
    expect(el.theme).to.equal('light');
    // Keys without an attribute still come from the JSON.
    expect(el.phone).to.equal('555-0100');
    expect(textOf(el, '[part~="disclaimer"]')).to.contain('call 112');
  });

  it('gives exactly one warning naming the JSON config when it is malformed, and uses the defaults', async () => {
    const el = await withConfig('{ "clinicName": "Riverside", ');
    await expect(el).to.be.accessible();
    expect(warn.calls, 'every console.warn of the page').to.have.length(1);
    expect(widgetWarnings()[0]).to.contain('JSON config').and.to.contain('not valid JSON');
    expect(el.clinicName).to.equal(undefined);
    expect(el.theme).to.equal('light');
    expect(headingText(el)).to.equal('Should I get a second opinion?');

    // Moving the element (disconnect, connect) reads nothing again and warns no more.
    const other = document.createElement('div');
    el.parentElement!.after(other);
    other.append(el);
    await settle(el);
    expect(widgetWarnings()).to.have.length(1);
  });

  it('warns when the JSON is not an object of settings', async () => {
    const el = await withConfig('["serious"]');
    await expect(el).to.be.accessible();
    expect(widgetWarnings()).to.have.length(1);
    expect(widgetWarnings()[0]).to.contain('JSON config');
  });

  it('gives one warning naming an unknown key, and uses the other keys', async () => {
    const el = await withConfig(JSON.stringify({ clinicName: 'Riverside', colour: 'red' }));
    await expect(el).to.be.accessible();
    expect(widgetWarnings()).to.have.length(1);
    expect(widgetWarnings()[0]).to.contain('"colour"');
    expect(el.clinicName).to.equal('Riverside');
    expect(el).to.not.have.property('colour');
  });

  it('reports keys inherited from Object.prototype as unknown keys, and lets none through', async () => {
    const json =
      '{"__proto__": {"clinicName": "Injected"}, "constructor": "x", "toString": "y", "hasOwnProperty": true, "phone": "555 010 4477"}';
    const el = await withConfig(json);
    await expect(el).to.be.accessible();
    const warnings = widgetWarnings();
    expect(warnings, warnings.join('\n')).to.have.length(4);
    for (const [i, key] of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].entries()) {
      expect(warnings[i]).to.contain(`unknown key "${key}"`);
    }
    expect(el.phone).to.equal('555 010 4477');
    expect(el.clinicName).to.equal(undefined);
    expect(Object.getPrototypeOf(el)).to.equal(customElements.get('second-opinion-check')!.prototype);
    expect(el.constructor).to.equal(customElements.get('second-opinion-check'));
    expect(typeof el.toString).to.equal('function');
  });

  it('readDeclarativeConfig returns no inherited key', () => {
    const el = document.createElement('div');
    el.innerHTML = '<script type="application/json">{"__proto__": {"open": true}, "toString": "x"}</script>';
    const { config, warnings } = readDeclarativeConfig(el);
    expect(Object.keys(config)).to.deep.equal([]);
    expect(Object.getPrototypeOf(config)).to.equal(Object.prototype);
    expect(warnings).to.have.length(2);
    expect(warnings.every((text) => text.includes('unknown key'))).to.equal(true);
  });

  it('warns about a value of the wrong type, naming the key, and uses the default', async () => {
    const el = await withConfig(JSON.stringify({ variant: 'launcher', open: 'yes', questions: 'serious' }));
    await expect(el).to.be.accessible();
    expect(widgetWarnings()).to.have.length(2);
    expect(widgetWarnings()[0]).to.contain('"open"');
    expect(widgetWarnings()[1]).to.contain('"questions"');
    expect(el.open, 'the default').to.equal(false);
    expect(el.hasAttribute('open')).to.equal(false);
    expect(el.variant).to.equal('launcher');
    expect(el.questions).to.have.length(5);
  });

  it('warns about an unknown value, naming the key, and uses the default', async () => {
    const el = await withConfig(JSON.stringify({ theme: 'purple', questions: ['serious', 'astrology'] }));
    await expect(el).to.be.accessible();
    expect(widgetWarnings()).to.have.length(2);
    expect(
      widgetWarnings().find((text) => text.includes('astrology')),
      'the unknown question id',
    ).to.contain('questions');
    expect(
      widgetWarnings().find((text) => text.includes('purple')),
      'the unknown theme',
    ).to.contain('theme');
    expect(el.theme).to.equal('light');
    expect(el.questions).to.deep.equal(['serious']);
  });

  it('ignores a script of another type, and one that is not a direct child', async () => {
    const el = document.createElement('second-opinion-check');
    el.innerHTML = `
      <script type="text/plain">{ "clinicName": "Plain text" }</script>
      <div><script type="application/json">{ "clinicName": "Nested" }</script></div>`;
    await fixture(html`<div>${el}</div>`);
    await settle(el);
    await expect(el).to.be.accessible();
    expect(el.clinicName).to.equal(undefined);
    expect(widgetWarnings()).to.deep.equal([]);
  });

  it('reads the config of an element the parser meets after the script ran', async () => {
    // With `<script type="module" async>`, or a second widget further down a page that is still
    // loading, the element is defined when the parser creates it, so it is connected before its
    // children exist. A same-origin iframe with the one-file bundle shows it: document.write
    // keeps that document parsing, as a slow network would.
    // axe runs on this window's document, so the widget inside the iframe is not checked here;
    // it renders the same template as every element above.
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe title="A clinic page still loading"></iframe>`);
    const frame = iframe.contentWindow as Window & typeof globalThis;
    const doc = iframe.contentDocument!;
    doc.open();
    doc.write(
      '<!doctype html><html lang="en"><head><script type="module" src="/dist/second-opinion-check.js"></script></head></html>',
    );
    doc.close();
    await waitUntil(() => frame.customElements.get('second-opinion-check'), 'the bundle defined the element', {
      timeout: 10000,
    });

    doc.open();
    doc.write('<!doctype html><html lang="en"><body><second-opinion-check>');
    const el = doc.querySelector('second-opinion-check') as SecondOpinionCheck;
    expect(el.shadowRoot, 'upgraded while the page is still parsed').to.not.equal(null);
    doc.write('<script type="application/json">{ "clinicName": "Streamed Clinic", "theme": "dark" }</script>');
    doc.write('</second-opinion-check></body></html>');
    doc.close();
    await waitUntil(() => el.clinicName === 'Streamed Clinic', 'the JSON config is read once the page is parsed');
    await el.updateComplete;
    expect(el.theme).to.equal('dark');
    expect(el.shadowRoot!.querySelector('[part~="header"]')?.textContent?.trim()).to.equal('Streamed Clinic');
  });
});
