import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.ts';
import type { Answer } from '../src/types.ts';
import {
  $,
  $$,
  BARRIER_LABEL,
  expectSameNode,
  focusedInShadow as focused,
  focusedName,
  headingText,
  LEVEL_HEADING,
  press,
  QUESTION_HEADING,
  settle,
  tabTo,
  type CheckElement,
} from './helpers.ts';

/** A host page with a focusable control before the widget, as a real page would have. */
async function pageWithWidget(): Promise<{ before: HTMLButtonElement; el: CheckElement }> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div>
      <button type="button" id="before">Before the widget</button>
      <second-opinion-check></second-opinion-check>
    </div>
  `);
  const el = wrapper.querySelector('second-opinion-check') as CheckElement;
  await settle(el);
  return { before: wrapper.querySelector<HTMLButtonElement>('#before')!, el };
}

/**
 * Answers the current question with the keyboard only: Tab into the radio group (focus lands
 * on Yes), arrow keys to move the choice, Space to choose Yes, then Tab to Continue and Enter.
 */
async function answerByKeyboard(el: CheckElement, answer: Answer): Promise<void> {
  await press(el, 'Tab');
  expect(focusedName(el), 'Tab from the heading enters the radio group').to.equal('Yes');
  if (answer === 'yes') await press(el, ' ');
  if (answer === 'no') await press(el, 'ArrowDown');
  if (answer === 'unsure') {
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
  }
  const checked = $$<HTMLInputElement>(el, 'input[type="radio"]').find((radio) => radio.checked);
  expect(checked?.value).to.equal(answer);
  await tabTo(el, 'Continue');
  await press(el, 'Enter');
}

describe('<second-opinion-check> by keyboard alone', () => {
  it('goes from the page into Start, through all questions, barriers and result, to Start again', async () => {
    const { before, el } = await pageWithWidget();
    before.focus();
    await press(el, 'Tab');
    expectSameNode(document.activeElement, el, 'focus on the page');
    expect(focusedName(el)).to.equal('Start');

    await press(el, 'Enter');
    const answers: Answer[] = ['no', 'no', 'unsure', 'no', 'yes'];
    for (const [index, answer] of answers.entries()) {
      expect(headingText(el)).to.equal(Object.values(QUESTION_HEADING)[index]);
      expectSameNode(focused(el), $(el, '#heading'), 'focus is on the question heading');
      await answerByKeyboard(el, answer);
    }

    expect(headingText(el)).to.equal('Is anything holding you back?');
    await tabTo(el, BARRIER_LABEL.offend);
    await press(el, ' ');
    const offend = focused(el) as HTMLInputElement;
    expect(offend.type).to.equal('checkbox');
    expect(offend.checked).to.equal(true);
    await tabTo(el, 'See my result');
    await press(el, 'Enter');

    // No Yes to a strong question; Not sure on "unclear" and Yes on "doubts": consider.
    expect(headingText(el)).to.equal(LEVEL_HEADING.consider);
    expectSameNode(focused(el), $(el, '#heading'), 'focus');
    expect(el.result).to.deep.include({ level: 'consider', reasons: ['unclear', 'doubts'], barriers: ['offend'] });
    expect(el.result!.answers).to.deep.equal({
      serious: 'no',
      surgery: 'no',
      unclear: 'unsure',
      experimental: 'no',
      doubts: 'yes',
    });

    const firstStep = 'Tell your doctor you want a second opinion.';
    await tabTo(el, firstStep);
    await press(el, ' ');
    expect((focused(el) as HTMLInputElement).checked, 'ticked with Space').to.equal(true);

    await tabTo(el, 'Start again', 'Tab', 25);
    await press(el, 'Enter');
    expect(headingText(el)).to.equal('Should I get a second opinion?');
    expect(el.result).to.equal(null);
  });

  it('reaches "recommended" with Yes on a strong question', async () => {
    const { before, el } = await pageWithWidget();
    before.focus();
    await press(el, 'Tab');
    await press(el, 'Enter');
    for (const answer of ['no', 'yes', 'no', 'no', 'no'] as Answer[]) await answerByKeyboard(el, answer);
    await tabTo(el, 'Skip this step');
    await press(el, 'Enter');
    expect(headingText(el)).to.equal(LEVEL_HEADING.recommended);
    expect(el.result).to.deep.include({ level: 'recommended', reasons: ['surgery'], barriers: [] });
  });

  it('goes Back with Shift+Tab and Enter, keeping the answer given', async () => {
    const { before, el } = await pageWithWidget();
    before.focus();
    await press(el, 'Tab');
    await press(el, 'Enter');
    await answerByKeyboard(el, 'unsure');
    expect(headingText(el)).to.equal(QUESTION_HEADING.surgery);

    // Back sits before the heading, so Shift+Tab from the focused heading reaches it.
    await tabTo(el, 'Back', 'Shift+Tab', 3);
    await press(el, 'Enter');
    expect(headingText(el)).to.equal(QUESTION_HEADING.serious);
    expectSameNode(focused(el), $(el, '#heading'), 'focus');
    const checked = $$<HTMLInputElement>(el, 'input[type="radio"]').find((radio) => radio.checked);
    expect(checked?.value).to.equal('unsure');

    // Tab into a group with a choice lands on the chosen radio.
    await press(el, 'Tab');
    expect(focusedName(el)).to.equal('Not sure');
    await press(el, 'ArrowUp');
    expect(focusedName(el)).to.equal('No');
    await tabTo(el, 'Continue');
    await press(el, 'Enter');
    await tabTo(el, 'Back', 'Shift+Tab', 3);
    await press(el, 'Enter');
    expect(headingText(el)).to.equal(QUESTION_HEADING.serious);
    await tabTo(el, 'Back', 'Shift+Tab', 3);
    await press(el, 'Enter');
    expect(headingText(el)).to.equal('Should I get a second opinion?');
  });

  it('opens the contact screen from the intro and comes back', async () => {
    const { before, el } = await pageWithWidget();
    before.focus();
    await press(el, 'Tab');
    await tabTo(el, 'Contact the clinic');
    await press(el, 'Enter');
    expect(headingText(el)).to.equal('Contact the clinic');
    await tabTo(el, 'Back', 'Shift+Tab', 3);
    await press(el, ' ');
    expect(headingText(el)).to.equal('Should I get a second opinion?');
  });
});
