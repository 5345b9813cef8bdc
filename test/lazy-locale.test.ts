/**
 * Translations load on demand (SPEC §8): the source build, like the npm build, loads each one
 * with `import()`. A widget whose language is not English renders first in that language, never
 * English first, and keeps the reserved space while it waits, so nothing moves. This file runs
 * in its own page, so no translation is loaded before it starts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import { headingText, settle, type CheckElement } from './helpers.ts';

const ENGLISH_TITLE = 'Should I get a second opinion?';

/** Appends a widget and records the `lang` of every render of its base, from the first one on. */
function watch(attributes: Record<string, string>, lang?: string) {
  const wrapper = document.createElement('div');
  if (lang) wrapper.lang = lang;
  const el = document.createElement('second-opinion-check') as CheckElement;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  wrapper.append(el);
  const langs: string[] = [];
  const headings: string[] = [];
  document.body.append(wrapper);
  // The shadow root exists once connected; the first render comes later.
  const observer = new MutationObserver(() => {
    const base = el.shadowRoot?.querySelector('[part~="base"]');
    if (!base) return;
    if (langs.at(-1) !== base.getAttribute('lang')) langs.push(base.getAttribute('lang') ?? '');
    if (headings.at(-1) !== headingText(el)) headings.push(headingText(el));
  });
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
  const heightWhileWaiting = el.shadowRoot!.querySelector('[part~="base"]')
    ? undefined
    : el.getBoundingClientRect().height;
  return { el, wrapper, langs, headings, heightWhileWaiting, stop: () => observer.disconnect() };
}

describe('<second-opinion-check> with translations loaded on demand', () => {
  it('renders first in the resolved language, never English first', async () => {
    const watched = watch({ locale: 'vi' });
    await waitUntil(() => watched.langs.includes('vi'), 'the widget renders in Vietnamese');
    await settle(watched.el);
    watched.stop();
    expect(watched.langs).to.deep.equal(['vi']);
    expect(watched.headings).not.to.include(ENGLISH_TITLE);
    expect(watched.headings[0]).to.not.equal('');
    watched.wrapper.remove();
  });

  it("renders first in the page's language (lang) too", async () => {
    const watched = watch({}, 'ko');
    await waitUntil(() => watched.langs.includes('ko'), 'the widget renders in Korean');
    await settle(watched.el);
    watched.stop();
    expect(watched.langs).to.deep.equal(['ko']);
    watched.wrapper.remove();
  });

  it('keeps the reserved space (24rem) while its language loads', async () => {
    const watched = watch({ locale: 'ru' });
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    if (watched.heightWhileWaiting !== undefined) {
      expect(watched.heightWhileWaiting).to.be.at.least(24 * rem - 0.5);
    }
    await waitUntil(() => watched.langs.includes('ru'), 'the widget renders in Russian');
    expect(watched.el.getBoundingClientRect().height).to.be.at.least(24 * rem - 0.5);
    watched.stop();
    watched.wrapper.remove();
  });

  it('renders an English widget without waiting for any translation', async () => {
    // The page's locale is whatever the last widget set (one per page); English is built in.
    const watched = watch({ locale: 'en' });
    await waitUntil(() => watched.langs.includes('en'), 'the widget renders in English');
    await settle(watched.el);
    expect(headingText(watched.el)).to.equal(ENGLISH_TITLE);
    watched.stop();
    watched.wrapper.remove();
  });
});
