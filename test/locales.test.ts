import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import { sourceLocale, targetLocales } from '../src/generated/locale-codes.ts';
import { LOCALE_LOADERS } from '../src/i18n/locale-modules.ts';
import { SHIPPED_LOCALE_MODULES as LOCALE_MODULES } from '../src/i18n/shipped-locales.ts';
import { LOCALE_MODULES as DEV_LOCALE_MODULES, PSEUDO_LOCALE } from '../src/i18n/locale-modules.dev.ts';
import { ancestorLang, AVAILABLE_LOCALES, directionOf, matchLocale, resolveLocale } from '../src/i18n/locales.ts';
import type { Answer } from '../src/types.ts';
import {
  $,
  $$,
  buttonByName,
  chooseOption,
  clickButton,
  fixtureElement,
  focusedName,
  headingText,
  press,
  settle,
  shadow,
  spyOnWarn,
  tabTo,
  type CheckElement,
} from './helpers.ts';

/** A translated message of a shipped locale, or the English default for `en`. */
function t(locale: string, id: string): string {
  if (locale === sourceLocale) throw new Error('t() is for target locales; write the English text in the test');
  const text = (LOCALE_MODULES as Record<string, { templates: Record<string, unknown> }>)[locale].templates[id];
  if (typeof text !== 'string') throw new Error(`${locale} has no plain message ${id}`);
  return text;
}

function base(el: CheckElement): HTMLElement {
  const node = $(el, '[part~="base"]');
  if (!node) throw new Error('no part="base"');
  return node;
}

async function inLanguage(el: CheckElement, locale: string): Promise<void> {
  // The first render waits for the language to load, so the base may not be there yet.
  await waitUntil(() => $(el, '[part~="base"]')?.getAttribute('lang') === locale, `the widget switches to ${locale}`, {
    timeout: 3000,
  });
  await settle(el);
}

const DEV_AVAILABLE = [sourceLocale, ...Object.keys(DEV_LOCALE_MODULES)];

