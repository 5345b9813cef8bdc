/**
 * `second-opinion-check/react`: the element as a React component, made with @lit/react.
 * Properties go in as props; the element's events come out as typed `on…` props.
 *
 * ```tsx
 * import { SecondOpinionCheck } from 'second-opinion-check/react';
 * <SecondOpinionCheck clinicName="Riverside" onSocResult={() => track('result')} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { SecondOpinionCheck as SecondOpinionCheckElement } from './define.ts';
import type { SocEventMap } from './events.ts';

const event = <K extends keyof SocEventMap>(name: K) => name as EventName<SocEventMap[K]>;

export const SecondOpinionCheck = createComponent({
  tagName: 'second-opinion-check',
  elementClass: SecondOpinionCheckElement,
  react: React,
  events: {
    onSocStart: event('soc-start'),
    onSocStep: event('soc-step'),
    onSocResult: event('soc-result'),
    onSocRestart: event('soc-restart'),
    onSocOpen: event('soc-open'),
    onSocClose: event('soc-close'),
    onSocContactSubmit: event('soc-contact-submit'),
    onSocContactSent: event('soc-contact-sent'),
    onSocContactError: event('soc-contact-error'),
  },
});

export type * from './types.ts';
export type * from './events.ts';
