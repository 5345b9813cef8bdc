import type { Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { baseMeta, sampleClinic, type CheckArgs } from './support/check.ts';
import {
  click,
  formField,
  getCheck,
  inside,
  openContact,
  playToResult,
  submitContactForm,
  typeInto,
} from './support/flow.ts';
import type { ContactSubmitDetail, ContactSubmitResponse } from '../src/events.ts';

/**
 * The call-back request form in the contact panel. It appears when the clinic set an
 * `endpoint` (the widget POSTs the request there) or `contact-form` (the host page sends it,
 * by answering `soc-contact-submit` with `event.detail.respondWith(promise)`).
 *
 * These stories use the host takeover, so nothing leaves the browser: the decorator plays the
 * part of a patient portal that sends the request itself.
 */
const meta = {
  ...baseMeta,
  title: 'Patient path/Call-back form',
  args: { ...baseMeta.args, ...sampleClinic, 'contact-form': true },
  play: async ({ canvasElement }) => {
    await openContact(await getCheck(canvasElement));
  },
} satisfies Meta<CheckArgs>;

export default meta;
type Story = StoryObj<CheckArgs>;

/** Host code: answers every `soc-contact-submit` with the given promise. */
function hostSends(respond: () => Promise<ContactSubmitResponse | void>): Decorator<CheckArgs> {
  const handle = (event: CustomEvent<ContactSubmitDetail>) => event.detail.respondWith(respond());
  return (story) => html`<div @soc-contact-submit=${handle}>${story()}</div>`;
}

/** The README's endpoint; the stories that use it stand in for the network, so nothing is sent. */
const endpoint = 'https://riverside.example.org/api/callback';

/** Name, a phone number and consent: the least a valid request needs. */
async function fillValidRequest(canvasElement: HTMLElement) {
  const check = await getCheck(canvasElement);
  await typeInto(check, 'contact-name', 'Maria Lopez');
  await typeInto(check, 'contact-phone', '555 010 4477');
  await click(check, formField(check, 'contact-consent'));
  return check;
}

/** The empty form, opened from the intro's contact button. */
export const EmptyForm: Story = { name: 'Empty form' };

/** Shown because an `endpoint` is set; nothing is sent until the patient presses the button. */
export const WithEndpoint: Story = {
  name: 'Empty form (endpoint)',
  args: { 'contact-form': false, endpoint },
};

/** Sent with nothing filled in: the error summary lists each problem and takes focus. */
export const Errors: Story = {
  name: 'Errors',
  decorators: [hostSends(async () => ({}))],
  play: async (context) => {
    await meta.play(context);
    const check = await getCheck(context.canvasElement);
    await submitContactForm(check);
    await waitFor(() => expect(check.shadowRoot?.activeElement?.id).toBe('error-summary'));
    await expect(inside(check).getByRole('alert', { name: /./ })).toBeVisible();
  },
};

/** Waiting for the host: fields are read-only and a second press does nothing. */
export const Sending: Story = {
  decorators: [hostSends(() => new Promise<never>(() => {}))],
  play: async (context) => {
    await meta.play(context);
    const check = await fillValidRequest(context.canvasElement);
    await submitContactForm(check);
    await expect(formField(check, 'contact-name')).toHaveAttribute('readonly');
  },
};

/** The host resolved with a reference, which the patient is shown. */
export const Sent: Story = {
  name: 'Sent, with a reference',
  decorators: [hostSends(async () => ({ reference: 'RMC-2041' }))],
  play: async (context) => {
    await meta.play(context);
    const check = await fillValidRequest(context.canvasElement);
    await submitContactForm(check);
    await waitFor(() => expect(check.shadowRoot?.activeElement?.id).toBe('form-sent'));
    await expect(check.shadowRoot?.querySelector('[part~="form"]')).toHaveTextContent('RMC-2041');
  },
};

/** The host rejected: everything typed is kept, with Try again and the clinic's phone and email. */
export const Failed: Story = {
  name: 'Failed, try again',
  decorators: [hostSends(() => Promise.reject(new Error('The portal is offline')))],
  play: async (context) => {
    await meta.play(context);
    const check = await fillValidRequest(context.canvasElement);
    await submitContactForm(check);
    await waitFor(() =>
      expect(
        inside(check)
          .getAllByRole('alert')
          .some((alert) => alert.textContent?.trim()),
      ).toBe(true),
    );
    await expect(formField(check, 'contact-name')).toHaveValue('Maria Lopez');
  },
};

/**
 * The clinic's server is busy (503 with `Retry-After: 30`): the form says so and when it will
 * try again, by itself, with the same request. Fields stay read-only meanwhile.
 */
export const Retrying: Story = {
  name: 'Busy, retrying',
  args: { 'contact-form': false, endpoint },
  beforeEach: () => {
    const original = globalThis.fetch;
    globalThis.fetch = async (input, init) =>
      String(input instanceof Request ? input.url : input) === endpoint
        ? new Response(null, { status: 503, headers: { 'Retry-After': '30' } })
        : original(input, init);
    return () => {
      globalThis.fetch = original;
    };
  },
  play: async (context) => {
    await meta.play(context);
    const check = await fillValidRequest(context.canvasElement);
    await submitContactForm(check);
    await waitFor(() =>
      expect(check.shadowRoot?.querySelector('.form-status[role="status"]')).toHaveTextContent(
        /try again in 30 seconds/,
      ),
    );
    await expect(formField(check, 'contact-name')).toHaveAttribute('readonly');
  },
};

/**
 * The browser is offline when the patient presses Send: nothing is tried, and the form says it
 * will send the request when the connection is back.
 */
export const Offline: Story = {
  name: 'Offline, waiting to send',
  args: { 'contact-form': false, endpoint },
  beforeEach: () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    return () => {
      // Back to the browser's own value (the getter on Navigator.prototype).
      delete (navigator as { onLine?: boolean }).onLine;
    };
  },
  play: async (context) => {
    await meta.play(context);
    const check = await fillValidRequest(context.canvasElement);
    await submitContactForm(check);
    await waitFor(() =>
      expect(check.shadowRoot?.querySelector('.form-status[role="status"]')).toHaveTextContent(/You are offline/),
    );
    await expect(formField(check, 'contact-name')).toHaveValue('Maria Lopez');
  },
};

/** On the result screen the patient may also share their answers with the clinic. */
export const OnResult: Story = {
  name: 'On the result, with "share my answers"',
  decorators: [hostSends(async () => ({}))],
  play: async (context) => {
    await playToResult('recommended')(context);
    const check = await getCheck(context.canvasElement);
    await expect(check.shadowRoot?.querySelector('input[name="shareAnswers"]')).toBeInTheDocument();
  },
};
