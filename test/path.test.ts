/**
 * The patient's path as data (src/questionnaire/path.ts): every move from every screen, without
 * the DOM. The element's own tests check what a move shows and says.
 */
import { expect } from '@open-wc/testing';
import {
  INTRO,
  next,
  questionsBefore,
  toggleBarrier,
  type PathAction,
  type PathAnswers,
  type PathState,
  within,
} from '../src/questionnaire/path.ts';
import { QUESTION_IDS, type BarrierId } from '../src/types.ts';

const ALL_NO: PathAnswers = {
  questions: QUESTION_IDS,
  answers: { serious: 'no', surgery: 'no', unclear: 'no', experimental: 'no', doubts: 'no' },
  barriers: [],
};
const NOTHING_YET: PathAnswers = { questions: QUESTION_IDS, answers: {}, barriers: [] };
const ACTIONS: PathAction[] = ['start', 'continue', 'skip', 'back', 'contact', 'restart'];

const question = (index: number): PathState => ({ step: 'question', index });
const RESULT: PathState = {
  step: 'result',
  result: { level: 'optional', reasons: [], answers: ALL_NO.answers, barriers: [] },
};

describe('the path (questionnaire/path.ts)', () => {
  describe('from the intro', () => {
    it('Start leads to the first question', () => {
      expect(next(INTRO, 'start', NOTHING_YET)).to.deep.equal(question(0));
    });

    it('Contact leads to the contact screen, whose Back comes back to the intro', () => {
      const contact = next(INTRO, 'contact', NOTHING_YET);
      expect(contact).to.deep.equal({ step: 'contact', back: INTRO });
      expect(next(contact, 'back', NOTHING_YET)).to.equal(INTRO);
    });

    it('Back, Continue and Skip lead nowhere', () => {
      for (const action of ['back', 'continue', 'skip'] as const) {
        expect(next(INTRO, action, ALL_NO), action).to.equal(INTRO);
      }
    });
  });

  describe('on a question', () => {
    it('Continue without an answer stays on the question, the very same state', () => {
      const state = question(1);
      expect(next(state, 'continue', { ...NOTHING_YET, answers: { serious: 'yes' } })).to.equal(state);
    });

    it('Continue with an answer leads to the next question, and after the last one to the barriers', () => {
      for (let index = 0; index < QUESTION_IDS.length - 1; index++) {
        expect(next(question(index), 'continue', ALL_NO), `question ${index}`).to.deep.equal(question(index + 1));
      }
      expect(next(question(QUESTION_IDS.length - 1), 'continue', ALL_NO)).to.deep.equal({ step: 'barriers' });
    });

    it('Back leads to the question before, and from the first one to the intro', () => {
      expect(next(question(3), 'back', ALL_NO)).to.deep.equal(question(2));
      expect(next(question(0), 'back', ALL_NO)).to.equal(INTRO);
    });

    it('Start and Skip lead nowhere', () => {
      const state = question(2);
      expect(next(state, 'start', ALL_NO)).to.equal(state);
      expect(next(state, 'skip', ALL_NO)).to.equal(state);
    });
  });

  describe('on the barriers step', () => {
    const barriers: PathState = { step: 'barriers' };

    it('Continue shows the result, with the barriers in list order whatever order they were picked in', () => {
      const picked: BarrierId[] = ['insurance', 'offend'];
      const to = next(barriers, 'continue', {
        ...ALL_NO,
        answers: { ...ALL_NO.answers, surgery: 'yes', doubts: 'unsure' },
        barriers: picked,
      });
      expect(to).to.deep.equal({
        step: 'result',
        result: {
          level: 'recommended',
          reasons: ['surgery'],
          answers: { ...ALL_NO.answers, surgery: 'yes', doubts: 'unsure' },
          barriers: ['offend', 'insurance'],
        },
      });
    });

    it('Skip shows the result without barriers', () => {
      const to = next(barriers, 'skip', { ...ALL_NO, barriers: ['time'] });
      expect(to).to.deep.equal(RESULT);
    });

    it('Back leads to the last question', () => {
      expect(next(barriers, 'back', ALL_NO)).to.deep.equal(question(QUESTION_IDS.length - 1));
    });
  });

  describe('on the result', () => {
    it('Start again leads to the intro', () => {
      expect(next(RESULT, 'restart', ALL_NO)).to.equal(INTRO);
    });

    it('Back, Start, Continue and Skip lead nowhere', () => {
      for (const action of ['back', 'start', 'continue', 'skip'] as const) {
        expect(next(RESULT, action, ALL_NO), action).to.equal(RESULT);
      }
    });
  });

  describe('on the contact screen', () => {
    const contact: PathState = { step: 'contact', back: INTRO };

    it('Back goes where the patient came from', () => {
      expect(next(contact, 'back', ALL_NO)).to.equal(INTRO);
      expect(next({ step: 'contact', back: question(2) }, 'back', ALL_NO)).to.deep.equal(question(2));
    });

    it('Contact again stays, so Back never leads to the contact screen itself', () => {
      expect(next(contact, 'contact', ALL_NO)).to.equal(contact);
    });
  });

  it('Start again leads to the intro from every screen', () => {
    for (const state of [INTRO, question(2), { step: 'barriers' } as const, RESULT]) {
      expect(next(state, 'restart', ALL_NO), state.step).to.equal(INTRO);
    }
  });

  it('every action from every screen gives a screen', () => {
    for (const state of [INTRO, question(0), question(4), { step: 'barriers' } as const, RESULT]) {
      for (const action of ACTIONS) {
        const to = next(state, action, ALL_NO);
        expect(['intro', 'question', 'barriers', 'result', 'contact'], `${state.step} + ${action}`).to.include(to.step);
      }
    }
  });

  describe('with a custom questions list', () => {
    const questions = ['doubts', 'serious'] as const;
    const answers: PathAnswers = { questions, answers: { doubts: 'yes', serious: 'no' }, barriers: [] };

    it('asks only those, in their order, and scores only those', () => {
      expect(next(question(0), 'continue', answers)).to.deep.equal(question(1));
      expect(next(question(1), 'continue', answers)).to.deep.equal({ step: 'barriers' });
      expect(next({ step: 'barriers' }, 'back', answers)).to.deep.equal(question(1));
      const to = next({ step: 'barriers' }, 'continue', answers);
      expect(to).to.deep.equal({
        step: 'result',
        result: { level: 'consider', reasons: ['doubts'], answers: { doubts: 'yes', serious: 'no' }, barriers: [] },
      });
    });

    it('a question is answered only by an answer to its own id', () => {
      const state = question(0);
      expect(next(state, 'continue', { questions, answers: { serious: 'yes' }, barriers: [] })).to.equal(state);
    });

    it('a shorter list moves a question past its end to the new last one, and leaves other screens', () => {
      expect(within(question(4), 2)).to.deep.equal(question(1));
      const kept = question(1);
      expect(within(kept, 2)).to.equal(kept);
      expect(within(RESULT, 1)).to.equal(RESULT);
    });

    it('one question: Continue leads from it straight to the barriers', () => {
      expect(
        next(question(0), 'continue', { questions: ['unclear'], answers: { unclear: 'no' }, barriers: [] }),
      ).to.deep.equal({
        step: 'barriers',
      });
    });
  });

  it('counts the questions before each screen, as soc-step says', () => {
    expect(questionsBefore(INTRO, 5)).to.equal(0);
    expect(questionsBefore(question(3), 5)).to.equal(3);
    expect(questionsBefore({ step: 'barriers' }, 5)).to.equal(5);
    expect(questionsBefore(RESULT, 5)).to.equal(5);
    expect(questionsBefore({ step: 'contact', back: INTRO }, 5)).to.equal(0);
  });

  it('"Nothing is holding me back" and the other barriers exclude each other', () => {
    expect([...toggleBarrier(new Set(['time', 'how']), 'none', true)]).to.deep.equal(['none']);
    expect([...toggleBarrier(new Set(['none']), 'time', true)]).to.deep.equal(['time']);
    expect([...toggleBarrier(new Set(['time', 'how']), 'time', false)]).to.deep.equal(['how']);
    expect([...toggleBarrier(new Set(['time']), 'offend', true)]).to.deep.equal(['time', 'offend']);
  });
});
