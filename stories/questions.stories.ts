import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { answerQuestions, choose, clickPrimary, currentQuestionId, getCheck, inside, start } from './support/flow.ts';
import type { Answer, QuestionId } from '../src/types.ts';

/**
 * One question per screen, reached the way a patient reaches it: Start, an answer, Continue.
 * Each story stops on its question with nothing chosen yet.
 */
const meta = {
  ...baseMeta,
  title: 'Patient path/Questions',
  args: { ...baseMeta.args, ...sampleClinic },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

/** Earlier answers on the way to a question; "No" keeps the path plain. */
function reachQuestion(id: QuestionId, before: readonly Answer[]): Story['play'] {
  return async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await start(check);
    await answerQuestions(check, before);
    await expect(currentQuestionId(check)).toBe(id);
  };
}

/** "Question 1 of 5": told you have a serious, rare or complex condition? */
export const Serious: Story = { name: '1 · serious', play: reachQuestion('serious', []) };

/** "Question 2 of 5": surgery that is not an emergency? */
export const Surgery: Story = { name: '2 · surgery', play: reachQuestion('surgery', ['no']) };

/** "Question 3 of 5": still unsure what the exact diagnosis is? */
export const Unclear: Story = { name: '3 · unclear', play: reachQuestion('unclear', ['no', 'no']) };

/** "Question 4 of 5": thinking about an experimental treatment or a clinical trial? */
export const Experimental: Story = {
  name: '4 · experimental',
  play: reachQuestion('experimental', ['no', 'no', 'no']),
};

/** "Question 5 of 5": questions or doubts about the treatment plan? */
export const Doubts: Story = { name: '5 · doubts', play: reachQuestion('doubts', ['no', 'no', 'no', 'no']) };

/** An answer chosen: the selected option's look. */
export const AnswerChosen: Story = {
  name: 'Answer chosen',
  play: async (context) => {
    await reachQuestion('serious', [])!(context);
    await choose(await getCheck(context.canvasElement), 'unsure');
  },
};

/** Continue without an answer: the error is shown and tied to the question. */
export const MissingAnswer: Story = {
  name: 'Missing answer',
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await start(check);
    await clickPrimary(check);
    const error = check.shadowRoot?.querySelector<HTMLElement>('[part="error"]');
    await expect(error).toBeVisible();
    await expect(inside(check).getByRole('group').getAttribute('aria-describedby')).toContain(error!.id);
    await expect(currentQuestionId(check)).toBe('serious');
  },
};

/** A host can ask a subset of the questions, in its own order (the JS-only `questions` property). */
export const FewerQuestions: Story = {
  name: 'Fewer questions (questions property)',
  args: { questions: ['surgery', 'doubts'] },
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await start(check);
    await expect(currentQuestionId(check)).toBe('surgery');
  },
};
