import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/define.ts';
import { luminance, toRgb } from '../src/theme/contrast.ts';
import type { Answer } from '../src/types.ts';
import {
  $,
  $$,
  ANSWER_LABEL,
  answerAll,
  answerQuestions,
  buttonByName,
  chooseOption,
  clickButton,
  fixtureElement,
  headingText,
  LEVEL_HEADING,
  settle,
  shadow,
  spyOnWarn,
  type Attributes,
  type CheckElement,
} from './helpers.ts';

/** The parts SPEC §3 names, which are also the ones documented with `@csspart`. */
const SPEC_PARTS = [
  'base',
  'header',
  'title',
  'progress',
  'question',
  'option',
  'button',
  'button-primary',
  'result',
  'stats',
  'steps',
  'contact',
  'form',
  'input',
  'error',
  'disclaimer',
  'launcher',
  'dialog',
] as const;

type PartName = (typeof SPEC_PARTS)[number];

const CLINIC: Attributes = { 'clinic-name': 'Riverside Clinic', phone: '+1 555 010 0200' };

function part(el: CheckElement, name: PartName): HTMLElement | null {
  return $(el, `[part~="${name}"]`);
}

function partsOf(el: CheckElement, name: PartName): HTMLElement[] {
  return $$(el, `[part~="${name}"]`);
}

/** Every part of this state is there, and nothing carries a part the API does not document. */
function expectParts(el: CheckElement, names: readonly PartName[]) {
  for (const name of names) expect(part(el, name), `part "${name}"`).to.not.equal(null);
  const used = new Set($$(el, '[part]').flatMap((node) => node.getAttribute('part')!.split(/\s+/).filter(Boolean)));
  const undocumented = [...used].filter((name) => !(SPEC_PARTS as readonly string[]).includes(name));
  expect(undocumented, 'parts that are not in the documented styling API').to.deep.equal([]);
}

function style(node: Element): CSSStyleDeclaration {
  return getComputedStyle(node);
}

/** WCAG relative luminance of a computed colour. */
function luminanceOf(color: string): number {
  const rgb = toRgb(color);
  expect(rgb, `a readable colour: ${color}`).to.not.equal(undefined);
  return luminance(rgb!);
}

function surfaceLuminance(el: CheckElement): number {
  return luminanceOf(style(part(el, 'base')!).backgroundColor);
}

function textLuminance(el: CheckElement): number {
  return luminanceOf(style(part(el, 'base')!).color);
}

/** What a colour value (a system colour, say) computes to in a colour scheme. */
function resolveColour(value: string, colorScheme: string): string {
  const probe = document.createElement('span');
  probe.style.setProperty('color-scheme', colorScheme);
  probe.style.setProperty('forced-color-adjust', 'none');
  probe.style.setProperty('color', value);
  document.body.append(probe);
  const resolved = getComputedStyle(probe).color;
  probe.remove();
  return resolved;
}

/** Adds a host page stylesheet for one test; the returned function removes it. */
function hostStylesheet(text: string): () => void {
  const sheet = document.createElement('style');
  sheet.textContent = text;
  document.head.append(sheet);
  return () => sheet.remove();
}

async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await nextFrame();
}

/**
 * After a change of colours (theme, colour scheme, forced colours) buttons and options fade to
 * the new ones over a short transition: jump to its end, so computed styles and axe see it.
 */
async function restyled(el: CheckElement): Promise<void> {
  await frames(1);
  for (const animation of shadow(el).getAnimations()) animation.finish();
  await frames(1);
}

/** From a question screen, answers the remaining questions and skips the barriers step. */
async function finishFromQuestion(el: CheckElement, answers: readonly Answer[]) {
  for (const answer of answers) {
    await chooseOption(el, ANSWER_LABEL[answer]);
    await clickButton(el, 'Continue');
  }
  await clickButton(el, 'Skip this step');
}

/**
 * Every stylesheet rule of the element that applies only in forced-colours mode. The sheets are
 * shared by every instance (Lit adopts one constructed sheet), so changes must be undone.
 */
