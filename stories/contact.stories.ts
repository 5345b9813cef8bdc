import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { getCheck, inside, openContact } from './support/flow.ts';

/** The contact panel, opened from the intro's contact button. Each detail shows only when set. */
const meta = {
  ...baseMeta,
  title: 'Patient path/Contact panel',
  play: async ({ canvasElement }) => {
    await openContact(await getCheck(canvasElement));
  },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

/** Clinic name, phone (`tel:`), email (`mailto:`), contact page, address and hours. */
export const AllDetails: Story = {
  name: 'All details',
  args: { ...baseMeta.args, ...sampleClinic },
  play: async (context) => {
    await meta.play(context);
    const links = inside(await getCheck(context.canvasElement)).getAllByRole('link');
    await expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'tel:5550104477',
      'mailto:second.opinion@riverside.example.org',
      'https://riverside.example.org/contact',
    ]);
  },
};

/** Nothing configured: generic heading, and the patient is told whom to ask. */
export const NoDetails: Story = {
  name: 'No details',
  play: async (context) => {
    await meta.play(context);
    await expect(inside(await getCheck(context.canvasElement)).queryAllByRole('link')).toHaveLength(0);
  },
};

/** Only a phone number: the other lines are left out. */
export const PhoneOnly: Story = {
  name: 'Phone only',
  args: { 'clinic-name': sampleClinic['clinic-name'], phone: sampleClinic.phone },
};
