/**
 * Shared pieces of the stories: the args every story accepts (one per attribute), the render
 * function, controls, and a sample clinic.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ArgTypes, Meta, StoryContext } from '@storybook/web-components-vite';
import { allLocales } from '../../src/generated/locale-codes.ts';
import { QUESTION_IDS, type QuestionId, type Theme, type Variant } from '../../src/types.ts';
import '../../src/define.ts';

/** One arg per attribute, named as the attribute, plus the JS-only `questions` property. */
export interface CheckArgs {
  'clinic-name'?: string;
  phone?: string;
  email?: string;
  'contact-url'?: string;
  address?: string;
  hours?: string;
  endpoint?: string;
  locale?: string;
  theme?: Theme;
  variant?: Variant;
  open?: boolean;
  'contact-form'?: boolean;
  'emergency-number'?: string;
  questions?: QuestionId[];
  /** `--soc-*` custom properties set from the Controls panel, applied to the element. */
  [customProperty: `--${string}`]: string | undefined;
  /** Event handlers (`onSocStart`, …) are filled in from custom-elements.json as actions. */
  [handler: `on${string}`]: unknown;
}

/**
 * A made-up clinic, the same as in the README's examples; 555-01xx numbers and `.example`
 * domains reach no one.
 */
export const sampleClinic = {
  'clinic-name': 'Riverside Cancer Care',
  phone: '(555) 010-4477',
  email: 'second.opinion@riverside.example.org',
  'contact-url': 'https://riverside.example.org/contact',
  address: '1200 River Road\nSpringfield, IL 62701',
  hours: 'Monday to Friday, 8 am to 5 pm',
} satisfies CheckArgs;

/** The arg Storybook derives from an event in custom-elements.json: soc-step → onSocStep. */
const handlerName = (event: string) =>
  `on${event.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase())}`;

function forward(args: CheckArgs, event: Event) {
  const handler = args[handlerName(event.type) as `on${string}`];
  if (typeof handler === 'function') handler((event as CustomEvent).detail ?? null);
}

/**
 * Attributes come from args; the toolbar's Language switch, when set, wins over the story's
 * own `locale`, so any state can be looked at in any language.
 */
export function renderCheck(args: CheckArgs, { globals }: StoryContext<CheckArgs>) {
  const locale = (globals.locale as string | undefined) || args.locale || undefined;
  // Every event of the public API is forwarded to its action (shown in the Actions panel).
  const onEvent = (event: Event) => forward(args, event);
  const customProperties = Object.fromEntries(
    Object.entries(args).filter(([name, value]) => name.startsWith('--') && typeof value === 'string' && value),
  );
  return html`
    <second-opinion-check
      clinic-name=${ifDefined(args['clinic-name'])}
      phone=${ifDefined(args.phone)}
      email=${ifDefined(args.email)}
      contact-url=${ifDefined(args['contact-url'])}
      address=${ifDefined(args.address)}
      hours=${ifDefined(args.hours)}
      endpoint=${ifDefined(args.endpoint)}
      locale=${ifDefined(locale)}
      theme=${ifDefined(args.theme)}
      variant=${ifDefined(args.variant)}
      ?open=${args.open ?? false}
      ?contact-form=${args['contact-form'] ?? false}
      emergency-number=${ifDefined(args['emergency-number'])}
      .questions=${args.questions ?? [...QUESTION_IDS]}
      style=${styleMap(customProperties)}
      @soc-start=${onEvent}
      @soc-step=${onEvent}
      @soc-result=${onEvent}
      @soc-restart=${onEvent}
      @soc-open=${onEvent}
      @soc-close=${onEvent}
      @soc-contact-submit=${onEvent}
      @soc-contact-sent=${onEvent}
      @soc-contact-error=${onEvent}
    ></second-opinion-check>
  `;
}

/**
 * Controls for every attribute. Descriptions, types and defaults come from the code (through
 * custom-elements.json); this only picks the right kind of control.
 */
export const argTypes: ArgTypes = {
  'clinic-name': { control: 'text' },
  phone: { control: 'text' },
  email: { control: 'text' },
  'contact-url': { control: 'text' },
  address: { control: 'text' },
  hours: { control: 'text' },
  endpoint: { control: 'text' },
  locale: { control: 'select', options: [...allLocales] },
  theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  variant: { control: 'inline-radio', options: ['inline', 'launcher'] },
  open: { control: 'boolean' },
  'contact-form': { control: 'boolean' },
  'emergency-number': { control: 'text' },
  questions: { control: 'check', options: [...QUESTION_IDS] },
  // Read-only: what the patient answered, once the result is shown. Docs list it as
  // `result (property)` (custom-elements.ts), so that row gets no control either.
  result: { control: false },
  'result (property)': { control: false },
};

/**
 * The meta every story file starts from. Its args hold the defaults, so that the `questions`
 * control shows all five ids; a file that sets its own args spreads `baseMeta.args` first.
 */
export const baseMeta = {
  component: 'second-opinion-check',
  render: renderCheck,
  argTypes,
  args: { questions: [...QUESTION_IDS] } as CheckArgs,
} satisfies Meta<CheckArgs>;