function forcedColourRules(el: CheckElement): CSSMediaRule[] {
  const root = shadow(el);
  const sheets = [...root.adoptedStyleSheets, ...[...root.querySelectorAll('style')].map((node) => node.sheet!)];
  return sheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter(
      (rule): rule is CSSMediaRule =>
        rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors: active'),
    );
}

let mediaEmulation: Promise<boolean> | undefined;

/**
 * Whether the runner can emulate media features in this browser: Chromium (driven over CDP)
 * can; Firefox (driven over WebDriver BiDi) cannot, and the tests that need it are skipped there.
 */
function canEmulateMedia(): Promise<boolean> {
  if (navigator.userAgent.includes('Firefox')) return Promise.resolve(false);
  mediaEmulation ??= emulateMedia({}).then(
    () => true,
    () => false,
  );
  return mediaEmulation;
}

/**
 * Turns forced-colours mode on for the element. The runner's `emulateMedia({forcedColors})` is
 * honoured only by Playwright launchers: with the Puppeteer-driven Chromium used here it is
 * dropped (Puppeteer's `emulateMediaFeatures` refuses `forced-colors`), and Firefox cannot
 * emulate media at all, so when the emulation does not take, the element's own
 * `@media (forced-colors: active)` rules are switched on instead. That checks our rules
 * (borders, system colours, axe) though not the browser's own colour forcing.
 * Returns the function that undoes it.
 */
async function forceColours(el: CheckElement): Promise<() => Promise<void>> {
  if (await canEmulateMedia()) {
    await emulateMedia({ forcedColors: 'active' });
    if (matchMedia('(forced-colors: active)').matches) {
      await restyled(el);
      return async () => {
        await emulateMedia({});
      };
    }
    await emulateMedia({});
  }
  const rules = forcedColourRules(el);
  expect(rules.length, 'the element has forced-colours rules').to.be.above(0);
  const originals = rules.map((rule) => rule.media.mediaText);
  for (const rule of rules) rule.media.mediaText = 'all';
  await restyled(el);
  return async () => {
    rules.forEach((rule, index) => (rule.media.mediaText = originals[index]));
    await restyled(el);
  };
}

afterEach(async () => {
  // Media emulation belongs to the page, not the fixture: never let it leak into the next test.
  if (await canEmulateMedia()) await emulateMedia({});
});

