/**
 * A host app that uses @lit/localize itself and imports the npm build, which shares the app's
 * copy: the app configures it first, so the widget must not configure it again (that throws
 * and would break the app), and follows the app's locale instead. The app merges the widget's
 * generated templates into its own locale modules, as the README's "Languages" section shows.
 * This file runs in its own page, so this configuration does not leak into other tests.
 */
import { configureLocalization, msg } from '@lit/localize';
import { expect, waitUntil } from '@open-wc/testing';
import { templates as widgetSpanish } from '../src/generated/locales/es.ts';
import { templates as widgetKorean } from '../src/generated/locales/ko.ts';
import { fixtureElement, headingText, settle, shadow, spyOnWarn, type CheckElement } from './helpers.ts';

const hostSpanish = { 'host.greeting': 'Hola' };

// The app's setup runs before any widget connects, as an app's entry point would.
const app = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['es', 'fr'],
  loadLocale: async (locale) => ({
    // French: the app did not add the widget's messages, so the widget stays in English.
    templates: locale === 'es' ? { ...widgetSpanish, ...hostSpanish } : { 'host.greeting': 'Bonjour' },
  }),
});

const lang = (el: CheckElement) => shadow(el).querySelector('[part~="base"]')?.getAttribute('lang');

describe('<second-opinion-check> in an app that configured @lit/localize itself', () => {
  let warn: ReturnType<typeof spyOnWarn>;

  before(async () => {
    warn = spyOnWarn();
    // The app is already in Spanish when the first widget connects, and says so on its page, as
    // an app does: the widget reads <html lang> for a locale set before it was listening.
    await app.setLocale('es');
    document.documentElement.lang = 'es';
    await import('../src/define.ts');
  });

  after(() => {
    warn.restore();
  });

  it("does not configure it again, says once why, and shows the app's locale", async () => {
    const el = await fixtureElement();
    await fixtureElement({ locale: 'ko' });
    const about = warn.calls.filter((call) => call.includes('@lit/localize'));
    expect(about, warn.calls.join('\n')).to.have.length(1);
    expect(about[0]).to.match(/^<second-opinion-check>: /);
    expect(lang(el)).to.equal('es');
    expect(headingText(el)).to.equal(widgetSpanish['intro.title']);
    // The app's own localization still works.
    expect(app.getLocale()).to.equal('es');
    expect(msg('Hi', { id: 'host.greeting' })).to.equal('Hola');
  });

  it('ignores its own locale attribute: the app owns the locale', async () => {
    const el = await fixtureElement({ locale: 'ko' });
    expect(lang(el)).to.equal('es');
    expect(headingText(el)).not.to.equal(widgetKorean['intro.title']);
  });

  it('marks itself English when the app switches to a locale without the widget messages', async () => {
    const el = await fixtureElement();
    await app.setLocale('fr');
    await waitUntil(() => headingText(el) === 'Should I get a second opinion?', 'English text');
    await settle(el);
    expect(lang(el)).to.equal('en');
    expect(msg('Hi', { id: 'host.greeting' })).to.equal('Bonjour');
  });

  it('switches back with the app', async () => {
    const el = await fixtureElement();
    await app.setLocale('es');
    await waitUntil(() => lang(el) === 'es', 'the widget follows the app to Spanish');
    await settle(el);
    expect(headingText(el)).to.equal(widgetSpanish['intro.title']);
  });
});
