/**
 * The patient's path, driven the way a person drives it: clicks on the real buttons, radios and
 * checkboxes inside the shadow root. Controls are found by role and by their values or parts,
 * not by their English labels, so the same play functions work in every language of the
 * toolbar's Language switch.
 */
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { SecondOpinionCheck } from '../../src/define.ts';
import type { Answer, BarrierId, ResultLevel } from '../../src/types.ts';
import type {} from '../../.storybook/media.ts';

export async function getCheck(canvasElement: HTMLElement): Promise<SecondOpinionCheck> {
  const element = canvasElement.querySelector('second-opinion-check');
  if (!element) throw new Error('No <second-opinion-check> in the story');
  await element.updateComplete;
  return element;
}

/** Testing Library queries scoped to the element's shadow root. */
export function inside(element: SecondOpinionCheck) {
  return within(element.shadowRoot as unknown as HTMLElement);
}

function part(element: SecondOpinionCheck, selector: string): HTMLElement {
  const found = element.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`Nothing matches ${selector} in the current screen`);
  return found;
}

async function click(element: SecondOpinionCheck, target: HTMLElement) {
  await userEvent.click(target);
  await element.updateComplete;
}

/** The screen's main button: Start, Continue, See my result, Start again. */
export const clickPrimary = (element: SecondOpinionCheck) => click(element, part(element, '[part~="button-primary"]'));

export async function start(element: SecondOpinionCheck) {
  await clickPrimary(element);
  await expectHeadingFocused(element);
}

/** The intro's "Contact the clinic" button. */
export async function openContact(element: SecondOpinionCheck) {
  const buttons = inside(element).getAllByRole('button');
  const contact = buttons.find((button) => !button.matches('[part~="button-primary"]'));
  if (!contact) throw new Error('The intro has no contact button');
  await click(element, contact);
  await expectHeadingFocused(element);
}

export async function choose(element: SecondOpinionCheck, answer: Answer) {
  const radio = inside(element)
    .getAllByRole('radio')
    .find((input) => (input as HTMLInputElement).value === answer);
  if (!radio) throw new Error(`No "${answer}" answer on this screen`);
  await click(element, radio);
  await expect(radio).toBeChecked();
}

/** Answers the questions in order, pressing Continue after each. */
export async function answerQuestions(element: SecondOpinionCheck, answers: readonly Answer[]) {
  for (const answer of answers) {
    await choose(element, answer);
    await clickPrimary(element);
    await expectHeadingFocused(element);
  }
}

export async function pickBarriers(element: SecondOpinionCheck, ids: readonly BarrierId[]) {
  for (const id of ids) {
    const box = inside(element)
      .getAllByRole('checkbox')
      .find((input) => (input as HTMLInputElement).value === id);
    if (!box) throw new Error(`No "${id}" barrier on this screen`);
    await click(element, box);
    await expect(box).toBeChecked();
  }
}

/** Which question is on screen, read from its radios' group name (`answer-<id>`). */
export function currentQuestionId(element: SecondOpinionCheck): string | undefined {
  const radio = element.shadowRoot?.querySelector<HTMLInputElement>('input[type="radio"]');
  return radio?.name.replace(/^answer-/, '');
}

/** Focus moves to each new screen's heading, so screen-reader users hear where they are. */
export async function expectHeadingFocused(element: SecondOpinionCheck) {
  await waitFor(() => expect(element.shadowRoot?.activeElement?.id).toBe('heading'));
}

/**
 * The content root carries the language it is shown in (and its direction) once the
 * translation has loaded; waiting for it also keeps the accessibility check, which runs after
 * the play function, from looking at the screen before the translation arrives.
 */
export async function expectLanguage(element: SecondOpinionCheck, lang: string) {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  await waitFor(() => {
    const base = part(element, '[part="base"]');
    expect(base.lang).toBe(lang);
    expect(base.dir).toBe(dir);
  });
}

/** WCAG 1.4.10 reflow: nothing scrolls sideways. */
export async function expectNoHorizontalScroll(element: SecondOpinionCheck) {
  await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  await expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
}

/** The barriers screen's "Skip this step" button. */
export async function skipBarriers(element: SecondOpinionCheck) {
  await click(element, part(element, '.actions [part="button"]'));
}

/** From the intro to the result: answers, barriers (or Skip when none), then the level is checked. */
export async function reachResult(
  element: SecondOpinionCheck,
  answers: readonly Answer[],
  barriers: readonly BarrierId[],
  level: ResultLevel,
) {
  await start(element);
  await answerQuestions(element, answers);
  if (barriers.length) {
    await pickBarriers(element, barriers);
    await clickPrimary(element);
  } else {
    await skipBarriers(element);
  }
  await expectHeadingFocused(element);
  await expect(element.result?.level).toBe(level);
  await expect(part(element, '[part="result"]')).toHaveAttribute('data-level', level);
}

/** Answer sets that lead to each level, with the barriers shown on the result. */
export const PATHS = {
  recommended: { answers: ['yes', 'yes', 'no', 'no', 'no'], barriers: ['offend', 'insurance'] },
  consider: { answers: ['no', 'no', 'unsure', 'no', 'yes'], barriers: ['time'] },
  optional: { answers: ['no', 'no', 'no', 'no', 'no'], barriers: [] },
} as const satisfies Record<ResultLevel, { answers: readonly Answer[]; barriers: readonly BarrierId[] }>;

/** A play function that walks to the result of the given level. */
export const playToResult =
  (level: ResultLevel) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const check = await getCheck(canvasElement);
    await reachResult(check, PATHS[level].answers, PATHS[level].barriers, level);
  };

/** A field of the call-back form, by its id (labels change with the language). */
export function formField(element: SecondOpinionCheck, id: string): HTMLInputElement {
  return part(element, `#${id}`) as HTMLInputElement;
}

/** Types like a person: focus, keys, leave the field. */
export async function typeInto(element: SecondOpinionCheck, id: string, text: string) {
  await userEvent.type(formField(element, id), text);
  await element.updateComplete;
}

/** The form's own Send button (the screen may have other primary buttons). */
export async function submitContactForm(element: SecondOpinionCheck) {
  await click(element, part(element, '[part~="form"] [part~="button-primary"]'));
}

export { click };

/**
 * Checks that a media feature a story asked for (`parameters.media`) is really on. Only the
 * story checks can switch media features; in Storybook this checks nothing (see
 * .storybook/media.ts).
 */
export async function expectMediaEmulated(query: string) {
  if (globalThis.emulateStoryMedia) await expect(matchMedia(query).matches).toBe(true);
}
