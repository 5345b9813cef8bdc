import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { choose, expectNoHorizontalScroll, getCheck, playToResult, start } from './support/flow.ts';

/**
 * A 320 px wide screen, the width WCAG 1.4.10 (reflow) asks for: nothing may scroll sideways.
 * Pick other widths from the toolbar's viewport menu.
 */
const meta = {
  ...baseMeta,
  title: 'Look/Small screen (320 px)',
  args: { ...baseMeta.args, ...sampleClinic },
  globals: { viewport: { value: 'narrow320', isRotated: false } },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

export const Intro: Story = {
  play: async ({ canvasElement }) => {
    await expectNoHorizontalScroll(await getCheck(canvasElement));
  },
};

export const Question: Story = {
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await start(check);
    await choose(check, 'unsure');
    await expectNoHorizontalScroll(check);
  },
};

/** The longest screen, with the evidence bars and the contact details. */
export const Result: Story = {
  play: async (context) => {
    await playToResult('recommended')(context);
    await expectNoHorizontalScroll(await getCheck(context.canvasElement));
  },
};
