/**
 * Every shipped language is complete (SPEC §5): each XLIFF file has a translation for every
 * source message with its placeholders intact, the generated modules carry every message, and
 * walking the whole path in each language shows no English sentence. The XLIFF files are read
 * from the test server, which serves the repository root. (test/node/ checks in Node that the
 * XLIFF files are up to date with the msg() calls in src/.)
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import { targetLocales } from '../src/generated/locale-codes.ts';
import { LOCALE_LOADERS } from '../src/i18n/locale-modules.ts';
import { SHIPPED_LOCALE_MODULES as LOCALE_MODULES } from '../src/i18n/shipped-locales.ts';
import { LOCALE_MODULES as DEV_LOCALE_MODULES, PSEUDO_LOCALE } from '../src/i18n/locale-modules.dev.ts';
import type { Answer, BarrierId, QuestionId } from '../src/types.ts';
import { $, chooseOption, clickButton, fixtureElement, settle, shadow, type CheckElement } from './helpers.ts';

interface Unit {
  id: string;
  /** The text with each placeholder written as {n}. */
  source: string;
  target: string | null;
  sourcePlaceholders: string[];
  targetPlaceholders: string[];
}

/** Messages that are not prose in the patient's language: citations keep authors and journals in Latin script. */
const NOT_PROSE = /(^|\.)citation$|^study\.source$|^result\.save\.filename$/;

const xliffCache = new Map<string, Promise<Unit[]>>();

function readXliff(locale: string): Promise<Unit[]> {
  if (!xliffCache.has(locale)) xliffCache.set(locale, fetchXliff(locale));
  return xliffCache.get(locale)!;
}

async function fetchXliff(locale: string): Promise<Unit[]> {
  const response = await fetch(`/locales/${locale}.xlf`);
  expect(response.ok, `/locales/${locale}.xlf is served`).to.equal(true);
  const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
  expect(doc.querySelector('parsererror'), `${locale}.xlf is well-formed XML`).to.equal(null);
  const flatten = (node: Element | null) =>
    node
      ? [...node.childNodes]
          .map((child) =>
            child instanceof Element && child.localName === 'x' ? `{${child.getAttribute('id')}}` : child.textContent,
          )
          .join('')
      : null;
  const placeholders = (node: Element | null) =>
    node
      ? [...node.children]
          .filter((child) => child.localName === 'x')
          .map((child) => child.getAttribute('id')!)
          .sort()
      : [];
  return [...doc.getElementsByTagName('trans-unit')].map((unit) => {
    const source = unit.getElementsByTagName('source')[0];
    const target = unit.getElementsByTagName('target')[0] ?? null;
    return {
      id: unit.getAttribute('id')!,
      source: flatten(source)!,
      target: flatten(target),
      sourcePlaceholders: placeholders(source),
      targetPlaceholders: placeholders(target),
    };
  });
}

type Templates = Record<string, string | { strTag?: true; strings?: readonly string[]; values?: readonly unknown[] }>;

function templatesOf(table: Record<string, unknown>, locale: string): Templates {
  return (table[locale] as { templates: Templates }).templates;
}

/** How many `${}` values a generated message has (0 for a plain string). */
function valueCount(template: Templates[string]): number {
  return typeof template === 'string' ? 0 : (template.values?.length ?? 0);
}

const words = (text: string) => text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;

