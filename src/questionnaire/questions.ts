/** The default questions and barriers: which ones a host may ask, and their text. */
import { msg } from '@lit/localize';
import { QUESTION_IDS, type BarrierId, type QuestionId } from '../types.ts';

/** Any value, named for a warning without throwing (a BigInt, a circular object, a Symbol…). */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return 'a list';
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
  return `a value of type ${typeof value}`;
}

/**
 * The questions to ask from a host's `questions` value: its known ids, in its order and without
 * repeats, or every default question when none is known. `warn(key, text)` is told about each
 * thing left out.
 */
export function questionList(value: unknown, warn: (key: string, text: string) => void): QuestionId[] {
  const known = `Known ids: ${QUESTION_IDS.join(', ')}.`;
  if (!Array.isArray(value)) {
    warn(
      `questions:not-a-list:${describeValue(value)}`,
      `questions must be a list of question ids, not ${describeValue(value)}, so all default questions are asked. ${known}`,
    );
    return [...QUESTION_IDS];
  }
  const ids: QuestionId[] = [];
  for (const item of value) {
    if ((QUESTION_IDS as readonly unknown[]).includes(item)) {
      if (!ids.includes(item as QuestionId)) ids.push(item as QuestionId);
    } else
      warn(
        `questions:${describeValue(item)}`,
        `the questions list has an unknown id ${describeValue(item)}; it is left out. ${known}`,
      );
  }
  if (ids.length) return ids;
  warn('questions:empty', 'the questions list has no known id, so all default questions are asked.');
  return [...QUESTION_IDS];
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
