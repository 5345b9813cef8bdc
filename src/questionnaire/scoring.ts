/** The self-check's scoring (SPEC §2.3): answers in, level and reasons out. Pure. */
import type { Answer, BarrierId, QuestionId, ResultLevel, SelfCheckResult } from '../types.ts';

/** A Yes to any of these means a second opinion is recommended (SPEC §2). */
const STRONG_REASONS: readonly QuestionId[] = ['serious', 'surgery', 'unclear', 'experimental'];

/**
 * Scores a completed self-check. Pure: the same answers always give the same result.
 *
 * - `recommended`: any Yes to `serious`, `surgery`, `unclear` or `experimental`;
 * - `consider`: otherwise any Not sure, or Yes to `doubts`;
 * - `optional`: every answer No. We never tell a patient they do not need one.
 *
 * `reasons` lists, in question order, the ids whose answers led to the level
 * (empty for `optional`, where nothing pushed towards a second opinion).
 */
export function scoreSelfCheck(
  questions: readonly QuestionId[],
  answers: Partial<Record<QuestionId, Answer>>,
  barriers: readonly BarrierId[] = [],
): SelfCheckResult {
  const asked = questions.filter((id) => answers[id] !== undefined);
  const strong = asked.filter((id) => STRONG_REASONS.includes(id) && answers[id] === 'yes');
  const soft = asked.filter((id) => answers[id] === 'unsure' || (id === 'doubts' && answers[id] === 'yes'));
  const [level, reasons]: [ResultLevel, QuestionId[]] =
    strong.length > 0 ? ['recommended', strong] : soft.length > 0 ? ['consider', soft] : ['optional', []];
  const answered: Partial<Record<QuestionId, Answer>> = {};
  for (const id of asked) answered[id] = answers[id];
  return { level, reasons, answers: answered, barriers: [...barriers] };
}