describe('styling API: parts', () => {
  it('the intro has base, header, title, button, button-primary and disclaimer', async () => {
    const el = await fixtureElement(CLINIC);
    await expect(el).to.be.accessible();
    expectParts(el, ['base', 'header', 'title', 'button', 'button-primary', 'disclaimer']);
    expect(part(el, 'header')!.textContent).to.equal('Riverside Clinic');
    expect(part(el, 'button-primary')!.getAttribute('part')!.split(' ')).to.include('button');
    expect(part(el, 'title')!.textContent!.trim()).to.equal('Should I get a second opinion?');
  });

  it('without a clinic name there is no header part', async () => {
    const el = await fixtureElement();
    await expect(el).to.be.accessible();
    expect(part(el, 'header')).to.equal(null);
  });

  it('a question has progress, question, option and its buttons; Continue without an answer adds error', async () => {
    const el = await fixtureElement(CLINIC);
    await clickButton(el, 'Start');
    await expect(el).to.be.accessible();
    expectParts(el, [
      'base',
      'header',
      'title',
      'progress',
      'question',
      'option',
      'button',
      'button-primary',
      'disclaimer',
    ]);
    expect(partsOf(el, 'option')).to.have.length(3);
    expect(part(el, 'progress')!.textContent).to.include('Question 1 of 5');
    expect(part(el, 'error')).to.equal(null);

    await clickButton(el, 'Continue');
    await expect(el).to.be.accessible();
    expectParts(el, ['error']);
    expect(part(el, 'question')!.contains(part(el, 'error'))).to.equal(true);
  });

  it('the barriers step has question and option parts', async () => {
    const el = await fixtureElement();
    await answerQuestions(el, ['no', 'no', 'no', 'no', 'no']);
    await expect(el).to.be.accessible();
    expectParts(el, ['title', 'question', 'option', 'button', 'button-primary']);
    expect(partsOf(el, 'option')).to.have.length(5);
  });

  it('the result has result, steps, stats and contact parts', async () => {
    const el = await fixtureElement(CLINIC);
    await answerAll(el, ['yes', 'no', 'no', 'no', 'no']);
    await expect(el).to.be.accessible();
    expect(headingText(el)).to.equal(LEVEL_HEADING.recommended);
    expectParts(el, [
      'base',
      'header',
      'title',
      'result',
      'steps',
      'stats',
      'contact',
      'option',
      'button',
      'disclaimer',
    ]);
    // Start again is a quiet secondary action: without a call-back form, no primary button.
    expect(partsOf(el, 'button-primary')).to.have.length(0);
    const result = part(el, 'result')!;
    for (const name of ['steps', 'stats', 'contact'] as const)
      expect(result.contains(part(el, name)), name).to.equal(true);
    expect(part(el, 'form')).to.equal(null);
  });

  it('with contact-form the contact screen has form and input parts, and a failed submit adds error', async () => {
    const el = await fixtureElement({ ...CLINIC, 'contact-form': true });
    await clickButton(el, 'Contact Riverside Clinic');
    await expect(el).to.be.accessible();
    expectParts(el, ['title', 'contact', 'form', 'input', 'option', 'button', 'button-primary', 'disclaimer']);
    expect(part(el, 'error')).to.equal(null);
    for (const input of partsOf(el, 'input')) expect(['INPUT', 'TEXTAREA']).to.include(input.tagName);

    await clickButton(el, 'Ask for a call back');
    await expect(el).to.be.accessible();
    expectParts(el, ['error']);
    expect(partsOf(el, 'error').every((error) => part(el, 'form')!.contains(error))).to.equal(true);
  });

  it('with contact-form the result page carries the form too', async () => {
    const el = await fixtureElement({ ...CLINIC, 'contact-form': true });
    await answerAll(el, ['no', 'no', 'no', 'no', 'no']);
    await expect(el).to.be.accessible();
    expectParts(el, ['result', 'contact', 'form', 'input']);
    expect(part(el, 'contact')!.contains(part(el, 'form'))).to.equal(true);
  });

  it('the launcher variant has launcher and dialog parts, and the check inside once opened', async () => {
    const el = await fixtureElement({ ...CLINIC, variant: 'launcher' });
    await expect(el).to.be.accessible();
    expectParts(el, ['launcher', 'dialog']);
    expect(part(el, 'base')).to.equal(null);

    part(el, 'launcher')!.click();
    await settle(el);
    await expect(el).to.be.accessible();
    expectParts(el, ['launcher', 'dialog', 'base', 'header', 'title', 'button', 'button-primary', 'disclaimer']);
    expect(part(el, 'dialog')!.contains(part(el, 'base'))).to.equal(true);
    (el as unknown as { open: boolean }).open = false;
    await settle(el);
  });
});

