import { msg } from '@lit/localize';
import { doctorScript, levelHeading, nextSteps, visitQuestions } from './content.ts';
import type { SelfCheckResult } from '../types.ts';

/** The checklist as plain text, for "Save as a text file". Never includes the answers. */
export function checklistText(result: SelfCheckResult, ticked: readonly boolean[], disclaimer: string): string {
  const lines = [
    msg('Should I get a second opinion?', { id: 'intro.title' }),
    '',
    levelHeading(result.level),
    '',
    msg('Your next steps', { id: 'result.steps' }),
    ...nextSteps().map((step, index) => `[${ticked[index] ? 'x' : ' '}] ${step}`),
    '',
    msg('How to bring it up with your doctor', { id: 'talk.heading' }),
    `"${doctorScript()}"`,
    '',
    msg('Questions to ask at your second-opinion visit', { id: 'visit.heading' }),
    ...visitQuestions().map((question) => `- ${question}`),
    '',
    disclaimer,
  ];
  return lines.join('\n') + '\n';
}