describe('translations are complete', () => {
  it('every XLIFF file has the same source catalogue', async () => {
    const reference = await readXliff(targetLocales[0]);
    expect(reference.length, 'messages in the catalogue').to.be.greaterThan(50);
    for (const locale of targetLocales) {
      const units = await readXliff(locale);
      expect(
        units.map((unit) => `${unit.id}: ${unit.source}`),
        locale,
      ).to.deep.equal(reference.map((unit) => `${unit.id}: ${unit.source}`));
    }
  });

  for (const locale of targetLocales) {
    it(`${locale}.xlf translates every message, keeping its placeholders`, async () => {
      const problems: string[] = [];
      for (const unit of await readXliff(locale)) {
        if (unit.target === null || !unit.target.trim()) problems.push(`${unit.id}: no translation`);
        else if (unit.targetPlaceholders.join() !== unit.sourcePlaceholders.join())
          problems.push(`${unit.id}: placeholders ${unit.targetPlaceholders} instead of ${unit.sourcePlaceholders}`);
        else if (!NOT_PROSE.test(unit.id) && words(unit.source) >= 2 && unit.target.trim() === unit.source.trim())
          problems.push(`${unit.id}: the "translation" is the English text`);
      }
      expect(problems, `${locale}.xlf:\n${problems.join('\n')}`).to.deep.equal([]);
    });

    it(`the generated ${locale} module has every message with its placeholders`, async () => {
      const units = await readXliff(locale);
      const templates = templatesOf(LOCALE_MODULES, locale);
      expect(Object.keys(templates).sort(), 'run npm run localize:build').to.deep.equal(
        units.map((unit) => unit.id).sort(),
      );
      for (const unit of units) {
        expect(valueCount(templates[unit.id]), `${locale} ${unit.id}`).to.equal(unit.sourcePlaceholders.length);
      }
    });
  }

  it(`the designers' pseudo-locale (${PSEUDO_LOCALE}) has every message, accented and bracketed`, async () => {
    const units = await readXliff(targetLocales[0]);
    const templates = templatesOf(DEV_LOCALE_MODULES, PSEUDO_LOCALE);
    expect(Object.keys(templates).sort(), 'run npm run localize:pseudo').to.deep.equal(
      units.map((unit) => unit.id).sort(),
    );
    for (const unit of units) {
      expect(valueCount(templates[unit.id]), unit.id).to.equal(unit.sourcePlaceholders.length);
    }
    expect(templates['intro.title']).to.match(/^\[Ŝĥöûļð Î ĝéţ å šéçöñð öþîñîöñ\? ·+\]$/);
    expect(Object.keys(LOCALE_LOADERS), 'the shipped table has no pseudo-locale').not.to.include(PSEUDO_LOCALE);
  });

  it('the one-file bundle carries every shipped language and not the pseudo-locale', async () => {
    const response = await fetch('/dist/second-opinion-check.js');
    expect(response.ok, 'dist/second-opinion-check.js exists: npm test builds it first (npm run build)').to.equal(true);
    const bundle = await response.text();
    for (const locale of targetLocales) {
      expect(bundle, `${locale} is in the bundle`).to.include(
        templatesOf(LOCALE_MODULES, locale)['intro.title'] as string,
      );
    }
    const pseudoTitle = templatesOf(DEV_LOCALE_MODULES, PSEUDO_LOCALE)['intro.title'] as string;
    expect(bundle.includes(pseudoTitle), 'the pseudo-locale is not shipped').to.equal(false);
    expect(bundle.includes(PSEUDO_LOCALE), 'the pseudo-locale tag is not shipped').to.equal(false);
  });
});