describe('styling API: host styles and custom properties', () => {
  it('a host rule on ::part(button-primary) restyles the primary button only', async () => {
    const removeSheet = hostStylesheet(`
      second-opinion-check.branded::part(button-primary) {
        background-color: rgb(106, 27, 154);
        color: rgb(255, 255, 255);
        border-radius: 0px;
      }
    `);
    try {
      const el = await fixtureElement({ class: 'branded' });
      await expect(el).to.be.accessible();
      const primary = buttonByName(el, 'Start');
      expect(style(primary).backgroundColor).to.equal('rgb(106, 27, 154)');
      expect(style(primary).borderTopLeftRadius).to.equal('0px');
      const other = buttonByName(el, 'Contact the clinic');
      expect(style(other).backgroundColor).not.to.equal('rgb(106, 27, 154)');
    } finally {
      removeSheet();
    }
  });

  it('--soc-color-accent and --soc-color-on-accent colour the primary button', async () => {
    const plain = await fixtureElement();
    const before = style(buttonByName(plain, 'Start')).backgroundColor;
    expect(before).to.equal('rgb(11, 92, 173)');

    const el = await fixtureElement({ style: '--soc-color-accent: #6a1b9a; --soc-color-on-accent: #fffacd' });
    await expect(el).to.be.accessible();
    const primary = buttonByName(el, 'Start');
    expect(style(primary).backgroundColor).to.equal('rgb(106, 27, 154)');
    expect(style(primary).borderTopColor).to.equal('rgb(106, 27, 154)');
    expect(style(primary).color).to.equal('rgb(255, 250, 205)');
  });

  it('a host value set on an ancestor reaches the element too', async () => {
    const container = document.createElement('div');
    container.style.setProperty('--soc-color-accent', '#6a1b9a');
    const el = await fixtureElement({}, container);
    await expect(el).to.be.accessible();
    expect(style(buttonByName(el, 'Start')).backgroundColor).to.equal('rgb(106, 27, 154)');
  });

  it('--soc-color-text, --soc-color-surface, --soc-color-border and --soc-space style the base', async () => {
    const el = await fixtureElement({
      style: '--soc-color-text: #102030; --soc-color-surface: #fdf6e3; --soc-color-border: #5c4033; --soc-space: 20px',
    });
    await expect(el).to.be.accessible();
    const base = style(part(el, 'base')!);
    expect(base.color).to.equal('rgb(16, 32, 48)');
    expect(base.backgroundColor).to.equal('rgb(253, 246, 227)');
    expect(base.borderTopColor).to.equal('rgb(92, 64, 51)');
    expect(base.paddingTop).to.equal('20px');
    expect(base.paddingInlineStart).to.equal('20px');
  });

  it('--soc-color-error colours the error message and its mark', async () => {
    const el = await fixtureElement({ style: '--soc-color-error: #8a1538' });
    await clickButton(el, 'Start');
    await clickButton(el, 'Continue');
    await expect(el).to.be.accessible();
    const error = style(part(el, 'error')!);
    expect(error.color).to.equal('rgb(138, 21, 56)');
    expect(error.borderInlineStartColor).to.equal('rgb(138, 21, 56)');
  });

  it('fonts come from the host unless --soc-font-family is set', async () => {
    const container = document.createElement('div');
    container.style.fontFamily = 'Georgia, serif';
    const el = await fixtureElement({}, container);
    await expect(el).to.be.accessible();
    expect(style(part(el, 'base')!).fontFamily).to.equal('Georgia, serif');
    expect(style(buttonByName(el, 'Start')).fontFamily).to.equal('Georgia, serif');

    el.style.setProperty('--soc-font-family', '"Courier New", monospace');
    await frames(1);
    for (const node of [part(el, 'base')!, part(el, 'title')!, buttonByName(el, 'Start')]) {
      expect(style(node).fontFamily, node.localName).to.equal('"Courier New", monospace');
    }
    await clickButton(el, 'Start');
    expect(style(part(el, 'option')!).fontFamily).to.equal('"Courier New", monospace');
  });

  it('--soc-radius rounds the base, buttons and options', async () => {
    const el = await fixtureElement();
    expect(style(buttonByName(el, 'Start')).borderTopLeftRadius).to.equal('8px');
    el.style.setProperty('--soc-radius', '3px');
    await clickButton(el, 'Start');
    await expect(el).to.be.accessible();
    for (const node of [part(el, 'base')!, part(el, 'button-primary')!, part(el, 'option')!]) {
      expect(style(node).borderTopLeftRadius, node.getAttribute('part')!).to.equal('3px');
      expect(style(node).borderBottomRightRadius, node.getAttribute('part')!).to.equal('3px');
    }
  });

  it('--soc-max-width limits the width; below it the element fits its container', async () => {
    const wide = document.createElement('div');
    wide.style.inlineSize = '760px';
    const el = await fixtureElement({}, wide);
    await expect(el).to.be.accessible();
    // The default is 40rem.
    expect(el.getBoundingClientRect().width).to.be.closeTo(640, 0.5);

    el.style.setProperty('--soc-max-width', '25rem');
    await frames(1);
    expect(el.getBoundingClientRect().width).to.be.closeTo(400, 0.5);
    expect(part(el, 'base')!.getBoundingClientRect().width).to.be.closeTo(400, 0.5);

    const narrow = document.createElement('div');
    narrow.style.inlineSize = '320px';
    const small = await fixtureElement({}, narrow);
    expect(small.getBoundingClientRect().width).to.be.closeTo(320, 0.5);
    expect(shadow(small).host.scrollWidth).to.be.at.most(320);
  });

  it('--soc-launcher-inset-block-end and --soc-launcher-inset-inline-end move the launcher', async () => {
    const el = await fixtureElement({ variant: 'launcher' });
    await expect(el).to.be.accessible();
    const launcher = part(el, 'launcher')!;
    const { clientWidth, clientHeight } = document.documentElement;
    let rect = launcher.getBoundingClientRect();
    expect(clientHeight - rect.bottom, 'default bottom offset').to.be.closeTo(24, 1);
    expect(clientWidth - rect.right, 'default right offset').to.be.closeTo(24, 1);

    el.style.setProperty('--soc-launcher-inset-block-end', '80px');
    el.style.setProperty('--soc-launcher-inset-inline-end', '5rem');
    await frames(1);
    rect = launcher.getBoundingClientRect();
    expect(clientHeight - rect.bottom).to.be.closeTo(80, 1);
    expect(clientWidth - rect.right).to.be.closeTo(80, 1);
  });

  it('--soc-z-index sets the launcher stacking order', async () => {
    const el = await fixtureElement({ variant: 'launcher' });
    await expect(el).to.be.accessible();
    const launcher = part(el, 'launcher')!;
    expect(style(launcher).position).to.equal('fixed');
    expect(style(launcher).zIndex).to.equal('1000');
    el.style.setProperty('--soc-z-index', '42');
    await frames(1);
    expect(style(launcher).zIndex).to.equal('42');
  });

  it('--soc-color-accent colours the launcher and --soc-max-width sizes its dialog', async () => {
    const el = await fixtureElement({
      variant: 'launcher',
      style: '--soc-color-accent: #6a1b9a; --soc-max-width: 25rem',
    });
    await expect(el).to.be.accessible();
    expect(style(part(el, 'launcher')!).backgroundColor).to.equal('rgb(106, 27, 154)');
    part(el, 'launcher')!.click();
    await settle(el);
    expect(part(el, 'dialog')!.getBoundingClientRect().width).to.be.closeTo(400, 0.5);
    (el as unknown as { open: boolean }).open = false;
    await settle(el);
  });
});