describe('locale matching (matchLocale)', () => {
  const examples: [string, string][] = [
    ['en', 'en'],
    ['en-US', 'en'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['ES-mx', 'es'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-hant-tw', 'zh-Hant'],
    ['vi-VN', 'vi'],
    ['tl', 'tl'],
    ['fil', 'tl'],
    ['fil-PH', 'tl'],
    ['ko-KR', 'ko'],
    ['ru-RU', 'ru'],
    ['ar', 'ar'],
    ['ar-EG', 'ar'],
    [' ar-SA ', 'ar'],
  ];
  for (const [tag, expected] of examples) {
    it(`${JSON.stringify(tag)} → ${expected}`, () => {
      expect(matchLocale(tag)).to.equal(expected);
    });
  }

  it('has no match for unsupported or malformed tags', () => {
    for (const tag of ['fr', 'fr-CA', 'pt-BR', 'xx', 'x-pseudo', 'not a tag', '', '   ', null, undefined]) {
      expect(matchLocale(tag), JSON.stringify(tag)).to.equal(undefined);
    }
  });

  it('ships exactly English plus the target locales of lit-localize.json', () => {
    expect([...AVAILABLE_LOCALES].sort()).to.deep.equal([sourceLocale, ...targetLocales].sort());
    expect(Object.keys(LOCALE_LOADERS).sort()).to.deep.equal([...targetLocales].sort());
    expect(Object.keys(LOCALE_MODULES).sort()).to.deep.equal([...targetLocales].sort());
  });

  it('accepts the pseudo-locale only with the development table', () => {
    expect(matchLocale(PSEUDO_LOCALE), 'shipped table: en-XA is English').to.equal('en');
    expect(matchLocale(PSEUDO_LOCALE, DEV_AVAILABLE)).to.equal(PSEUDO_LOCALE);
    expect(matchLocale('en-xa', DEV_AVAILABLE)).to.equal(PSEUDO_LOCALE);
    expect(matchLocale('en-GB', DEV_AVAILABLE), 'other English stays English').to.equal('en');
    expect(matchLocale('es-MX', DEV_AVAILABLE)).to.equal('es');
  });

  it('gives Arabic right-to-left and the rest left-to-right', () => {
    expect(directionOf('ar')).to.equal('rtl');
    expect(directionOf('ar-EG')).to.equal('rtl');
    for (const locale of ['en', 'es', 'zh-Hans', 'zh-Hant', 'vi', 'tl', 'ko', 'ru', PSEUDO_LOCALE]) {
      expect(directionOf(locale), locale).to.equal('ltr');
    }
  });
});

describe('counts on the intro and in the progress', () => {
  it('are written exactly as Intl would write them in every shipped language', () => {
    // The views print small counts with String() to keep Intl's start-up cost off the intro;
    // a language whose digits differ must make this fail (see src/questionnaire/view.ts).
    for (const locale of [sourceLocale, ...targetLocales]) {
      const format = new Intl.NumberFormat(locale);
      for (let n = 1; n <= 15; n++) expect(format.format(n), locale).to.equal(String(n));
    }
  });
});

describe('locale resolution (resolveLocale)', () => {
  function resolveWithWarnings(sources: Parameters<typeof resolveLocale>[0]) {
    const warnings: [string, string][] = [];
    const locale = resolveLocale(sources, (step, value) => warnings.push([step, value]));
    return { locale, warnings };
  }

  it('takes the locale attribute first', () => {
    expect(resolveWithWarnings({ attribute: 'es-MX', ancestorLang: 'ko', navigatorLanguages: ['ru'] })).to.deep.equal({
      locale: 'es',
      warnings: [],
    });
  });

  it('then the nearest lang', () => {
    expect(resolveWithWarnings({ attribute: null, ancestorLang: 'zh-TW', navigatorLanguages: ['ru'] }).locale).to.equal(
      'zh-Hant',
    );
  });

  it('then the first supported browser language, in order', () => {
    expect(resolveWithWarnings({ navigatorLanguages: ['fr-FR', 'fr', 'vi-VN', 'es'] })).to.deep.equal({
      locale: 'vi',
      warnings: [],
    });
  });

  it('then English', () => {
    expect(resolveWithWarnings({})).to.deep.equal({ locale: 'en', warnings: [] });
    expect(resolveWithWarnings({ navigatorLanguages: ['fr', 'de'] })).to.deep.equal({ locale: 'en', warnings: [] });
  });

  it('skips an unsupported locale attribute with one warning and goes on to the lang', () => {
    expect(resolveWithWarnings({ attribute: 'xx', ancestorLang: 'ar-EG', navigatorLanguages: ['ru'] })).to.deep.equal({
      locale: 'ar',
      warnings: [['locale', 'xx']],
    });
  });

  it('skips an unsupported lang with one warning and goes on to the browser languages', () => {
    expect(resolveWithWarnings({ ancestorLang: 'fr', navigatorLanguages: ['fil-PH'] })).to.deep.equal({
      locale: 'tl',
      warnings: [['lang', 'fr']],
    });
  });

  it('warns once per skipped step when both host-given values are unsupported', () => {
    expect(resolveWithWarnings({ attribute: 'klingon', ancestorLang: 'fr', navigatorLanguages: ['zh'] })).to.deep.equal(
      {
        locale: 'zh-Hans',
        warnings: [
          ['locale', 'klingon'],
          ['lang', 'fr'],
        ],
      },
    );
  });

  it('treats empty values as absent, without warnings', () => {
    expect(resolveWithWarnings({ attribute: '', ancestorLang: ' ', navigatorLanguages: ['ko'] })).to.deep.equal({
      locale: 'ko',
      warnings: [],
    });
  });
});

describe('the nearest lang (ancestorLang)', () => {
  it("reads the element's own lang, then its ancestors', skipping empty ones", async () => {
    const outer = await fixture<HTMLDivElement>(
      html`<div lang="ru">
        <p lang=""><span></span></p>
      </div>`,
    );
    const span = outer.querySelector('span')!;
    expect(ancestorLang(span)).to.equal('ru');
    span.setAttribute('lang', 'vi');
    expect(ancestorLang(span)).to.equal('vi');
  });

  it('crosses the shadow roots the element sits in', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="ko"></div>`);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(ancestorLang(inner)).to.equal('ko');
  });
});

describe('<second-opinion-check> languages', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
  });

  it('locale="es" renders Spanish, marked lang="es" on part base', async () => {
    const el = await fixtureElement({ locale: 'es' });
    await inLanguage(el, 'es');
    expect(base(el).getAttribute('dir')).to.equal('ltr');
    expect(headingText(el)).to.equal(t('es', 'intro.title'));
    expect(buttonByName(el, t('es', 'intro.start')).isConnected).to.equal(true);
  });

  it('locale="ar" renders Arabic right-to-left', async () => {
    const el = await fixtureElement({ locale: 'ar' });
    await inLanguage(el, 'ar');
    expect(base(el).getAttribute('dir')).to.equal('rtl');
    expect(headingText(el)).to.equal(t('ar', 'intro.title'));
    expect(getComputedStyle(base(el)).direction).to.equal('rtl');
  });

  it('without a locale attribute, follows the nearest ancestor lang', async () => {
    const container = document.createElement('div');
    container.lang = 'ko';
    const el = await fixtureElement({}, container);
    await inLanguage(el, 'ko');
    expect(headingText(el)).to.equal(t('ko', 'intro.title'));
  });

  it('switches language when the locale attribute changes', async () => {
    const el = await fixtureElement({ locale: 'vi' });
    await inLanguage(el, 'vi');
    await clickButton(el, t('vi', 'intro.start'));
    el.setAttribute('locale', 'zh-TW');
    await inLanguage(el, 'zh-Hant');
    expect(headingText(el), 'the current question is re-rendered').to.equal(t('zh-Hant', 'question.serious'));
    el.setAttribute('locale', 'fil');
    await inLanguage(el, 'tl');
    expect(headingText(el)).to.equal(t('tl', 'question.serious'));
    el.removeAttribute('locale');
    await inLanguage(el, 'en');
    expect(headingText(el)).to.equal('Were you told you have a serious, rare or complex illness, such as cancer?');
  });

  it("switches language when the page's lang changes and no locale attribute is set", async () => {
    document.documentElement.lang = 'ru';
    const el = await fixtureElement();
    await inLanguage(el, 'ru');
    document.documentElement.lang = 'es-MX';
    await inLanguage(el, 'es');
    expect(headingText(el)).to.equal(t('es', 'intro.title'));
    document.documentElement.lang = 'en';
    await inLanguage(el, 'en');
  });

  it('keeps its locale attribute when the page lang changes', async () => {
    const el = await fixtureElement({ locale: 'ko' });
    await inLanguage(el, 'ko');
    document.documentElement.lang = 'ru';
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle(el);
    expect(base(el).getAttribute('lang')).to.equal('ko');
  });

  it('warns once about an unsupported locale="xx" and falls back to the page lang', async () => {
    const warn = spyOnWarn();
    try {
      const container = document.createElement('div');
      container.lang = 'ar-EG';
      const el = await fixtureElement({ locale: 'xx' }, container);
      await inLanguage(el, 'ar');
      // Re-resolving (a page lang change, a re-render) does not repeat the warning.
      document.documentElement.lang = 'es';
      await new Promise((resolve) => setTimeout(resolve, 50));
      el.setAttribute('theme', 'dark');
      await settle(el);
      const about = warn.calls.filter((call) => call.includes('"xx"'));
      expect(about, warn.calls.join('\n')).to.have.length(1);
      expect(about[0]).to.match(/^<second-opinion-check>: .*locale/);
      expect(base(el).getAttribute('lang')).to.equal('ar');
    } finally {
      warn.restore();
    }
  });
});

describe('<second-opinion-check> accessibility in other languages', () => {
  for (const locale of ['es', 'ar', 'zh-Hant']) {
    it(`has no axe violations in ${locale} on the intro, a question and the result`, async () => {
      const el = await fixtureElement({ locale, 'clinic-name': 'Riverside Clinic', phone: '+1 555 010 4477' });
      await inLanguage(el, locale);
      await expect(el).to.be.accessible();

      await clickButton(el, t(locale, 'intro.start'));
      expect(headingText(el)).to.equal(t(locale, 'question.serious'));
      await expect(el).to.be.accessible();

      // Continue without an answer: the error state.
      await clickButton(el, t(locale, 'nav.continue'));
      expect($(el, '[part~="error"]'), 'the error is shown').not.to.equal(null);
      await expect(el).to.be.accessible();

      const answers: Answer[] = ['yes', 'unsure', 'no', 'no', 'yes'];
      for (const answer of answers) {
        await chooseOption(el, t(locale, `answer.${answer}`));
        await clickButton(el, t(locale, 'nav.continue'));
      }
      await chooseOption(el, t(locale, 'barrier.insurance'));
      await clickButton(el, t(locale, 'barriers.continue'));
      expect(headingText(el)).to.equal(t(locale, 'result.recommended.heading'));
      await expect(el).to.be.accessible();
    });
  }
});

describe('<second-opinion-check> in Arabic by keyboard alone', () => {
  it('goes from the page through every question and a barrier to the result', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <button type="button" id="before">قبل</button>
        <second-opinion-check locale="ar"></second-opinion-check>
      </div>
    `);
    const el = wrapper.querySelector('second-opinion-check') as CheckElement;
    await inLanguage(el, 'ar');
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();

    await press(el, 'Tab');
    expect(focusedName(el)).to.equal(t('ar', 'intro.start'));
    await press(el, 'Enter');

    const answers: Answer[] = ['no', 'no', 'unsure', 'no', 'yes'];
    for (const [index, answer] of answers.entries()) {
      expect(headingText(el)).to.equal(
        t('ar', `question.${['serious', 'surgery', 'unclear', 'experimental', 'doubts'][index]}`),
      );
      expect(shadow(el).activeElement, 'focus is on the question heading').to.equal($(el, '#heading'));
      await press(el, 'Tab');
      expect(focusedName(el), 'Tab enters the radio group on Yes').to.equal(t('ar', 'answer.yes'));
      if (answer === 'yes') await press(el, ' ');
      if (answer === 'no') await press(el, 'ArrowDown');
      if (answer === 'unsure') {
        await press(el, 'ArrowDown');
        await press(el, 'ArrowDown');
      }
      const checked = $$<HTMLInputElement>(el, 'input[type="radio"]').find((radio) => radio.checked);
      expect(checked?.value).to.equal(answer);
      await tabTo(el, t('ar', 'nav.continue'));
      await press(el, 'Enter');
    }

    expect(headingText(el)).to.equal(t('ar', 'barriers.title'));
    await tabTo(el, t('ar', 'barrier.time'));
    await press(el, ' ');
    expect((shadow(el).activeElement as HTMLInputElement).checked).to.equal(true);
    await tabTo(el, t('ar', 'barriers.continue'));
    await press(el, 'Enter');

    expect(headingText(el)).to.equal(t('ar', 'result.consider.heading'));
    expect(shadow(el).activeElement).to.equal($(el, '#heading'));
    expect(el.result).to.deep.include({ level: 'consider', reasons: ['unclear', 'doubts'], barriers: ['time'] });
    expect(base(el).getAttribute('dir')).to.equal('rtl');
  });
});