describe('no English is left in other languages', () => {
  const CLINIC = {
    'clinic-name': 'Riverside Clinic',
    phone: '+1 (555) 010-4477',
    email: 'care@riverside.example',
    'contact-url': 'https://riverside.example/contact',
    address: '12 Main Street\nSpringfield',
    hours: 'Mon–Fri 8:00–17:00',
  };
  const CONFIGURED = Object.values(CLINIC).flatMap((value) => value.split('\n'));

  /** The English sentences and phrases of two or more words in the source messages, each with its message id. */
  async function englishPhrases(): Promise<{ id: string; phrase: string }[]> {
    const units = await readXliff(targetLocales[0]);
    return units
      .filter((unit) => !NOT_PROSE.test(unit.id))
      .flatMap((unit) =>
        unit.source
          // Placeholders and sentence ends cut a message into phrases, so half a translation shows.
          .split(/\{\d+\}|(?<=[.?!])\s+/)
          .map((part) => part.replace(/^[\s.,:;()]+|[\s,:;()]+$/g, '').trim())
          .filter((part) => words(part) >= 2)
          .map((phrase) => ({ id: unit.id, phrase: phrase.toLowerCase() })),
      );
  }

  /** Every text a patient can see or hear: text nodes (including screen-reader-only ones) and labels. */
  function patientTexts(el: CheckElement): string[] {
    const root = shadow(el);
    const texts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      if (!walker.currentNode.parentElement?.closest('style, script')) texts.push(walker.currentNode.textContent ?? '');
    }
    for (const element of root.querySelectorAll('*')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts
      .map((text) => CONFIGURED.reduce((rest, value) => rest.split(value).join(' '), text))
      .map((text) => text.replace(/\s+/g, ' ').trim().toLowerCase())
      .filter(Boolean);
  }

  function t(locale: string, id: string): string {
    const text = templatesOf(LOCALE_MODULES, locale)[id];
    if (typeof text !== 'string') throw new Error(`${locale} has no plain message ${id}`);
    return text;
  }

  async function inLanguage(el: CheckElement, locale: string) {
    await waitUntil(() => $(el, '[lang]')?.getAttribute('lang') === locale, `switches to ${locale}`, { timeout: 3000 });
    await settle(el);
  }

  function setField(el: CheckElement, name: string, value: string | boolean) {
    const input = $<HTMLInputElement | HTMLTextAreaElement>(el, `form [name="${name}"]`);
    if (!input) throw new Error(`no form field ${name}`);
    if (typeof value === 'boolean') {
      if ((input as HTMLInputElement).checked !== value) input.click();
    } else {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
  }

  async function submitForm(el: CheckElement) {
    $<HTMLButtonElement>(el, 'form [type="submit"]')!.click();
    await settle(el);
  }

  const QUESTIONS: QuestionId[] = ['serious', 'surgery', 'unclear', 'experimental', 'doubts'];
  const BARRIERS: BarrierId[] = ['offend', 'time', 'insurance', 'how'];

  for (const locale of targetLocales) {
    it(`${locale}: intro, every question, barriers, each result, contact form and launcher`, async () => {
      const phrases = await englishPhrases();
      const found = new Set<string>();
      const screens: string[] = [];
      const look = (el: CheckElement, screen: string) => {
        screens.push(screen);
        for (const text of patientTexts(el)) {
          for (const { id, phrase } of phrases)
            if (text.includes(phrase)) found.add(`${screen}: "${phrase}" (${id}) in "${text}"`);
        }
      };

      const el = await fixtureElement({ locale, 'contact-form': true, ...CLINIC });
      el.addEventListener('soc-contact-submit', (event) =>
        event.detail.respondWith(Promise.resolve({ reference: 'R-2048' })),
      );
      await inLanguage(el, locale);
      look(el, 'intro');

      // Yes to everything with every barrier: recommended, every "yes" reason, every reassurance.
      // Not sure to everything: consider, every "not sure" reason. No to everything: optional.
      const paths: { answers: Answer; barriers: BarrierId[] }[] = [
        { answers: 'yes', barriers: BARRIERS },
        { answers: 'unsure', barriers: [] },
        { answers: 'no', barriers: ['none'] },
      ];
      for (const [pathIndex, path] of paths.entries()) {
        await clickButton(el, t(locale, 'intro.start'));
        for (const id of QUESTIONS) {
          if (pathIndex === 0) {
            await clickButton(el, t(locale, 'nav.continue'));
            look(el, `question ${id} with its error`);
          }
          await chooseOption(el, t(locale, `answer.${path.answers}`));
          await clickButton(el, t(locale, 'nav.continue'));
        }
        for (const barrier of path.barriers) await chooseOption(el, t(locale, `barrier.${barrier}`));
        look(el, `barriers (${path.barriers.join(', ') || 'none picked'})`);
        await clickButton(el, t(locale, path.barriers.length ? 'barriers.continue' : 'barriers.skip'));
        expect(el.result?.answers.serious).to.equal(path.answers);
        look(el, `result ${el.result?.level}`);
        if (pathIndex < paths.length - 1) await clickButton(el, t(locale, 'result.restart'));
      }

      // The call-back form on the result screen: empty, then wrong values, then sent.
      await submitForm(el);
      look(el, 'form with every required field missing');
      setField(el, 'name', 'Ana');
      setField(el, 'phone', '12');
      setField(el, 'email', 'ana@');
      setField(el, 'message', 'x'.repeat(1010));
      await submitForm(el);
      look(el, 'form with a wrong phone, a wrong email and a long message');
      setField(el, 'phone', '555 010 4477');
      setField(el, 'email', 'ana@example.com');
      setField(el, 'message', 'Hola');
      setField(el, 'consent', true);
      await submitForm(el);
      await waitUntil(() => $(el, '.sent'), 'the request is sent', { timeout: 3000 });
      await settle(el);
      look(el, 'form sent');

      // The contact screen from the intro.
      await clickButton(el, t(locale, 'result.restart'));
      $<HTMLButtonElement>(el, '.actions button:not(.primary)')!.click();
      await settle(el);
      look(el, 'contact screen');

      const launcher = await fixtureElement({ locale, variant: 'launcher', open: true });
      await waitUntil(() => $(launcher, '[lang]')?.getAttribute('lang') === locale);
      await settle(launcher);
      look(launcher, 'launcher dialog');

      expect(screens.length).to.be.greaterThan(15);
      expect([...found], `English left in ${locale}:\n${[...found].join('\n')}`).to.deep.equal([]);
    });
  }
});
