import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { answerQuestions, choose, expectLanguage, getCheck, openContact, start } from './support/flow.ts';

/**
 * Arabic reads right to left: the content root carries `lang="ar" dir="rtl"`, and every
 * layout uses logical properties, so the Back arrow, progress bar, options and actions mirror.
 */
const meta = {
  ...baseMeta,
  title: 'Languages/Arabic, right to left',
  args: { ...baseMeta.args, ...sampleClinic, locale: 'ar' },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

/** Question 2 of 5 with an answer chosen: progress, Back and options mirrored. */
export const Question: Story = {
  play: async ({ canvasElement, globals }) => {
    const check = await getCheck(canvasElement);
    await expectLanguage(check, (globals.locale as string) || 'ar');
    await start(check);
    await answerQuestions(check, ['no']);
    await choose(check, 'yes');
  },
};

/** The barriers step: checkboxes with labels on the right. */
export const Barriers: Story = {
  play: async ({ canvasElement, globals }) => {
    const check = await getCheck(canvasElement);
    await expectLanguage(check, (globals.locale as string) || 'ar');
    await start(check);
    await answerQuestions(check, ['yes', 'no', 'no', 'no', 'no']);
  },
};

/** The contact panel: phone numbers and addresses stay readable inside right-to-left text. */
export const Contact: Story = {
  play: async ({ canvasElement, globals }) => {
    const check = await getCheck(canvasElement);
    await expectLanguage(check, (globals.locale as string) || 'ar');
    await openContact(check);
  },
};
