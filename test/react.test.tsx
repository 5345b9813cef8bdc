/*
 * The React wrapper (`second-opinion-check/react`, src/react.ts) in a React 19 app, as a hospital
 * portal would use it: props go in as element properties, the element's events come out as
 * typed `on…` props, and the portal sends the call-back request itself.
 * React is served to the browser as ES modules by test/server/react-esm.js.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { act, createRef, type RefObject } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { SecondOpinionCheck } from '../src/react.ts';
import type { ContactSubmitDetail, StepEventDetail } from '../src/events.ts';
import type { SecondOpinionCheck as SecondOpinionCheckElement } from '../src/second-opinion-check.ts';
import { $, clickButton, headingText, settle, textOf } from './helpers.ts';

declare global {
  // Tells React that updates in this test are wrapped in act().
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

interface PortalProps {
  clinicName: string;
  theme?: 'light' | 'dark' | 'auto';
  elementRef: RefObject<SecondOpinionCheckElement | null>;
  onStart?: () => void;
  onStep?: (detail: StepEventDetail) => void;
  onSubmit?: (detail: ContactSubmitDetail) => void;
}

/** A portal page: the wrapper with its props, and handlers that read the typed event details. */
function Portal({ clinicName, theme = 'dark', elementRef, onStart, onStep, onSubmit }: PortalProps) {
  return (
    <section aria-label="Second opinion">
      <SecondOpinionCheck
        ref={elementRef}
        clinicName={clinicName}
        phone="(555) 010-4477"
        theme={theme}
        contactForm
        onSocStart={() => onStart?.()}
        // The event types come from SocEventMap: `detail` is a StepEventDetail here, and a
        // ContactSubmitDetail below, with no cast.
        onSocStep={(event) => onStep?.(event.detail)}
        onSocContactSubmit={(event) => onSubmit?.(event.detail)}
      />
    </section>
  );
}

describe('the React wrapper in a React 19 app', () => {
  let container: HTMLDivElement;
  let root: Root;
  const elementRef = createRef<SecondOpinionCheckElement>();
  const element = () => {
    const el = elementRef.current;
    if (!el) throw new Error('the wrapper rendered no element');
    return el;
  };

  before(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  });
  after(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = undefined;
  });

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  async function render(props: Omit<PortalProps, 'elementRef'>) {
    await act(async () => root.render(<Portal elementRef={elementRef} {...props} />));
    await settle(element());
    return element();
  }

  it('renders the element and sets its properties from props', async () => {
    const el = await render({ clinicName: 'Riverside Cancer Care' });
    await expect(el).to.be.accessible();
    expect(el.localName).to.equal('second-opinion-check');
    expect(container.querySelector('second-opinion-check')).to.equal(el);
    expect(el.clinicName).to.equal('Riverside Cancer Care');
    expect(el.phone).to.equal('(555) 010-4477');
    expect(el.theme).to.equal('dark');
    expect(el.getAttribute('theme'), 'theme reflects').to.equal('dark');
    expect(el.contactForm).to.equal(true);
    expect(textOf(el, '[part~="header"]')).to.equal('Riverside Cancer Care');
    expect(headingText(el)).to.equal('Should I get a second opinion?');
  });

  it('calls onSocStart and onSocStep with the typed detail', async () => {
    let starts = 0;
    const steps: StepEventDetail[] = [];
    const el = await render({
      clinicName: 'Riverside Cancer Care',
      onStart: () => starts++,
      onStep: (detail) => steps.push(detail),
    });
    await expect(el).to.be.accessible();
    await clickButton(el, 'Start');
    expect(starts).to.equal(1);
    expect(steps).to.deep.equal([{ step: 'question', index: 0, total: 5 }]);
    await clickButton(el, 'Back');
    expect(steps.at(-1)).to.deep.equal({ step: 'intro', index: 0, total: 5 });
  });

  it('lets the portal send the call-back request with respondWith: the widget shows it sent', async () => {
    const submitted: ContactSubmitDetail[] = [];
    let sentEvents = 0;
    const el = await render({
      clinicName: 'Riverside Cancer Care',
      onSubmit: (detail) => {
        submitted.push(detail);
        detail.respondWith(new Promise((resolve) => setTimeout(() => resolve({ reference: 'PORTAL-1042' }), 20)));
      },
    });
    await expect(el).to.be.accessible();
    el.addEventListener('soc-contact-sent', () => sentEvents++);

    await clickButton(el, 'Contact Riverside Cancer Care');
    const type = (selector: string, value: string) => {
      const field = $<HTMLInputElement>(el, selector)!;
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    type('#contact-name', 'Ana Pérez');
    type('#contact-email', 'ana@example.org');
    $<HTMLInputElement>(el, '#contact-consent')!.click();
    await settle(el);
    await clickButton(el, 'Ask for a call back');

    await waitUntil(() => $(el, '#form-sent'), 'the widget shows the request as sent');
    expect(textOf(el, '[part~="form"]')).to.contain('Your reference is PORTAL-1042.');
    expect(submitted).to.have.length(1);
    expect(submitted[0].request).to.include({ name: 'Ana Pérez', email: 'ana@example.org', consent: true });
    expect(submitted[0].request).to.not.have.property('phone');
    expect(sentEvents).to.equal(1);
  });

  it('updates the same element when a prop changes on re-render, and re-binds handlers', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const el = await render({ clinicName: 'Riverside Cancer Care', theme: 'dark', onStep: (d) => first.push(d.step) });
    await expect(el).to.be.accessible();

    const again = await render({ clinicName: 'Lakeside Oncology', theme: 'light', onStep: (d) => second.push(d.step) });
    expect(again, 'not re-mounted').to.equal(el);
    expect(el.clinicName).to.equal('Lakeside Oncology');
    expect(el.theme).to.equal('light');
    expect(textOf(el, '[part~="header"]')).to.equal('Lakeside Oncology');
    await clickButton(el, 'Start');
    expect(first, 'the old handler is gone').to.deep.equal([]);
    expect(second).to.deep.equal(['question']);
  });

  it('removes the element on unmount', async () => {
    const el = await render({ clinicName: 'Riverside Cancer Care' });
    await expect(el).to.be.accessible();
    await act(async () => root.render(<p>Nothing here</p>));
    expect(el.isConnected).to.equal(false);
    expect(container.querySelector('second-opinion-check')).to.equal(null);
  });
});
