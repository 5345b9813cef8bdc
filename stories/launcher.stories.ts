import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import { click, getCheck, start } from './support/flow.ts';
import type { SecondOpinionCheck } from '../src/define.ts';

/**
 * `variant="launcher"`: a button fixed to the page's bottom inline-end corner (bottom-left on a
 * right-to-left page, whatever the widget's language; compact below about 480 px) that opens
 * the check in a modal dialog. `open` reflects the dialog's state; Escape
 * and the close button close it and focus returns to the button. The offsets are
 * `--soc-launcher-inset-block-end` and `--soc-launcher-inset-inline-end`, so a host can keep it
 * off its own fixed elements.
 */
const meta = {
  ...baseMeta,
  title: 'Variants/Launcher',
  args: { ...baseMeta.args, ...sampleClinic, variant: 'launcher' },
  parameters: { layout: 'fullscreen' },
  decorators: [hostPage()],
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

/** A stand-in for the clinic's own page, so the floating button has something to float over. */
function hostPage(): Decorator<CheckArgs> {
  return (story) => html`
    <main style="padding: 1.5rem; min-block-size: 100vh; box-sizing: border-box; font-family: system-ui, sans-serif">
      <h1>Riverside Cancer Care</h1>
      <p>Our team works with you and your family from diagnosis through treatment and beyond.</p>
      ${story()}
    </main>
  `;
}

const launcherButton = (check: SecondOpinionCheck) =>
  check.shadowRoot!.querySelector<HTMLButtonElement>('[part~="launcher"]')!;
const dialog = (check: SecondOpinionCheck) => check.shadowRoot!.querySelector('dialog')!;

/** Closed: only the floating button. */
export const Closed: Story = {};

/** Opened by the host with the `open` attribute. */
export const Open: Story = {
  args: { open: true },
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await waitFor(() => expect(dialog(check).open).toBe(true));
  },
};

/** The patient opens it and starts the check inside the dialog. */
export const OpenedByPatient: Story = {
  name: 'Opened by the patient',
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await click(check, launcherButton(check));
    await waitFor(() => expect(dialog(check).open).toBe(true));
    await expect(check.open).toBe(true);
    await start(check);
  },
};

/**
 * The close button shuts the dialog and focus goes back to the launcher button. (Escape does
 * the same; it is the browser's own modal-dialog behaviour, which scripted key presses here
 * cannot trigger, so try it by hand.)
 */
export const ClosedAgain: Story = {
  name: 'Closed again',
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await click(check, launcherButton(check));
    await waitFor(() => expect(dialog(check).open).toBe(true));
    await click(check, check.shadowRoot!.querySelector<HTMLButtonElement>('dialog .close')!);
    await waitFor(() => expect(check.open).toBe(false));
    await expect(dialog(check).open).toBe(false);
    await waitFor(() => expect(check.shadowRoot?.activeElement).toBe(launcherButton(check)));
  },
};

/**
 * An Arabic widget on a left-to-right page: the button keeps the page's corner, bottom-right
 * (on a right-to-left page, `dir="rtl"` on `<html>` or `<body>`, it sits bottom-left).
 */
export const Arabic: Story = {
  name: 'Arabic on a left-to-right page, bottom-right',
  args: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    await waitFor(() => expect(launcherButton(check).closest('[dir]')?.getAttribute('dir')).toBe('rtl'));
    const box = launcherButton(check).getBoundingClientRect();
    await expect(box.left).toBeGreaterThan(window.innerWidth / 2);
  },
};

/** A phone, 320 px wide: the closed launcher is compact, its icon and "Second opinion?". */
export const Compact: Story = {
  name: 'Compact on a phone (320 px)',
  globals: { viewport: { value: 'narrow320', isRotated: false } },
  play: async ({ canvasElement }) => {
    const check = await getCheck(canvasElement);
    const short = launcherButton(check).querySelector('.launcher-short')!;
    await expect(short.textContent).toBe('Second opinion?');
    // Below about 480 px the short label is the one shown (the test runner's window may be wider).
    if (window.innerWidth <= 480) await expect(getComputedStyle(short).display).not.toBe('none');
  },
};

/** The host moves the button up, clear of its own cookie bar, with the offset custom properties. */
export const CustomOffsets: Story = {
  name: 'Moved with custom properties',
  decorators: [
    (story) => {
      const style = document.createElement('style');
      style.textContent = `
        .launcher-offsets second-opinion-check {
          --soc-launcher-inset-block-end: 6rem;
          --soc-launcher-inset-inline-end: 2.5rem;
        }`;
      return html`${style}
        <div class="launcher-offsets">${story()}</div>`;
    },
  ],
};
