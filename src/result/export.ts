import {
  doctorScript,
  levelHeading,
  nextSteps,
  stepsHeading,
  talkHeading,
  visitHeading,
  visitQuestions,
} from './content.ts';
import { checkTitle } from '../questionnaire/questions.ts';
import type { SelfCheckResult } from '../types.ts';

/** The checklist as plain text, for "Save as a text file". Never includes the answers. */
export function checklistText(result: SelfCheckResult, ticked: readonly boolean[], disclaimer: string): string {
  const lines = [
    checkTitle(),
    '',
    levelHeading(result.level),
    '',
    stepsHeading(),
    ...nextSteps().map((step, index) => `[${ticked[index] ? 'x' : ' '}] ${step}`),
    '',
    talkHeading(),
    `"${doctorScript()}"`,
    '',
    visitHeading(),
    ...visitQuestions().map((question) => `- ${question}`),
    '',
    disclaimer,
  ];
  return lines.join('\n') + '\n';
}
