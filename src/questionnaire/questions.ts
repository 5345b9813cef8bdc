import { msg } from '@lit/localize';
import { BARRIER_IDS, QUESTION_IDS, type BarrierId, type QuestionId } from '../types.ts';

export { BARRIER_IDS, QUESTION_IDS };

/**
 * Keeps the known ids of a host's `questions` list, in its order and without repeats.
 * Returns the unknown ones too, so the element can warn about them.
 */
export function normalizeQuestionIds(value: unknown): { ids: QuestionId[]; unknown: unknown[] } {
  if (!Array.isArray(value)) return { ids: [...QUESTION_IDS], unknown: [value] };
  const ids: QuestionId[] = [];
  const unknown: unknown[] = [];
  for (const item of value) {
    if ((QUESTION_IDS as readonly unknown[]).includes(item)) {
      if (!ids.includes(item as QuestionId)) ids.push(item as QuestionId);
    } else unknown.push(item);
  }
  return { ids, unknown };
}

// Strings are looked up when rendered, never at module load, so a language switch re-renders.
export function questionText(id: QuestionId): string {
  switch (id) {
    case 'serious':
      return msg('Were you told you have a serious, rare or complex illness, such as cancer?', {
        id: 'question.serious',
      });
    case 'surgery':
      return msg('Has your doctor suggested surgery that is not an emergency?', { id: 'question.surgery' });
    case 'unclear':
      return msg('Are you still unsure what your exact diagnosis is?', { id: 'question.unclear' });
    case 'experimental':
      return msg('Are you thinking about an experimental treatment or a clinical trial?', {
        id: 'question.experimental',
      });
    case 'doubts':
      return msg('Do you have questions or doubts about your treatment plan, or want to hear all your options?', {
        id: 'question.doubts',
      });
  }
}

export function barrierText(id: BarrierId): string {
  switch (id) {
    case 'offend':
      return msg('I am worried about upsetting my doctor', { id: 'barrier.offend' });
    case 'time':
      return msg('I do not have time', { id: 'barrier.time' });
    case 'insurance':
      return msg('I am not sure my insurance will pay', { id: 'barrier.insurance' });
    case 'how':
      return msg('I do not know how to start', { id: 'barrier.how' });
    case 'none':
      return msg('Nothing is holding me back', { id: 'barrier.none' });
  }
}

export const checkTitle = () => msg('Should I get a second opinion?', { id: 'intro.title' });
export const barriersTitle = () => msg('Is anything holding you back?', { id: 'barriers.title' });
export const answerMissingText = () => msg('Choose Yes, No or Not sure to go on.', { id: 'question.error' });
