import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { click, getCheck, playToResult } from './support/flow.ts';
import type { SecondOpinionCheck } from '../src/define.ts';
import type { ResultLevel } from '../src/types.ts';

/**
 * The result is a decision screen. It opens with the outcome panel (part `outcome`): the
 * level's heading, one plain line, and the actions that matter now — ask the clinic to call
 * back (or call it when there is no form), Print, Save. Each level has its own icon and edge.
 * Then why, the checklist, what holds them back, and the reference material folded in native
 * `<details>` (they open when printed); the disclaimer, then a quiet Start again.
 *
 * The three result levels, reached by answering the questions:
 * - `recommended`: any Yes to serious, surgery, unclear or experimental;
 * - `consider`: otherwise any Not sure, or Yes to doubts;
 * - `optional`: all No ("you can always ask").
 */
const meta = {
  ...baseMeta,
  title: 'Patient path/Results',
  args: { ...sampleClinic },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

const disclosures = (check: SecondOpinionCheck) => [...check.shadowRoot!.querySelectorAll('details')];

/** Walks to the level's result and checks the decision screen: outcome first, reference folded. */
const playToDecision = (level: ResultLevel) => async (context: { canvasElement: HTMLElement }) => {
  await playToResult(level)(context);
  const check = await getCheck(context.canvasElement);
  const result = check.shadowRoot!.querySelector('[part~="result"]')!;
  await expect(result.firstElementChild).toHaveAttribute('part', 'outcome');
  await expect(disclosures(check).length).toBe(4);
  for (const details of disclosures(check)) await expect(details.open).toBe(false);
};

/** Yes to a serious diagnosis and to surgery; worried about upsetting the doctor and about cost. */
export const Recommended: Story = { play: playToDecision('recommended') };

/** Not sure of the exact diagnosis, doubts about the plan; short on time. */
export const Consider: Story = { play: playToDecision('consider') };

/** All No, barriers skipped: never "you do not need one", but "you can always ask"; the checklist is for *if* they decide to get one. */
export const Optional: Story = { play: playToDecision('optional') };

/** With a call-back form (`contact-form` or `endpoint`), the outcome panel's first action asks the clinic to call back. */
export const WithCallBackForm: Story = {
  name: 'Recommended, with the call-back form',
  args: { 'contact-form': true },
  play: playToDecision('recommended'),
};

/** Every disclosure opened: the conversation starter, the questions to bring, the studies, the contact details. */
export const Unfolded: Story = {
  name: 'Recommended, reference material unfolded',
  play: async (context) => {
    await playToDecision('recommended')(context);
    const check = await getCheck(context.canvasElement);
    for (const details of disclosures(check)) await click(check, details.querySelector('summary')!);
    for (const details of disclosures(check)) await expect(details.open).toBe(true);
  },
};
