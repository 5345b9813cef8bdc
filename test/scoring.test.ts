import { expect } from '@open-wc/testing';
import { scoreSelfCheck } from '../src/questionnaire/scoring.ts';
import type { Answer, BarrierId, QuestionId, ResultLevel } from '../src/types.ts';

/*
 * The oracle: SPEC §2 written as a table, independent of the implementation.
 * Every (question, answer) pair has a weight; the result level is the heaviest weight given,
 * and the reasons are the questions (in question order) whose answer carries that weight.
 *
 *   recommended — any Yes to serious, surgery, unclear or experimental
 *   consider    — otherwise any Not sure, or Yes to doubts
 *   optional    — all No (no reasons)
 */
const RECOMMENDED = 2;
const CONSIDER = 1;
const NOTHING = 0;

const WEIGHT: Record<QuestionId, Record<Answer, number>> = {
  serious: { yes: RECOMMENDED, unsure: CONSIDER, no: NOTHING },
  surgery: { yes: RECOMMENDED, unsure: CONSIDER, no: NOTHING },
  unclear: { yes: RECOMMENDED, unsure: CONSIDER, no: NOTHING },
  experimental: { yes: RECOMMENDED, unsure: CONSIDER, no: NOTHING },
  doubts: { yes: CONSIDER, unsure: CONSIDER, no: NOTHING },
};

const LEVEL_OF_WEIGHT: ResultLevel[] = ['optional', 'consider', 'recommended'];

function expected(questions: readonly QuestionId[], answers: Partial<Record<QuestionId, Answer>>) {
  const weights = questions.map((id) => WEIGHT[id][answers[id]!]);
  const top = Math.max(NOTHING, ...weights);
  return {
    level: LEVEL_OF_WEIGHT[top],
    reasons: top === NOTHING ? [] : questions.filter((_, index) => weights[index] === top),
  };
}

const DEFAULT_QUESTIONS: QuestionId[] = ['serious', 'surgery', 'unclear', 'experimental', 'doubts'];
const ANSWERS: Answer[] = ['yes', 'no', 'unsure'];

/** Every way to answer `questions`: 3^n maps from question id to answer. */
function everyCombination(questions: readonly QuestionId[]): Partial<Record<QuestionId, Answer>>[] {
  return questions.reduce<Partial<Record<QuestionId, Answer>>[]>(
    (combos, id) => combos.flatMap((combo) => ANSWERS.map((answer) => ({ ...combo, [id]: answer }))),
    [{}],
  );
}

const describeAnswers = (questions: readonly QuestionId[], answers: Partial<Record<QuestionId, Answer>>) =>
  questions.map((id) => `${id}=${answers[id]}`).join(' ');

