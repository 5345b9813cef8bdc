/** Typography across languages: sentences shown side by side are joined the language's way. */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import { $, fixtureElement, settle, type CheckElement } from './helpers.ts';

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

  it('English keeps one space between joined sentences, and the intro speaks to caregivers', async () => {
    const el = await fixtureElement();
    const intro = $(el, 'section p')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(intro).to.contain('treatment plan. Many people');
    expect(intro).to.contain('all their options. If you are helping someone, answer for them.');
  });
});