describe('themes', () => {
  it('defaults to light: a light surface and dark text', async () => {
    const el = await fixtureElement();
    await expect(el).to.be.accessible();
    expect(el.getAttribute('theme')).to.equal('light');
    expect(surfaceLuminance(el)).to.be.above(0.9);
    expect(textLuminance(el)).to.be.below(0.05);
    expect(style(el).colorScheme).to.equal('light');
  });

  it('theme="dark" has a dark surface and light text', async () => {
    const el = await fixtureElement({ theme: 'dark' });
    await expect(el).to.be.accessible();
    expect(surfaceLuminance(el)).to.be.below(0.05);
    expect(textLuminance(el)).to.be.above(0.8);
    expect(style(el).colorScheme).to.equal('dark');
    const primary = buttonByName(el, 'Start');
    expect(luminanceOf(style(primary).backgroundColor)).to.be.above(luminanceOf(style(primary).color));
  });

  it('switching the theme attribute restyles a rendered element', async () => {
    const el = await fixtureElement();
    el.setAttribute('theme', 'dark');
    await settle(el);
    await restyled(el);
    await expect(el).to.be.accessible();
    expect(surfaceLuminance(el)).to.be.below(0.05);
    el.setAttribute('theme', 'light');
    await settle(el);
    await restyled(el);
    expect(surfaceLuminance(el)).to.be.above(0.9);
  });

  it('theme="auto" follows prefers-color-scheme, also when it changes', async function () {
    if (!(await canEmulateMedia())) this.skip();
    const el = await fixtureElement({ theme: 'auto' });
    await expect(el).to.be.accessible();
    expect(surfaceLuminance(el), 'light preference').to.be.above(0.9);

    await emulateMedia({ colorScheme: 'dark' });
    await restyled(el);
    await expect(el).to.be.accessible();
    expect(surfaceLuminance(el), 'dark preference').to.be.below(0.05);
    expect(style(el).colorScheme).to.equal('dark');

    await emulateMedia({ colorScheme: 'light' });
    await restyled(el);
    expect(surfaceLuminance(el), 'back to light').to.be.above(0.9);
  });

  it('light and dark do not follow the preference', async function () {
    if (!(await canEmulateMedia())) this.skip();
    await emulateMedia({ colorScheme: 'dark' });
    const light = await fixtureElement({ theme: 'light' });
    await expect(light).to.be.accessible();
    expect(surfaceLuminance(light)).to.be.above(0.9);

    await emulateMedia({ colorScheme: 'light' });
    const dark = await fixtureElement({ theme: 'dark' });
    await expect(dark).to.be.accessible();
    expect(surfaceLuminance(dark)).to.be.below(0.05);
  });

  it('a host colour wins over the theme default', async () => {
    const el = await fixtureElement({ theme: 'dark', style: '--soc-color-surface: #202830' });
    await expect(el).to.be.accessible();
    expect(style(part(el, 'base')!).backgroundColor).to.equal('rgb(32, 40, 48)');
    // Tokens the host did not set keep the dark defaults.
    expect(textLuminance(el)).to.be.above(0.8);
  });

  it('an unknown theme falls back to light, with one warning', async () => {
    const warn = spyOnWarn();
    try {
      const el = await fixtureElement({ theme: 'sepia' });
      await expect(el).to.be.accessible();
      expect(el.getAttribute('theme')).to.equal('light');
      expect(surfaceLuminance(el)).to.be.above(0.9);
      expect(warn.calls).to.have.length(1);
      expect(warn.calls[0]).to.include('theme').and.include('sepia');
    } finally {
      warn.restore();
    }
  });

  const THEME_CASES: { name: string; theme: string; scheme?: 'dark' | 'light'; dark: boolean }[] = [
    { name: 'light', theme: 'light', dark: false },
    { name: 'dark', theme: 'dark', dark: true },
    { name: 'auto in a light page', theme: 'auto', scheme: 'light', dark: false },
    { name: 'auto in a dark page', theme: 'auto', scheme: 'dark', dark: true },
  ];

  for (const { name, theme, scheme, dark } of THEME_CASES) {
    it(`axe finds nothing at the intro, a question and the result in ${name}`, async function () {
      if (scheme) {
        if (!(await canEmulateMedia())) this.skip();
        await emulateMedia({ colorScheme: scheme });
      }
      const el = await fixtureElement({ ...CLINIC, theme });
      await expect(el).to.be.accessible();
      expect(surfaceLuminance(el) < 0.5, 'dark surface').to.equal(dark);

      await answerQuestions(el, ['unsure']);
      expect(headingText(el)).to.match(/^Has your doctor suggested surgery/);
      await expect(el).to.be.accessible();

      await finishFromQuestion(el, ['no', 'no', 'no', 'no']);
      expect(headingText(el)).to.equal(LEVEL_HEADING.consider);
      await expect(el).to.be.accessible();
    });
  }
});

