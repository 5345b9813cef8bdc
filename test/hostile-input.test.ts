import { expect } from '@open-wc/testing';
import '../src/define.ts';
import { SecondOpinionCheck } from '../src/second-opinion-check.ts';
import type { QuestionId } from '../src/types.ts';
import {
  $,
  $$,
  accessibleText,
  clickButton,
  expectNone,
  fixtureElement,
  hasButton,
  headingText,
  QUESTION_HEADING,
  settle,
  spyOnWarn,
  textOf,
  type Attributes,
  type CheckElement,
} from './helpers.ts';
import { alertText, fillValidForm, submitButton, waitForFailure } from './contact-helpers.ts';

declare global {
  interface Window {
    hostileRan?: boolean;
  }
}

/** Renders with a console.warn spy around the whole first render; returns the warnings. */
async function withWarnings(attrs: Attributes, act?: (el: CheckElement) => Promise<void>) {
  const spy = spyOnWarn();
  try {
    const el = await fixtureElement(attrs);
    await act?.(el);
    return { el, warnings: spy.calls };
  } finally {
    spy.restore();
  }
}

async function openContact(el: CheckElement) {
  const contact = hasButton(el, 'Contact the clinic')
    ? 'Contact the clinic'
    : `Contact ${el.getAttribute('clinic-name')}`;
  await clickButton(el, contact);
}

function contactLinks(el: CheckElement): HTMLAnchorElement[] {
  return $$<HTMLAnchorElement>(el, '[part~="contact"] a');
}

