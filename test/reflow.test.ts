import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/define.ts';
import {
  $,
  $$,
  accessibleText,
  ANSWER_LABEL,
  BARRIER_LABEL,
  chooseOption,
  clickButton,
  fixtureElement,
  settle,
  type Attributes,
  type CheckElement,
} from './helpers.ts';
import type { BarrierId } from '../src/types.ts';

/** Long, unbroken values: the worst case for reflow. */
const CONTACT: Attributes = {
  'clinic-name': 'Saint Bartholomew’s Comprehensive Oncology and Haematology Centre',
  phone: '+1 (555) 010-0100 extension 12345',
  email: 'second-opinion-requests.oncology@saint-bartholomews-hospital.example.org',
  'contact-url': 'https://www.saint-bartholomews-hospital.example.org/departments/oncology/second-opinions/contact',
  address: 'Building 7, Floor 3, 1234 Extraordinarilylongstreetnamewithoutanyspaces Boulevard, Springfield',
  hours: 'Monday to Friday 8:00–17:00',
};

/**
 * Visits every screen, calling `check(name)` on each: intro, contact, question (with and
 * without the error), barriers, and a result with every reason and barrier shown.
 */
async function visitEveryState(el: CheckElement, check: (state: string) => void): Promise<void> {
  check('intro');
  await clickButton(el, `Contact ${CONTACT['clinic-name']}`);
  check('contact');
  await clickButton(el, 'Back');
  await clickButton(el, 'Start');
  await clickButton(el, 'Continue');
  check('question 1 with the error');
  for (let i = 0; i < 5; i++) {
    await chooseOption(el, ANSWER_LABEL[i === 4 ? 'yes' : 'unsure']);
    if (i === 4) check('question 5 (the longest)');
    await clickButton(el, 'Continue');
  }
  check('barriers');
  for (const id of ['offend', 'time', 'insurance', 'how'] as BarrierId[]) await chooseOption(el, BARRIER_LABEL[id]);
  await clickButton(el, 'See my result');
  check('result');
}

function expectNoHorizontalScroll(el: CheckElement, viewport: number, state: string) {
  const base = $(el, '[part~="base"]')!;
  expect(
    el.scrollWidth,
    `${state}: element scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`,
  ).to.be.at.most(el.clientWidth);
  expect(base.scrollWidth, `${state}: base scrollWidth`).to.be.at.most(base.clientWidth);
  const page = document.documentElement.scrollWidth;
  expect(page, `${state}: page scrollWidth ${page} > ${viewport}`).to.be.at.most(viewport);
  // Nothing pokes out of the viewport, even where an ancestor would clip it.
  for (const node of $$(el, '*')) {
    const rect = node.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    expect(
      rect.right,
      `${state}: <${node.localName} class="${node.getAttribute('class') ?? ''}"> right edge`,
    ).to.be.at.most(viewport + 0.5);
  }
}

/** Every button, option and contact link is at least 44 × 44 CSS pixels (SPEC §7). */
function expectBigTargets(el: CheckElement, state: string) {
  const targets = $$(el, 'button, .option, [part~="option"], [part~="contact"] a');
  expect(targets.length, `${state}: has targets`).to.be.greaterThan(0);
  for (const target of targets) {
    const { width, height } = target.getBoundingClientRect();
    const name = `${state}: <${target.localName}> "${accessibleText(target).slice(0, 40)}"`;
    expect(width, `${name} width`).to.be.at.least(44);
    expect(height, `${name} height`).to.be.at.least(44);
  }
}

describe('<second-opinion-check> reflow and target size', () => {
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('has no horizontal scroll and 44 px targets in any state at 320 px wide', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixtureElement(CONTACT);
    expect(window.innerWidth).to.equal(320);
    const seen: string[] = [];
    await visitEveryState(el, (state) => {
      seen.push(state);
      expectNoHorizontalScroll(el, 320, state);
      expectBigTargets(el, state);
    });
    expect(seen).to.have.length(6);
    // The result screen has links to check too.
    expect($$(el, '[part~="contact"] a').length).to.equal(3);
  });

  it('has no horizontal scroll with 200% text at 640 px wide', async () => {
    await setViewport({ width: 640, height: 800 });
    const container = document.createElement('div');
    container.style.fontSize = '200%';
    const el = await fixtureElement(CONTACT, container);
    expect(parseFloat(getComputedStyle(el).fontSize)).to.equal(
      2 * parseFloat(getComputedStyle(document.body).fontSize),
    );
    await visitEveryState(el, (state) => {
      expectNoHorizontalScroll(el, 640, `200% ${state}`);
      expectBigTargets(el, `200% ${state}`);
    });
  });

  it('has no horizontal scroll in Arabic (right-to-left) at 320 px wide', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixtureElement({ ...CONTACT, locale: 'ar' });
    const base = () => $(el, '[part~="base"]')!;
    try {
      await waitUntil(() => base().getAttribute('lang') === 'ar', 'switches to Arabic');
      expect(base().getAttribute('dir')).to.equal('rtl');
      expectNoHorizontalScroll(el, 320, 'intro (ar)');
      expectBigTargets(el, 'intro (ar)');
      // The primary button is Start, whatever the language.
      $(el, '[part~="button-primary"]')!.click();
      await settle(el);
      expect($(el, '[part~="progress"]')).not.to.equal(null);
      expectNoHorizontalScroll(el, 320, 'question 1 (ar)');
      expectBigTargets(el, 'question 1 (ar)');
    } finally {
      // One locale per page: put English back.
      el.setAttribute('locale', 'en');
      await waitUntil(() => base().getAttribute('lang') === 'en', 'back to English');
    }
  });
});