describe('forced colours and reduced motion', () => {
  for (const theme of ['light', 'dark']) {
    it(`forced colours (theme="${theme}"): borders on every region and control, system colours, axe passes`, async () => {
      const el = await fixtureElement({ ...CLINIC, theme });
      const restore = await forceColours(el);
      try {
        await expect(el).to.be.accessible();
        const scheme = style(el).colorScheme;
        const expectBordered = (node: Element, label: string) => {
          const computed = style(node);
          expect(computed.borderTopStyle, `${label} border style`).to.equal('solid');
          expect(parseFloat(computed.borderTopWidth), `${label} border width`).to.be.at.least(1);
          expect(computed.borderTopColor, `${label} border colour`).not.to.equal('rgba(0, 0, 0, 0)');
        };
        expectBordered(part(el, 'base')!, 'base');
        expectBordered(buttonByName(el, 'Start'), 'primary button');
        expectBordered(buttonByName(el, 'Contact Riverside Clinic'), 'button');
        expect(style(part(el, 'base')!).borderTopColor).to.equal(resolveColour('CanvasText', scheme));
        // The primary button keeps its filled look with system colours a high-contrast theme picks.
        const primary = style(buttonByName(el, 'Start'));
        expect(primary.backgroundColor).to.equal(resolveColour('ButtonText', scheme));
        expect(primary.color).to.equal(resolveColour('ButtonFace', scheme));

        await answerQuestions(el, ['yes']);
        await expect(el).to.be.accessible();
        for (const option of partsOf(el, 'option')) expectBordered(option, 'option');
        await chooseOption(el, 'Yes');
        const checked = partsOf(el, 'option').find((option) => option.querySelector('input')!.checked)!;
        expect(style(checked).outlineStyle, 'the chosen option is outlined').to.equal('solid');
        await clickButton(el, 'Continue');

        await finishFromQuestion(el, ['no', 'no', 'no']);
        expect(headingText(el)).to.equal(LEVEL_HEADING.recommended);
        await expect(el).to.be.accessible();
        for (const bar of $$(el, '.stats .bar')) expectBordered(bar, 'evidence bar');
      } finally {
        await restore();
      }
    });
  }

  it('forced colours: the progress bar stays visible', async () => {
    const el = await fixtureElement();
    await clickButton(el, 'Start');
    const restore = await forceColours(el);
    try {
      await expect(el).to.be.accessible();
      const segments = $$(el, '.progress-track span');
      expect(segments).to.have.length(5);
      for (const segment of segments) expect(style(segment).borderTopStyle).to.equal('solid');
      expect(style(segments[0]).backgroundColor).to.equal(resolveColour('CanvasText', style(el).colorScheme));
      expect(style(segments[1]).backgroundColor).not.to.equal(style(segments[0]).backgroundColor);
    } finally {
      await restore();
    }
  });

  it('buttons and options animate by default, and not with prefers-reduced-motion: reduce', async function () {
    if (!(await canEmulateMedia())) this.skip();
    const el = await fixtureElement();
    await clickButton(el, 'Start');
    const animated = () => [...partsOf(el, 'button'), ...partsOf(el, 'option')];
    for (const node of animated()) {
      expect(style(node).transitionDuration, node.textContent!.trim()).not.to.match(/^0s(, 0s)*$/);
    }

    await emulateMedia({ reducedMotion: 'reduce' });
    await frames(1);
    await expect(el).to.be.accessible();
    for (const node of animated()) {
      expect(style(node).transitionDuration, node.textContent!.trim()).to.match(/^0s(, 0s)*$/);
    }
  });

  it('the launcher does not animate with prefers-reduced-motion: reduce', async function () {
    if (!(await canEmulateMedia())) this.skip();
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixtureElement({ variant: 'launcher' });
    await expect(el).to.be.accessible();
    expect(style(part(el, 'launcher')!).transitionDuration).to.match(/^0s(, 0s)*$/);
  });
});

describe('styling API: the whole path', () => {
  it('every documented part appears somewhere along the path', async () => {
    const seen = new Set<string>();
    const collect = (el: CheckElement) => {
      for (const node of $$(el, '[part]'))
        node
          .getAttribute('part')!
          .split(/\s+/)
          .forEach((name) => seen.add(name));
    };
    const inline = await fixtureElement({ ...CLINIC, 'contact-form': true });
    collect(inline);
    await clickButton(inline, 'Start');
    await clickButton(inline, 'Continue');
    collect(inline);
    await chooseOption(inline, 'Yes');
    await clickButton(inline, 'Continue');
    await finishFromQuestion(inline, ['no', 'no', 'no', 'no']);
    collect(inline);
    await clickButton(inline, 'Ask for a call back');
    collect(inline);
    const launcher = await fixture<HTMLElement>(html`<second-opinion-check variant="launcher"></second-opinion-check>`);
    await settle(launcher as CheckElement);
    collect(launcher as CheckElement);
    expect([...seen].sort()).to.deep.equal([...SPEC_PARTS].sort());
  });
});
