/** The result's checklist as a plain-text file the patient can keep. */
import {
  doctorScript,
  levelHeading,
  nextSteps,
  stepsHeading,
  talkHeading,
  visitHeading,
  visitQuestions,
} from './content.ts';
import { msg } from '@lit/localize';
import { checkTitle } from '../strings.ts';
import type { SelfCheckResult } from '../types.ts';

/** The checklist as plain text, for "Save as a text file". Never includes the answers. */
function checklistText(result: SelfCheckResult, ticked: readonly boolean[], disclaimer: string): string {
  const lines = [
    checkTitle(),
    '',
    levelHeading(result.level),
    '',
    stepsHeading(result.level),
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

/** Downloads the checklist as a text file, on the patient's click; nothing is stored by the widget. */
export function saveChecklist(result: SelfCheckResult, ticked: readonly boolean[], disclaimer: string): void {
  const url = URL.createObjectURL(
    new Blob([checklistText(result, ticked, disclaimer)], { type: 'text/plain;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = msg('second-opinion-checklist.txt', { id: 'result.save.filename' });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
