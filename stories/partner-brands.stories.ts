import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { baseMeta, type CheckArgs } from './support/check.ts';
import { choose, getCheck, start } from './support/flow.ts';

/**
 * How a partner clinic brands the widget from its own stylesheet, with nothing but the
 * `--soc-*` custom properties and `::part()` (see the Docs page for the full list). Each story
 * adds the host page's `<style>` shown in its source, scoped to a wrapper so stories on one
 * page do not affect each other.
 */
const meta = {
  ...baseMeta,
  title: 'Look/Partner brands',
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await start(check);
    await choose(check, 'yes');
  },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

/** A host-page stylesheet for one brand, applied inside `<div class=${scope}>`. */
function hostStyles(scope: string, css: string): Decorator<CheckArgs> {
  const style = document.createElement('style');
  style.textContent = css;
  return (story) =>
    html`${style}
      <div class=${scope}>${story()}</div>`;
}

/** A traditional academic hospital: serif type, square corners, deep green. */
export const SerifSquare: Story = {
  name: 'Serif, square corners',
  args: { 'clinic-name': 'Hollins University Hospital', phone: '+1 (555) 010-0142' },
  decorators: [
    hostStyles(
      'brand-hollins',
      `
      .brand-hollins second-opinion-check {
        --soc-font-family: Georgia, 'Times New Roman', Times, serif;
        --soc-radius: 0;
        --soc-color-accent: #1f4d3a;
        --soc-color-on-accent: #ffffff;
        --soc-color-text: #1a1a1a;
        --soc-color-surface: #fbfaf6;
        --soc-color-border: #5c5c52;
        --soc-max-width: 36rem;
      }
      .brand-hollins second-opinion-check::part(header) {
        border-block-end: 3px double #1f4d3a;
        font-variant: small-caps;
        letter-spacing: 0.06em;
      }
      .brand-hollins second-opinion-check::part(title) {
        font-weight: 400;
      }
      .brand-hollins second-opinion-check::part(button-primary) {
        text-transform: uppercase;
        letter-spacing: 0.08em;
      }
    `,
    ),
  ],
};

/** A community clinic whose brand colour is a dark plum, used on a full-width header band. */
export const DarkBrand: Story = {
  name: 'Dark brand colour',
  args: { 'clinic-name': 'Eastside Community Health', phone: '+1 (555) 010-0177' },
  decorators: [
    hostStyles(
      'brand-eastside',
      `
      .brand-eastside second-opinion-check {
        --soc-font-family: 'Trebuchet MS', 'Segoe UI', system-ui, sans-serif;
        --soc-color-accent: #4a1942;
        --soc-color-on-accent: #ffffff;
        --soc-color-border: #6e5a6b;
        --soc-radius: 1rem;
        --soc-space: 1.125rem;
      }
      .brand-eastside second-opinion-check::part(header) {
        background: #4a1942;
        color: #ffffff;
        padding: 0.75rem 1rem;
        border-radius: 1rem 1rem 0 0;
        font-weight: 700;
      }
      .brand-eastside second-opinion-check::part(progress) {
        color: #4a1942;
      }
      .brand-eastside second-opinion-check::part(button-primary) {
        border-radius: 999px;
      }
    `,
    ),
  ],
};
