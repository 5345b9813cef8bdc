import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { getCheck } from './support/flow.ts';
import { QUESTION_IDS } from '../src/types.ts';

/**
 * `<second-opinion-check>` gives a patient who has just had a serious diagnosis a short,
 * honest "Should I get a second opinion?" self-check, the evidence, next steps and a way to
 * contact the clinic.
 *
 * Drop it into any page:
 *
 * ```html
 * <script type="module" src="second-opinion-check.js"></script>
 * <second-opinion-check clinic-name="Riverside Cancer Care" phone="(555) 010-4477"></second-opinion-check>
 * ```
 *
 * The tables below are generated from the element's code: every attribute, property, event,
 * CSS part and `--soc-*` custom property. The other stories in the sidebar show each screen
 * of the patient's path, the themes, partner brands and every language.
 */
const meta = {
  ...baseMeta,
  title: 'Second opinion check',
  tags: ['autodocs'],
  args: { ...baseMeta.args, ...sampleClinic },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

/** The first screen, for a clinic that set all its contact details. Try the controls. */
export const Intro: Story = {
  play: async ({ args, argTypes }) => {
    // The `questions` control starts at the default; the read-only `result` has no control.
    await expect(args.questions).toEqual([...QUESTION_IDS]);
    // Docs list the property as `result (property)`, a row name CheckArgs does not know.
    const result = (argTypes as Record<string, { control?: unknown } | undefined>)['result (property)'];
    await expect(result).toBeDefined();
    await expect(result?.control).toMatchObject({ disable: true });
  },
};

/** With no attributes at all: generic wording, and the contact panel tells the patient whom to ask. */
export const WithoutClinicDetails: Story = {
  name: 'Intro without clinic details',
  args: {
    'clinic-name': undefined,
    phone: undefined,
    email: undefined,
    'contact-url': undefined,
    address: undefined,
    hours: undefined,
  },
};

/** A clinic outside North America names its own emergency number in the disclaimer. */
export const EmergencyNumber: Story = {
  name: 'Other emergency number',
  args: { 'emergency-number': '112' },
};

/** The `--soc-*` custom properties have controls too: pick colours in the Controls panel. */
export const CustomColours: Story = {
  name: 'Custom colours',
  args: { '--soc-color-accent': '#7a1f5c', '--soc-color-border': '#7a6a75', '--soc-radius': '0.25rem' },
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await expect(getComputedStyle(check).getPropertyValue('--soc-color-accent').trim()).toBe('#7a1f5c');
  },
};
