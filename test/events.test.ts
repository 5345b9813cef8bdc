/** Focus, live-region announcements and the element's events (order, detail, privacy). */
import { expect } from '@open-wc/testing';
import '../src/define.ts';
import type { Answer, Step } from '../src/types.ts';
import {
  $,
  ANSWER_LABEL,
  answerAll,
  answerQuestions,
  BARRIER_LABEL,
  chooseOption,
  clickButton,
  DEFAULT_QUESTIONS,
  expectSameNode,
  fixtureElement,
  focusedInShadow,
  headingText,
  LEVEL_HEADING,
  QUESTION_HEADING,
  settle,
  waitForAnnouncement,
} from './helpers.ts';

const SOC_EVENTS = ['soc-start', 'soc-step', 'soc-result', 'soc-restart'] as const;

interface Recorded {
  type: string;
  detail: unknown;
  bubbles: boolean;
  composed: boolean;
}

/** Records the element's events where a host's analytics would hear them: on `document`. */
function recordEvents() {
  const events: Recorded[] = [];
  const listener = (event: Event) => {
    const { type, bubbles, composed } = event;
    events.push({ type, bubbles, composed, detail: (event as CustomEvent).detail });
  };
  for (const type of SOC_EVENTS) document.addEventListener(type, listener);
  return {
    events,
    stop: () => SOC_EVENTS.forEach((type) => document.removeEventListener(type, listener)),
  };
}

