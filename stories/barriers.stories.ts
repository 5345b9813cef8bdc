import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { answerQuestions, getCheck, inside, pickBarriers, start } from './support/flow.ts';

/** The optional step after the questions: "Is anything holding you back?" */
const meta = {
  ...baseMeta,
  title: 'Patient path/Barriers',
  args: { ...baseMeta.args, ...sampleClinic },
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await start(check);
    await answerQuestions(check, ['yes', 'no', 'no', 'no', 'no']);
    await expect(inside(check).getAllByRole('checkbox')).toHaveLength(5);
  },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

/** Nothing picked yet: the patient can pick any, or skip the step. */
export const Barriers: Story = { name: 'Is anything holding you back?' };

/** Two worries picked; each gets its own reassurance on the result. */
export const BarriersPicked: Story = {
  name: 'Worries picked',
  play: async (context) => {
    await meta.play(context);
    await pickBarriers(await getCheck(context.canvasElement), ['offend', 'insurance']);
  },
};

/** "Nothing is holding me back" clears the other choices, and picking another clears it. */
export const NothingHoldingBack: Story = {
  name: 'Nothing holding me back',
  play: async (context) => {
    await meta.play(context);
    const check = await getCheck(context.canvasElement);
    await pickBarriers(check, ['time', 'none']);
    const checked = inside(check)
      .getAllByRole('checkbox')
      .filter((box) => (box as HTMLInputElement).checked)
      .map((box) => (box as HTMLInputElement).value);
    await expect(checked).toEqual(['none']);
  },
};
