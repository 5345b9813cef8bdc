/**
 * The patient's path through the check (SPEC §2) as data: the screen shown now, and where each
 * of the patient's actions leads from it. Pure: no DOM, no strings, no events; the element
 * applies what a move means (focus, announcement, `soc-step`).
 */
import { BARRIER_IDS, type Answer, type BarrierId, type QuestionId, type SelfCheckResult } from '../types.ts';
import { scoreSelfCheck } from './scoring.ts';

/** One screen: the result carries its result, the contact screen where Back goes. */
export type PathState =
  | { step: 'intro' }
  | { step: 'question'; index: number }
  | { step: 'barriers' }
  | { step: 'result'; result: SelfCheckResult }
  | { step: 'contact'; back: PathState };

/** Start, Continue (or See my result), Skip this step, Back, Contact the clinic, Start again. */
export type PathAction = 'start' | 'continue' | 'skip' | 'back' | 'contact' | 'restart';

/** What the patient has told the check so far. */
export interface PathAnswers {
  /** The questions asked, in order. */
  questions: readonly QuestionId[];
  answers: Partial<Record<QuestionId, Answer>>;
  barriers: Iterable<BarrierId>;
}

export const INTRO: PathState = { step: 'intro' };

/**
 * Where `action` leads from `state`. An action that leads nowhere from there (Continue on an
 * unanswered question, Back on the intro) returns `state` itself.
 */
export function next(state: PathState, action: PathAction, { questions, answers, barriers }: PathAnswers): PathState {
  const { step } = state;
  switch (action) {
    case 'start':
      return step === 'intro' ? { step: 'question', index: 0 } : state;
    case 'contact':
      return step === 'contact' ? state : { step: 'contact', back: state };
    case 'restart':
      return INTRO;
    case 'back':
      if (step === 'contact') return state.back;
      if (step === 'barriers') return { step: 'question', index: questions.length - 1 };
      if (step === 'question') return state.index ? { step, index: state.index - 1 } : INTRO;
      return state;
    case 'continue':
      if (step === 'question') {
        if (!answers[questions[state.index]]) return state;
        return state.index < questions.length - 1 ? { step, index: state.index + 1 } : { step: 'barriers' };
      }
      // On the barriers step, Continue is "See my result"; Skip leaves the barriers out.
      return step === 'barriers' ? result(questions, answers, barriers) : state;
    case 'skip':
      return step === 'barriers' ? result(questions, answers, []) : state;
  }
}

/** The result screen, barriers in their list's order whatever order they were ticked in. */
function result(
  questions: readonly QuestionId[],
  answers: PathAnswers['answers'],
  barriers: Iterable<BarrierId>,
): PathState {
  const picked = [...barriers].sort((a, b) => BARRIER_IDS.indexOf(a) - BARRIER_IDS.indexOf(b));
  return { step: 'result', result: scoreSelfCheck(questions, answers, picked) };
}

/** `state`, its question kept within a list of `total` questions (the host changed `questions`). */
export function within(state: PathState, total: number): PathState {
  return state.step === 'question' && state.index >= total ? { step: 'question', index: total - 1 } : state;
}

/** How many questions come before `state`'s screen: `soc-step`'s `index`. */
export const questionsBefore = (state: PathState, total: number) =>
  state.step === 'question' ? state.index : state.step === 'barriers' || state.step === 'result' ? total : 0;

/**
 * The barriers picked after the patient ticks or unticks `id`: "Nothing is holding me back" and
 * the other barriers exclude each other.
 */
export function toggleBarrier(picked: ReadonlySet<BarrierId>, id: BarrierId, checked: boolean): Set<BarrierId> {
  const next = new Set(picked);
  if (checked) {
    if (id === 'none') next.clear();
    else next.delete('none');
    next.add(id);
  } else next.delete(id);
  return next;
}