describe('<second-opinion-check> with hostile input', () => {
  afterEach(() => {
    delete window.hostileRan;
  });

  describe('attribute text is text, never HTML', () => {
    const markup = '<img src=x onerror="window.hostileRan=true">';

    it('clinic-name renders markup as text in the header and headings', async () => {
      const el = await fixtureElement({ 'clinic-name': markup });
      await expect(el).to.be.accessible();
      expect(accessibleText($(el, '[part~="header"]')!)).to.equal(markup);
      expect(hasButton(el, `Contact ${markup}`)).to.equal(true);
      await clickButton(el, `Contact ${markup}`);
      expect(headingText(el)).to.equal(`Contact ${markup}`);
      expectNone(el, 'img');
      expect(el.querySelector('img')).to.equal(null);
      expect(window.hostileRan).to.equal(undefined);
    });

    it('address, hours, phone, email and emergency-number render markup as text', async () => {
      const { el, warnings } = await withWarnings({
        address: '<b>1 Main St</b><script>window.hostileRan=true</script>',
        hours: '<i>9–5</i>',
        phone: '<b>555</b> 0100',
        email: '<a href="https://evil.example">x</a>@example.org',
        'emergency-number': '<img src=x onerror="window.hostileRan=true">112',
      });
      expect(
        warnings.filter((text) => text.includes('email')),
        'the email is refused',
      ).to.have.length(1);
      await openContact(el);
      for (const tag of ['b', 'i', 'script', 'img']) expectNone(el, tag);
      const panel = textOf(el, '[part~="contact"]');
      expect(panel).to.contain('<b>1 Main St</b><script>window.hostileRan=true</script>');
      expect(panel).to.contain('<i>9–5</i>');
      expect(textOf(el, '[part~="disclaimer"]')).to.contain('call <img src=x onerror="window.hostileRan=true">112.');
      const hrefs = contactLinks(el).map((link) => link.getAttribute('href'));
      expect(hrefs).to.include('tel:5550100');
      expect(
        hrefs.some((href) => href?.includes('evil.example')),
        'no link from the email markup',
      ).to.equal(false);
      expect(window.hostileRan).to.equal(undefined);
    });
  });

  describe('contact-url: only http: and https: are linked', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://files.example/contact',
      'vbscript:msgbox(1)',
      '//no-scheme.example/contact',
      'not a url',
    ]) {
      it(`refuses ${url} with a warning naming contact-url`, async () => {
        const { el, warnings } = await withWarnings({ 'contact-url': url });
        await openContact(el);
        await expect(el).to.be.accessible();
        expect(contactLinks(el), 'no link at all').to.have.length(0);
        expect($$(el, '[href]').map((node) => node.getAttribute('href'))).not.to.include(url);
        expect(textOf(el, '[part~="contact"]')).not.to.contain('Go to the contact page');
        const named = warnings.filter((text) => text.includes('contact-url'));
        expect(named, warnings.join('\n')).to.have.length(1);
        expect(named[0]).to.contain(url);
      });
    }

    it('links an https: address without a warning', async () => {
      const { el, warnings } = await withWarnings({ 'contact-url': 'https://clinic.example/contact?x=1' });
      await openContact(el);
      expect(contactLinks(el).map((link) => link.getAttribute('href'))).to.deep.equal([
        'https://clinic.example/contact?x=1',
      ]);
      expect(warnings.filter((text) => text.includes('contact-url'))).to.deep.equal([]);
    });

    it('warns when a refused contactUrl is set as a property later, and unlinks it', async () => {
      const el = await fixtureElement({ 'contact-url': 'https://clinic.example/' });
      await openContact(el);
      expect(contactLinks(el)).to.have.length(1);
      const spy = spyOnWarn();
      try {
        (el as unknown as SecondOpinionCheck).contactUrl = 'javascript:alert(1)';
        await settle(el);
      } finally {
        spy.restore();
      }
      expect(contactLinks(el)).to.have.length(0);
      expect(spy.calls.some((text) => text.includes('contact-url'))).to.equal(true);
    });
  });

  describe('phone', () => {
    const cases: [string, string][] = [
      // An extension is not dialled as part of the number.
      ['1-800-FLOWERS x12', 'tel:1800'],
      ['+1 (555) 010-0199', 'tel:+15550100199'],
      ['+44 20 7946 0958', 'tel:+442079460958'],
      ['555.0100;ext=9', 'tel:5550100'],
      ['+1 (555) 010-4477;ext=9', 'tel:+15550104477'],
      ['(555) 010-4477 ext. 12', 'tel:5550104477'],
      // Any script's decimal digits, dialled as ASCII.
      ['+٩٦٦ ١١ ٤٦٧ ٠١٢٣', 'tel:+966114670123'],
      ['०२२ २४१७ ७०००', 'tel:02224177000'],
    ];
    for (const [phone, href] of cases) {
      it(`"${phone}" is shown as given and dialled as ${href}`, async () => {
        const el = await fixtureElement({ phone });
        await openContact(el);
        const [link] = contactLinks(el);
        expect(link.getAttribute('href')).to.equal(href);
        expect(link.getAttribute('href')).to.match(/^tel:\+?\d+$/);
        expect(accessibleText(link)).to.equal(phone);
      });
    }

    it('is not linked, with a warning, when it has no digits', async () => {
      const { el, warnings } = await withWarnings({ phone: 'CALL-US-NOW' });
      await openContact(el);
      expect(contactLinks(el)).to.have.length(0);
      expect(warnings.some((text) => text.includes('phone'))).to.equal(true);
    });
  });

  for (const email of [
    'care@example.org?bcc=spy@evil.example',
    'a@b.c%0ABcc:x%40evil.example',
    'care%40riverside.example@evil.example',
    'care@example.org#top',
    'mailto:care@example.org',
  ]) {
    it(`does not link the email ${JSON.stringify(email)}, and warns naming email`, async () => {
      const { el, warnings } = await withWarnings({ email });
      await openContact(el);
      expect(contactLinks(el)).to.have.length(0);
      expect(warnings.some((text) => text.includes('email'))).to.equal(true);
    });
  }

  describe('host-given text is bidi-isolated', () => {
    const RLO = '\u202E';
    const values = {
      'clinic-name': `Riverside${RLO} Clinic`,
      address: `12 Main St${RLO} Springfield`,
      hours: `Mon–Fri${RLO} 8–5`,
      phone: `(555) 010-4477${RLO}`,
      email: 'care@riverside.example',
      'contact-form': true,
    } as const;

    /** Each text node holding an override sits in a <bdi> holding the host's value and nothing else. */
    function expectIsolated(el: CheckElement, where: string) {
      const root = el.shadowRoot!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let found = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent!.includes(RLO)) continue;
        found++;
        const bdi = node.parentElement!.closest('bdi');
        expect(bdi, `${where}: ${JSON.stringify(node.textContent)} in a <bdi>`).to.not.equal(null);
        expect(Object.values(values)).to.include(bdi!.textContent);
        expect(getComputedStyle(bdi!).unicodeBidi).to.equal('isolate');
      }
      return found;
    }

    it('in the header, the intro, the contact panel, the consent sentence and the failure fallback', async () => {
      const { el } = await withWarnings(values);
      await expect(el).to.be.accessible();
      expect(expectIsolated(el, 'intro'), 'overrides on the intro').to.be.at.least(2);
      await openContact(el);
      expect(expectIsolated(el, 'contact'), 'overrides on the contact screen').to.be.at.least(6);
      const consent = $$(el, 'label').find((label) => accessibleText(label).startsWith('I agree that'))!;
      expect(accessibleText(consent)).to.equal(
        `I agree that Riverside${RLO} Clinic may contact me about this request.`,
      );
      const tail = [...consent.querySelector('span')!.childNodes].filter(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.includes('may contact me'),
      );
      expect(tail, 'the rest of the sentence is outside the isolate').to.have.length(1);
      // No host answers: the failure offers the phone in a sentence.
      await fillValidForm(el);
      submitButton(el).click();
      await waitForFailure(el);
      expect(alertText(el)).to.contain(`You can also call (555) 010-4477${RLO} or email care@riverside.example.`);
      expect(expectIsolated(el, 'failure'), 'overrides on the failed form').to.be.at.least(7);
      await expect(el).to.be.accessible();
    });
  });

  describe('questions', () => {
    it('drops unknown ids with a warning naming each, keeping the known ones in order', async () => {
      const el = await fixtureElement();
      const spy = spyOnWarn();
      try {
        el.questions = ['doubts', 'bogus', 'serious', 'doubts', '<b>x</b>'] as unknown as QuestionId[];
        await settle(el);
      } finally {
        spy.restore();
      }
      expect(el.questions).to.deep.equal(['doubts', 'serious']);
      expect(spy.calls.some((text) => text.includes('bogus'))).to.equal(true);
      expect(spy.calls.some((text) => text.includes('<b>x</b>'))).to.equal(true);
      expect(spy.calls.some((text) => text.includes('"doubts"') || text.includes('"serious"'))).to.equal(false);
      await clickButton(el, 'Start');
      expect(textOf(el, '[part~="progress"]')).to.equal('Question 1 of 2');
      expect(headingText(el)).to.equal(QUESTION_HEADING.doubts);
    });

    for (const [what, value] of [
      ['a string', 'serious'],
      ['an array-like object', { 0: 'serious', length: 1 }],
      ['a number', 3],
      ['null', null],
    ] as const) {
      it(`warns that ${what} is not a list (not "unknown id") and asks all default questions`, async () => {
        const el = await fixtureElement();
        const spy = spyOnWarn();
        try {
          el.questions = value as unknown as QuestionId[];
          await settle(el);
        } finally {
          spy.restore();
        }
        expect(spy.calls, spy.calls.join('\n')).to.have.length(1);
        expect(spy.calls[0]).to.contain('questions must be a list');
        expect(spy.calls[0]).to.not.contain('unknown id');
        expect(el.questions).to.deep.equal(['serious', 'surgery', 'unclear', 'experimental', 'doubts']);
        await expect(el).to.be.accessible();
      });
    }

    it('a circular, BigInt, Symbol or prototype-less item does not make the setter throw', async () => {
      const el = await fixtureElement();
      const circular: unknown[] = ['doubts'];
      circular.push(circular);
      const loop: Record<string, unknown> = {};
      loop.self = loop;
      const spy = spyOnWarn();
      try {
        el.questions = circular as QuestionId[];
        expect(el.questions).to.deep.equal(['doubts']);
        el.questions = ['serious', 10n, loop, Symbol('x'), Object.create(null)] as unknown as QuestionId[];
        await settle(el);
      } finally {
        spy.restore();
      }
      expect(el.questions).to.deep.equal(['serious']);
      expect(spy.calls.some((text) => text.includes('10n'))).to.equal(true);
      expect(spy.calls.every((text) => text.includes('unknown id'))).to.equal(true);
      await clickButton(el, 'Start');
      expect(textOf(el, '[part~="progress"]')).to.equal('Question 1 of 1');
    });

    it('asks all default questions, with a warning, when none is known', async () => {
      const el = await fixtureElement();
      const spy = spyOnWarn();
      try {
        el.questions = ['nope'] as unknown as QuestionId[];
        await settle(el);
      } finally {
        spy.restore();
      }
      expect(el.questions).to.deep.equal(['serious', 'surgery', 'unclear', 'experimental', 'doubts']);
      expect(spy.calls.some((text) => text.includes('nope'))).to.equal(true);
      await clickButton(el, 'Start');
      expect(textOf(el, '[part~="progress"]')).to.equal('Question 1 of 5');
    });
  });

  describe('theme and variant', () => {
    it('warns about an unknown theme, naming it, and uses light', async () => {
      const { el, warnings } = await withWarnings({ theme: 'neon' });
      await expect(el).to.be.accessible();
      expect(
        warnings.some((text) => text.includes('theme') && text.includes('neon')),
        warnings.join('\n'),
      ).to.equal(true);
      expect((el as unknown as SecondOpinionCheck).theme).to.equal('light');
      expect(el.getAttribute('theme')).to.equal('light');
    });

    it('warns about an unknown variant, naming it, and renders inline', async () => {
      const { el, warnings } = await withWarnings({ variant: 'popup' });
      await expect(el).to.be.accessible();
      expect(
        warnings.some((text) => text.includes('variant') && text.includes('popup')),
        warnings.join('\n'),
      ).to.equal(true);
      expect((el as unknown as SecondOpinionCheck).variant).to.equal('inline');
      expect(headingText(el)).to.equal('Should I get a second opinion?');
    });

    it('does not warn about known values', async () => {
      const { warnings } = await withWarnings({
        theme: 'dark',
        variant: 'inline',
        'contact-url': 'https://a.example/',
      });
      expect(warnings).to.deep.equal([]);
    });
  });

  describe('defining twice', () => {
    it('loading the define module again (as a second script would) throws nothing and keeps the class', async () => {
      const before = customElements.get('second-opinion-check');
      expect(before).to.equal(SecondOpinionCheck);
      const errors: unknown[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.error);
      window.addEventListener('error', onError);
      try {
        // A query string makes the browser evaluate the module a second time.
        const again = new URL('../src/define.ts?again', import.meta.url).href;
        const module = (await import(again)) as { SecondOpinionCheck: typeof SecondOpinionCheck; TAG_NAME: string };
        expect(module.TAG_NAME).to.equal('second-opinion-check');
        const twice = new URL('../src/define.ts?twice', import.meta.url).href;
        await import(twice);
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
      expect(customElements.get('second-opinion-check')).to.equal(before);
      const el = await fixtureElement();
      expect(el instanceof SecondOpinionCheck).to.equal(true);
      expect(headingText(el)).to.equal('Should I get a second opinion?');
    });
  });
});
