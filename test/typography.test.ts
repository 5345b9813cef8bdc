/** Typography across languages: no fake italics, no stray spaces in Chinese, aligned quiet links. */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import { $, answerAll, clickButton, fixtureElement, settle, type CheckElement } from './helpers.ts';

async function inLanguage(el: CheckElement, locale: string) {
  el.setAttribute('locale', locale);
  await waitUntil(() => $(el, '[lang]')?.getAttribute('lang') === locale, `switches to ${locale}`, { timeout: 3000 });
  await settle(el);
}

describe('<second-opinion-check> typography', () => {
  afterEach(async () => {
    // One language per page: leave it English for the next test.
    const el = document.querySelector<CheckElement>('second-opinion-check');
    if (el) await inLanguage(el, 'en');
  });

  it('the quoted sentence is italic in English but not in Arabic, Chinese or Korean', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['yes', 'no', 'no', 'no', 'no']);
    const quote = () => $(el, 'blockquote')!;
    expect(getComputedStyle(quote()).fontStyle).to.equal('italic');
    for (const locale of ['ar', 'zh-Hans', 'zh-Hant', 'ko']) {
      await inLanguage(el, locale);
      expect(getComputedStyle(quote()).fontStyle, locale).to.equal('normal');
      await expect(el).to.be.accessible();
    }
    await inLanguage(el, 'es');
    expect(getComputedStyle(quote()).fontStyle, 'es').to.equal('italic');
  });

  for (const locale of ['zh-Hans', 'zh-Hant']) {
    it(`${locale}: sentences joined in one paragraph have no space between them`, async () => {
      const el = await fixtureElement({ 'contact-form': true, phone: '555 010 4477' });
      await inLanguage(el, locale);
      const intro = $(el, 'section p')!.textContent!.trim();
      expect(intro).to.match(/[。？！]/);
      expect(intro, 'intro').not.to.match(/[。？！]\s/);
      // A failed request: three sentences and the fallback in one line.
      el.addEventListener('soc-contact-submit', (event) => event.detail.respondWith(Promise.reject(new Error('no'))), {
        once: true,
      });
      $<HTMLButtonElement>(el, '[part~="base"] > section button:not([part~="button-primary"])')!.click();
      await settle(el);
      const set = (name: string, value: string) => {
        const input = $<HTMLInputElement>(el, `form [name="${name}"]`)!;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      };
      set('name', 'Ana');
      set('phone', '555 010 2222');
      $<HTMLInputElement>(el, 'form [name="consent"]')!.click();
      $<HTMLButtonElement>(el, 'form [type="submit"]')!.click();
      await waitUntil(() => $(el, '.form-status[role="alert"]')?.textContent?.trim(), 'the failure is shown');
      const failed = $(el, '.form-status[role="alert"]')!.textContent!.replace(/\s+$/, '');
      expect(failed, 'failure message').not.to.match(/[。？！]\s/);
      expect(failed).to.match(/。.+。/);
    });
  }

  it('English keeps one space between joined sentences', async () => {
    const el = await fixtureElement();
    const intro = $(el, 'section p')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(intro).to.contain('treatment plan. Many people');
  });

  it('Back and Start again line up with the content’s edge', async () => {
    const el = await fixtureElement();
    await clickButton(el, 'Start');
    const heading = $(el, '#heading')!.getBoundingClientRect();
    const back = $(el, 'button.back .icon-back')!.getBoundingClientRect();
    expect(Math.abs(back.left - heading.left), 'Back’s arrow at the heading’s edge').to.be.below(2);
    await clickButton(el, 'Back');
    await answerAll(el, ['no', 'no', 'no', 'no', 'no']);
    const restart = $(el, 'button.quiet')!;
    const range = document.createRange();
    range.selectNodeContents(restart);
    const text = range.getBoundingClientRect();
    const edge = $(el, '[part~="disclaimer"]')!.getBoundingClientRect().left;
    expect(Math.abs(text.left - edge), 'Start again’s text at the content’s edge').to.be.below(2);
  });
});
