import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { playToResult } from './support/flow.ts';

/**
 * The three result levels, reached by answering the questions:
 * - `recommended`: any Yes to serious, surgery, unclear or experimental;
 * - `consider`: otherwise any Not sure, or Yes to doubts;
 * - `optional`: all No ("you can always ask").
 */
const meta = {
  ...baseMeta,
  title: 'Patient path/Results',
  args: { ...baseMeta.args, ...sampleClinic },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

/** Yes to a serious diagnosis and to surgery; worried about upsetting the doctor and about cost. */
export const Recommended: Story = { play: playToResult('recommended') };

/** Not sure of the exact diagnosis, doubts about the plan; short on time. */
export const Consider: Story = { play: playToResult('consider') };

/** All No, barriers skipped: never "you do not need one", but "you can always ask". */
export const Optional: Story = { play: playToResult('optional') };
