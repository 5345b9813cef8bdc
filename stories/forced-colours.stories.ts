import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { choose, expectMediaEmulated, getCheck, playToResult, start } from './support/flow.ts';

/**
 * Windows High Contrast and other forced-colours modes replace every colour with the user's
 * system colours; the widget keeps its borders, focus ring and chosen states visible.
 *
 * A web page cannot turn forced colours on, so in Storybook switch them on yourself: Chrome
 * DevTools → ⋮ → More tools → Rendering → "Emulate CSS media feature forced-colors" → active
 * (or use Windows' contrast themes). The story checks (`npm run test:stories`) emulate
 * `forced-colors: active` for these stories, so they are tested in that mode.
 */
const meta = {
  ...baseMeta,
  title: 'Look/Forced colours',
  args: { ...baseMeta.args, ...sampleClinic },
  parameters: { media: { forcedColors: 'active' } },
  decorators: [forcedColoursNote()],
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

/** A reminder above the canvas when the browser is not in forced-colours mode. */
function forcedColoursNote(): Decorator<CheckArgs> {
  return (story) =>
    matchMedia('(forced-colors: active)').matches
      ? story()
      : html`<p style="margin-block-start: 0; font: 0.875rem/1.4 system-ui, sans-serif">
            Forced colours are off in this browser. Turn them on in Chrome DevTools → Rendering → “Emulate CSS media
            feature forced-colors”.
          </p>
          ${story()}`;
}

/** A question with an answer chosen: the chosen option must stay distinguishable. */
export const Question: Story = {
  play: async ({ canvasElement }) => {
    await expectMediaEmulated('(forced-colors: active)');
    const check = await getCheck(canvasElement);
    await start(check);
    await choose(check, 'yes');
  },
};

/** The result: checklist boxes, evidence bars (with their legend) and links. */
export const Result: Story = {
  play: async (context) => {
    await expectMediaEmulated('(forced-colors: active)');
    await playToResult('recommended')(context);
  },
};