describe('scoreSelfCheck', () => {
  describe('the oracle itself (hand-checked cases from SPEC §2)', () => {
    it('agrees with worked examples', () => {
      const all = (answer: Answer) => Object.fromEntries(DEFAULT_QUESTIONS.map((id) => [id, answer]));
      expect(expected(DEFAULT_QUESTIONS, all('no'))).to.deep.equal({ level: 'optional', reasons: [] });
      expect(expected(DEFAULT_QUESTIONS, all('yes'))).to.deep.equal({
        level: 'recommended',
        reasons: ['serious', 'surgery', 'unclear', 'experimental'],
      });
      expect(expected(DEFAULT_QUESTIONS, all('unsure'))).to.deep.equal({
        level: 'consider',
        reasons: DEFAULT_QUESTIONS,
      });
      expect(expected(DEFAULT_QUESTIONS, { ...all('no'), doubts: 'yes' })).to.deep.equal({
        level: 'consider',
        reasons: ['doubts'],
      });
      expect(expected(DEFAULT_QUESTIONS, { ...all('unsure'), experimental: 'yes', doubts: 'yes' })).to.deep.equal({
        level: 'recommended',
        reasons: ['experimental'],
      });
    });
  });

  describe('all 243 answer combinations of the five default questions', () => {
    const combos = everyCombination(DEFAULT_QUESTIONS);

    it('covers 3^5 distinct combinations', () => {
      expect(combos).to.have.length(243);
      expect(new Set(combos.map((combo) => describeAnswers(DEFAULT_QUESTIONS, combo))).size).to.equal(243);
    });

    for (const answers of combos) {
      const want = expected(DEFAULT_QUESTIONS, answers);
      it(`${describeAnswers(DEFAULT_QUESTIONS, answers)} → ${want.level} [${want.reasons.join(', ')}]`, () => {
        const result = scoreSelfCheck(DEFAULT_QUESTIONS, answers);
        expect(result.level).to.equal(want.level);
        expect(result.reasons).to.deep.equal(want.reasons);
        expect(result.answers).to.deep.equal(answers);
        expect(result.barriers).to.deep.equal([]);
      });
    }
  });

  describe('subsets and orders of questions', () => {
    it('only doubts: Yes or Not sure → consider, No → optional', () => {
      expect(scoreSelfCheck(['doubts'], { doubts: 'yes' })).to.deep.include({ level: 'consider', reasons: ['doubts'] });
      expect(scoreSelfCheck(['doubts'], { doubts: 'unsure' })).to.deep.include({
        level: 'consider',
        reasons: ['doubts'],
      });
      expect(scoreSelfCheck(['doubts'], { doubts: 'no' })).to.deep.include({ level: 'optional', reasons: [] });
    });

    it('lists reasons in the order the questions were asked, not the default order', () => {
      expect(scoreSelfCheck(['surgery', 'serious'], { surgery: 'yes', serious: 'yes' }).reasons).to.deep.equal([
        'surgery',
        'serious',
      ]);
      expect(scoreSelfCheck(['serious', 'surgery'], { surgery: 'yes', serious: 'yes' }).reasons).to.deep.equal([
        'serious',
        'surgery',
      ]);
      expect(
        scoreSelfCheck(['doubts', 'unclear', 'serious'], { doubts: 'yes', unclear: 'unsure', serious: 'no' }),
      ).to.deep.include({ level: 'consider', reasons: ['doubts', 'unclear'] });
    });

    it('ignores answers to questions that were not asked', () => {
      const result = scoreSelfCheck(['doubts'], { serious: 'yes', surgery: 'yes', doubts: 'no' });
      expect(result.level).to.equal('optional');
      expect(result.reasons).to.deep.equal([]);
      expect(result.answers).to.deep.equal({ doubts: 'no' });
    });

    it('matches the oracle for every subset, in default and reversed order, with every combination', () => {
      let checked = 0;
      for (let mask = 1; mask < 1 << DEFAULT_QUESTIONS.length; mask++) {
        const subset = DEFAULT_QUESTIONS.filter((_, index) => mask & (1 << index));
        for (const questions of [subset, [...subset].reverse()]) {
          for (const answers of everyCombination(questions)) {
            const want = expected(questions, answers);
            const got = scoreSelfCheck(questions, answers);
            const label = `[${questions.join(',')}] ${describeAnswers(questions, answers)}`;
            expect(got.level, label).to.equal(want.level);
            expect(got.reasons, label).to.deep.equal(want.reasons);
            checked++;
          }
        }
      }
      // Σ C(5,k)·3^k over k = 1..5 is 4^5 − 1 = 1023 per order.
      expect(checked).to.equal(2 * 1023);
    });
  });

  describe('barriers and answers', () => {
    it('passes the barriers through as a copy', () => {
      const barriers: BarrierId[] = ['offend', 'insurance'];
      const result = scoreSelfCheck(['serious'], { serious: 'no' }, barriers);
      expect(result.barriers).to.deep.equal(['offend', 'insurance']);
      expect(result.barriers).not.to.equal(barriers);
      barriers.push('time');
      expect(result.barriers).to.deep.equal(['offend', 'insurance']);
    });

    it('passes barriers through whatever the level', () => {
      for (const answer of ANSWERS) {
        expect(scoreSelfCheck(['serious'], { serious: answer }, ['none']).barriers).to.deep.equal(['none']);
      }
    });

    it('gives an empty barriers list when none are passed', () => {
      expect(scoreSelfCheck(['serious'], { serious: 'yes' }).barriers).to.deep.equal([]);
    });

    it('does not share the answers object with the caller', () => {
      const answers: Partial<Record<QuestionId, Answer>> = { serious: 'no' };
      const result = scoreSelfCheck(['serious'], answers);
      answers.serious = 'yes';
      expect(result.answers).to.deep.equal({ serious: 'no' });
    });

    it('gives the same result for the same input (pure)', () => {
      const answers: Partial<Record<QuestionId, Answer>> = { serious: 'unsure', doubts: 'yes' };
      expect(scoreSelfCheck(DEFAULT_QUESTIONS, answers, ['time'])).to.deep.equal(
        scoreSelfCheck(DEFAULT_QUESTIONS, answers, ['time']),
      );
    });
  });
});
