/**
 * The result is a decision screen (SPEC §2.3). Measured with every disclosure closed, for every
 * level, at a desktop size (1280 × 900) and a phone size (320 × 640), with the most text a
 * result can have (every contact detail, the call-back form, every reason and barrier), in the
 * browser's default serif and its default sans-serif (Liberation Sans on Linux: Arial's widths).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/define.ts';
import { $, $$, answerAll, settle, fixtureElement } from './helpers.ts';
import type { Answer, BarrierId, ResultLevel } from '../src/types.ts';

const CLINIC = {
  'clinic-name': 'Riverside Clinic',
  phone: '+1 555 010 0200',
  email: 'care@riverside.example',
  'contact-url': 'https://riverside.example/contact',
  address: '12 River Road\nSpringfield',
  hours: 'Monday to Friday, 8 am to 5 pm',
  'contact-form': true,
};

/** Answers that lead to each level with the most reasons, and every barrier picked. */
const PATHS: Record<ResultLevel, Answer[]> = {
  recommended: ['yes', 'yes', 'yes', 'yes', 'yes'],
  consider: ['no', 'unsure', 'no', 'unsure', 'yes'],
  optional: ['no', 'no', 'no', 'no', 'no'],
};
const BARRIERS: BarrierId[] = ['offend', 'time', 'insurance', 'how'];

const FONTS = { 'default font': '', 'sans-serif': 'sans-serif' };

/**
 * SPEC §2.3 sets the heights for Chromium. Firefox here falls back to the wider DejaVu Serif
 * and gives its classic scrollbar 28 px of a 320 px window, so only the first action's place is
 * checked there.
 */
const isChromium = !navigator.userAgent.includes('Firefox');

async function measureResult(level: ResultLevel, width: number, height: number, font: string) {
  await setViewport({ width, height });
  const container = document.createElement('div');
  container.style.fontFamily = font;
  const el = await fixtureElement(CLINIC, container);
  await answerAll(el, PATHS[level], BARRIERS);
  expect(el.result?.level).to.equal(level);
  for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = false;
  await settle(el);
  const top = el.getBoundingClientRect().top;
  const outcome = $(el, '[part~="outcome"]');
  expect(outcome, 'an outcome panel').not.to.equal(null);
  const firstAction = outcome!.querySelector('button, a')!;
  expect(firstAction, 'an action in the outcome panel').not.to.equal(null);
  const action = firstAction.getBoundingClientRect();
  return { top: action.top - top, bottom: action.bottom - top, height: el.getBoundingClientRect().height };
}

describe('<second-opinion-check> result as a decision screen: measured', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [fontName, font] of Object.entries(FONTS)) {
    for (const level of ['recommended', 'consider', 'optional'] as const) {
      it(`${level}, ${fontName}: at 1280 × 900 the first action starts within 700 px, the result is at most 1,600 px`, async () => {
        const m = await measureResult(level, 1280, 900, font);
        expect(m.top, 'first action from the widget’s top').to.be.at.most(700);
        if (isChromium) expect(m.height, 'the whole result').to.be.at.most(1600);
      });

      it(`${level}, ${fontName}: at 320 × 640 the first action is on the first screen, the result at most 3 screens`, async () => {
        const m = await measureResult(level, 320, 640, font);
        expect(m.bottom, 'first action’s bottom from the widget’s top').to.be.at.most(640);
        if (isChromium) expect(m.height, 'the whole result').to.be.at.most(3 * 640);
      });
    }
  }
});
