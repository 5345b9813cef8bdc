import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { choose, expectMediaEmulated, getCheck, playToResult, start } from './support/flow.ts';

/**
 * The `theme` attribute: `light` (default), `dark`, and `auto`, which follows the patient's
 * system setting (`prefers-color-scheme`). Each story shows a question with an answer chosen;
 * the last one shows the result, with its evidence bars.
 *
 * To see `auto` in dark, switch the system to dark mode, or in Chrome DevTools open Rendering →
 * "Emulate CSS media feature prefers-color-scheme" → dark. The story checks do that for the
 * "Auto, system dark" story.
 */
const meta = {
  ...baseMeta,
  title: 'Look/Themes',
  args: { ...baseMeta.args, ...sampleClinic },
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await start(check);
    await choose(check, 'yes');
  },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

export const Light: Story = { args: { theme: 'light' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
};

/** `auto` on a system set to light. */
export const AutoLight: Story = {
  name: 'Auto, system light',
  args: { theme: 'auto' },
  parameters: { media: { colorScheme: 'light' } },
};

/** `auto` on a system set to dark (emulated in the story checks; see above for Storybook). */
export const AutoDark: Story = {
  name: 'Auto, system dark',
  args: { theme: 'auto' },
  parameters: { media: { colorScheme: 'dark' } },
  globals: { backgrounds: { value: 'dark' } },
  play: async (context) => {
    await expectMediaEmulated('(prefers-color-scheme: dark)');
    await meta.play(context);
  },
};

/** The result screen in the dark theme: headings, checklist, evidence bars, contact panel. */
export const DarkResult: Story = {
  name: 'Dark, result',
  args: { theme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
  play: playToResult('recommended'),
};