describe('<second-opinion-check> focus, announcements and events', () => {
  describe('focus and announcements', () => {
    it('does not take focus on first render', async () => {
      const el = await fixtureElement();
      await expect(el).to.be.accessible();
      expectSameNode(focusedInShadow(el), null, 'focus inside the widget');
      expect(document.activeElement !== el, 'the widget is not focused').to.equal(true);
    });

    it('moves focus to the new screen’s heading on every step change', async () => {
      const el = await fixtureElement();
      await expect(el).to.be.accessible();
      const expectHeadingFocused = (what: string) => {
        const heading = $(el, '#heading');
        expect(heading?.localName, what).to.equal('h2');
        expectSameNode(focusedInShadow(el), heading, what);
      };
      await clickButton(el, 'Start');
      expectHeadingFocused('question 1');
      await clickButton(el, 'Back');
      expectHeadingFocused('intro after Back');
      await clickButton(el, 'Start');
      for (const [index, answer] of (['yes', 'no', 'unsure', 'no', 'yes'] as Answer[]).entries()) {
        await chooseOption(el, ANSWER_LABEL[answer]);
        await clickButton(el, 'Continue');
        expectHeadingFocused(index < 4 ? `question ${index + 2}` : 'barriers');
      }
      await clickButton(el, 'Back');
      expectHeadingFocused('question 5 after Back');
      await clickButton(el, 'Continue');
      await clickButton(el, 'Skip this step');
      expectHeadingFocused('result');
      await clickButton(el, 'Start again');
      expectHeadingFocused('intro after Start again');
      await clickButton(el, 'Contact the clinic');
      expectHeadingFocused('contact');
    });

    it('announces progress and the result in a polite live region', async () => {
      const el = await fixtureElement();
      await expect(el).to.be.accessible();
      const status = $(el, '[role="status"]')!;
      expect(status.getAttribute('aria-live')).to.equal('polite');
      await clickButton(el, 'Start');
      await waitForAnnouncement(el, 'Question 1 of 5');
      await chooseOption(el, 'No');
      await clickButton(el, 'Continue');
      await waitForAnnouncement(el, 'Question 2 of 5');
      for (let i = 0; i < 4; i++) {
        await chooseOption(el, 'No');
        await clickButton(el, 'Continue');
      }
      await clickButton(el, 'Skip this step');
      await waitForAnnouncement(el, LEVEL_HEADING.optional);
    });
  });

  describe('events', () => {
    it('fires soc-start, soc-step, soc-result and soc-restart in order, bubbling and composed', async () => {
      const el = await fixtureElement();
      await expect(el).to.be.accessible();
      const recorder = recordEvents();
      try {
        await answerAll(el, ['yes', 'no', 'unsure', 'no', 'yes'], ['time']);
        await clickButton(el, 'Start again');
      } finally {
        recorder.stop();
      }
      const step = (s: Step, index: number) => ({ type: 'soc-step', detail: { step: s, index, total: 5 } });
      expect(recorder.events.map(({ type, detail }) => ({ type, detail }))).to.deep.equal([
        { type: 'soc-start', detail: null },
        step('question', 0),
        step('question', 1),
        step('question', 2),
        step('question', 3),
        step('question', 4),
        step('barriers', 5),
        step('result', 5),
        { type: 'soc-result', detail: null },
        { type: 'soc-restart', detail: null },
        step('intro', 0),
      ]);
      for (const event of recorder.events) {
        expect(event.bubbles, event.type).to.equal(true);
        expect(event.composed, event.type).to.equal(true);
      }
    });

    it('fires soc-step for Back, the contact screen and a subset of questions', async () => {
      const el = await fixtureElement();
      el.questions = ['unclear', 'doubts'];
      await settle(el);
      await expect(el).to.be.accessible();
      const recorder = recordEvents();
      try {
        await clickButton(el, 'Contact the clinic');
        await clickButton(el, 'Back');
        await answerQuestions(el, ['no']);
        await clickButton(el, 'Back');
        await clickButton(el, 'Back');
        await clickButton(el, 'Start');
        await chooseOption(el, 'No');
        await clickButton(el, 'Continue');
        // Continue without an answer is not a new screen.
        await clickButton(el, 'Continue');
      } finally {
        recorder.stop();
      }
      expect(recorder.events.filter((event) => event.type === 'soc-step').map((event) => event.detail)).to.deep.equal([
        { step: 'contact', index: 0, total: 2 },
        { step: 'intro', index: 0, total: 2 },
        { step: 'question', index: 0, total: 2 },
        { step: 'question', index: 1, total: 2 },
        { step: 'question', index: 0, total: 2 },
        { step: 'intro', index: 0, total: 2 },
        { step: 'question', index: 0, total: 2 },
        { step: 'question', index: 1, total: 2 },
      ]);
      expect(headingText(el), 'still on question 2 after Continue without an answer').to.equal(QUESTION_HEADING.doubts);
    });

    it('carries no answer, question, barrier or level in any detail', async () => {
      const forbidden = new Set<string>([
        ...Object.keys(ANSWER_LABEL),
        ...Object.values(ANSWER_LABEL),
        ...DEFAULT_QUESTIONS,
        ...Object.keys(BARRIER_LABEL),
        ...Object.keys(LEVEL_HEADING),
      ]);
      const el = await fixtureElement();
      await expect(el).to.be.accessible();
      const recorder = recordEvents();
      try {
        await answerAll(el, ['yes', 'unsure', 'no', 'yes', 'unsure'], ['offend', 'how']);
        await clickButton(el, 'Start again');
        await answerAll(el, ['no', 'no', 'no', 'no', 'no'], ['none']);
      } finally {
        recorder.stop();
      }
      expect(recorder.events.length).to.be.greaterThan(10);
      for (const { type, detail } of recorder.events) {
        const json = JSON.stringify(detail ?? null);
        if (type !== 'soc-step') {
          expect(detail ?? null, type).to.equal(null);
          continue;
        }
        expect(Object.keys(detail as object).sort(), json).to.deep.equal(['index', 'step', 'total']);
        const values = Object.values(detail as object).map(String);
        for (const value of values) expect(forbidden.has(value), `${type} ${json}`).to.equal(false);
        for (const word of forbidden) {
          expect(json.includes(`"${word}"`), `${type} ${json} mentions ${word}`).to.equal(false);
        }
      }
    });
  });
});
