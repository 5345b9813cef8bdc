/** The result screen's content: why, reassurance, next steps, evidence, and the saved checklist. */
import { expect } from '@open-wc/testing';
import '../src/define.ts';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  accessibleText,
  answerAll,
  buttonByName,
  chooseOption,
  clickButton,
  type CheckElement,
  fixtureElement,
  focusedInShadow,
  focusedName,
  headingText,
  LEVEL_HEADING,
  listAfterHeading,
  press,
  settle,
  shadow,
  tabTo,
  textOf,
} from './helpers.ts';
import type { Answer, ResultLevel } from '../src/types.ts';

/** The `<details>` whose summary reads `summary`. */
function disclosure(el: CheckElement, summary: string): HTMLDetailsElement {
  const found = $$<HTMLDetailsElement>(el, 'details').filter(
    (details) => accessibleText(details.querySelector('summary')!) === summary,
  );
  expect(found, `disclosures named "${summary}"`).to.have.length(1);
  return found[0]!;
}

const PATHS: Record<ResultLevel, Answer[]> = {
  recommended: ['yes', 'no', 'no', 'no', 'no'],
  consider: ['no', 'no', 'no', 'no', 'yes'],
  optional: ['no', 'no', 'no', 'no', 'no'],
};

const FOLDED = [
  'How to bring it up with your doctor',
  'Questions to ask at your second-opinion visit',
  'What studies found',
  'Contact Riverside Clinic',
];

const CLINIC = { 'clinic-name': 'Riverside Clinic', phone: '(555) 010-4477', email: 'care@riverside.example' };

describe('<second-opinion-check> result content', () => {
  it('says why, one plain sentence per reason (Yes answers)', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['yes', 'yes', 'unsure', 'no', 'yes']);
    await expect(el).to.be.accessible();
    expect(listAfterHeading(el, 'Why we say this')).to.deep.equal([
      'You were told you have a serious, rare or complex illness.',
      'Your doctor suggested surgery that is not an emergency.',
    ]);
  });

  it('says why, one plain sentence per reason (Not sure answers and doubts)', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['no', 'unsure', 'no', 'unsure', 'yes']);
    await expect(el).to.be.accessible();
    expect(headingText(el)).to.equal(LEVEL_HEADING.consider);
    expect(listAfterHeading(el, 'Why we say this')).to.deep.equal([
      'You are not sure if surgery is part of your plan.',
      'You are not sure about a new or trial treatment.',
      'You have questions or doubts about your treatment plan.',
    ]);
  });

  it('reassures about each barrier picked, and only those', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['yes', 'no', 'no', 'no', 'no'], ['offend', 'insurance']);
    await expect(el).to.be.accessible();
    const reassurance = listAfterHeading(el, 'About what is holding you back')!;
    expect(reassurance).to.have.length(2);
    expect(reassurance[0]).to.contain('Doctors are used to second opinions');
    expect(reassurance[1]).to.contain('Many health plans pay for a second opinion');
    expect(reassurance[1]).to.contain('Medicare Part B');
    expect(reassurance.join(' ')).not.to.contain('The steps below show you how to start');
  });

  it('gives no reassurance when nothing holds the patient back, or the step was skipped', async () => {
    const picked = await fixtureElement();
    await answerAll(picked, ['yes', 'no', 'no', 'no', 'no'], ['none']);
    await expect(picked).to.be.accessible();
    expect(listAfterHeading(picked, 'About what is holding you back')).to.equal(undefined);
    const skipped = await fixtureElement();
    await answerAll(skipped, ['yes', 'no', 'no', 'no', 'no']);
    expect(listAfterHeading(skipped, 'About what is holding you back')).to.equal(undefined);
  });

  it('lists the four next steps as a checklist the patient can tick', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['no', 'no', 'no', 'no', 'no']);
    await expect(el).to.be.accessible();
    const steps = $(el, '[part~="steps"]')!;
    const boxes = [...steps.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes).to.have.length(4);
    const texts = boxes.map((box) => accessibleText(box.closest('label')!));
    expect(texts[0]).to.match(/tell your doctor/i);
    expect(texts[1]).to.match(/insurance/i);
    expect(texts[2]).to.match(/specialist/i);
    expect(texts[3]).to.match(/records/i);
    await chooseOption(el, texts[1]);
    expect(boxes.map((box) => box.checked)).to.deep.equal([false, true, false, false]);
    await chooseOption(el, texts[3]);
    await chooseOption(el, texts[1]);
    const after = $$<HTMLInputElement>(el, '[part~="steps"] input[type="checkbox"]');
    expect(after.map((box) => box.checked)).to.deep.equal([false, false, false, true]);
  });

  it('has the doctor script and the questions to bring, including waiting a few weeks', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['yes', 'no', 'no', 'no', 'no']);
    await expect(el).to.be.accessible();
    const text = textOf(el, '[part~="result"]');
    expect(text).to.contain('I want to confirm my diagnosis, understand all my options, and feel sure about my care.');
    const questions = disclosure(el, 'Questions to ask at your second-opinion visit');
    const items = [...questions.querySelectorAll('li')].map(accessibleText);
    expect(items).to.include('Is it safe to wait a few weeks to decide?');
  });

  it('shows the evidence with its figures and years', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['no', 'no', 'no', 'no', 'yes']);
    await expect(el).to.be.accessible();
    const stats = textOf(el, '[part~="stats"]');
    for (const figure of ['286', '21%', '66%', '12%', '149', '77', '52%', '2017', '2006', '2009', '2010']) {
      expect(stats, figure).to.match(new RegExp(`(^|[^\\d])${figure}`));
    }
    expect(stats).to.contain('Journal of Evaluation in Clinical Practice');
    expect(stats).to.match(/Cancer, November 2006/);
    expect(stats).to.match(/Content last reviewed: \w+ \d{4}/);
  });

  it('draws each study as a picture with role img and an accessible name', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['no', 'no', 'no', 'no', 'no']);
    await expect(el).to.be.accessible();
    const pictures = $$(el, '[part~="stats"] [role="img"]');
    expect(pictures.length).to.be.at.least(2);
    const names = pictures.map(accessibleText);
    for (const name of names) expect(name).not.to.equal('');
    expect(names[0]).to.contain('21%').and.contain('66%').and.contain('12%');
    expect(names[1]).to.contain('52%');
  });

  it('saves the checklist as a text file on click', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['yes', 'no', 'no', 'no', 'no']);
    await chooseOption(el, 'Tell your doctor you want a second opinion.');
    await expect(el).to.be.accessible();
    const original = HTMLAnchorElement.prototype.click;
    const downloads: { href: string; download: string; text: Promise<string> }[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      // Read the blob before the widget revokes its URL; a blob: fetch never leaves the page.
      downloads.push({ href: this.href, download: this.download, text: fetch(this.href).then((r) => r.text()) });
    };
    try {
      buttonByName(el, 'Save as a text file').click();
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(downloads).to.have.length(1);
    const [file] = downloads;
    expect(file.href).to.match(/^blob:/);
    expect(file.download).to.match(/\.txt$/);
    const text = await file.text;
    expect(text).to.contain(LEVEL_HEADING.recommended);
    expect(text).to.contain('[x] Tell your doctor you want a second opinion.');
    expect(text).to.contain('[ ] Ask your insurance company what your plan covers.');
    expect(text).to.contain('Is it safe to wait a few weeks to decide?');
    expect(text).to.contain('In an emergency, call 911.');
  });
});

describe('<second-opinion-check> result as a decision screen', () => {
  for (const level of ['recommended', 'consider', 'optional'] as const) {
    it(`${level}: opens with the outcome panel — heading, one plain line, and the actions that matter now`, async () => {
      const el = await fixtureElement({ ...CLINIC, 'contact-form': true });
      await answerAll(el, PATHS[level]);
      await expect(el).to.be.accessible();
      const result = $(el, '[part~="result"]')!;
      const outcome = $(el, '[part~="outcome"]')!;
      expect(outcome, 'the outcome panel').not.to.equal(null);
      expect(result.firstElementChild, 'the outcome panel comes first').to.equal(outcome);
      expect(outcome.contains($(el, '#heading')), 'the level heading is in it').to.equal(true);
      expect(headingText(el)).to.equal(LEVEL_HEADING[level]);
      expect(outcome.querySelectorAll('p')).to.have.length(1);
      const actions = [...outcome.querySelectorAll('button, a')].map(accessibleText);
      expect(actions).to.deep.equal(['Ask the clinic to call you back', 'Print', 'Save as a text file']);
      // The level's heading is the largest text on the screen.
      const size = (node: Element) => parseFloat(getComputedStyle(node).fontSize);
      const headingSize = size($(el, '#heading')!);
      for (const other of $$(el, 'h3, summary, p, li, button')) expect(size(other)).to.be.below(headingSize);
      // Its own look: a level class and an icon of its own (hidden from assistive technology).
      expect(outcome.classList.contains(`outcome-${level}`)).to.equal(true);
      expect(outcome.querySelector('svg.outcome-icon')?.getAttribute('aria-hidden')).to.equal('true');
    });
  }

  it('without a form the outcome panel offers the phone, else the email', async () => {
    const phone = await fixtureElement(CLINIC);
    await answerAll(phone, PATHS.recommended);
    await expect(phone).to.be.accessible();
    const call = $<HTMLAnchorElement>(phone, '[part~="outcome"] a')!;
    expect(call.getAttribute('href')).to.equal('tel:5550104477');
    expect(accessibleText(call)).to.equal('Call (555) 010-4477');
    expect(call.getAttribute('part')).to.contain('button-primary');

    const email = await fixtureElement({ email: 'care@riverside.example' });
    await answerAll(email, PATHS.consider);
    await expect(email).to.be.accessible();
    const write = $<HTMLAnchorElement>(email, '[part~="outcome"] a')!;
    expect(write.getAttribute('href')).to.equal('mailto:care@riverside.example');
    expect(accessibleText(write)).to.equal('Email the clinic');

    const none = await fixtureElement();
    await answerAll(none, PATHS.optional);
    await expect(none).to.be.accessible();
    expect([...$(none, '[part~="outcome"]')!.querySelectorAll('button, a')].map(accessibleText)).to.deep.equal([
      'Print',
      'Save as a text file',
    ]);
  });

  it('follows with why, the checklist, what holds them back, then the folded reference material', async () => {
    const el = await fixtureElement({ ...CLINIC, 'contact-form': true });
    await answerAll(el, ['yes', 'no', 'no', 'no', 'no'], ['offend']);
    await expect(el).to.be.accessible();
    const order = [
      $(el, '[part~="outcome"]')!,
      $$(el, 'h3').find((h) => accessibleText(h) === 'Why we say this')!,
      $(el, '[part~="steps"]')!,
      $$(el, 'h3').find((h) => accessibleText(h) === 'About what is holding you back')!,
      ...FOLDED.map((name) => disclosure(el, name)),
      $(el, '[part~="disclaimer"]')!,
      buttonByName(el, 'Start again'),
    ];
    for (const [index, node] of order.entries()) {
      expect(node, `item ${index}`).to.be.instanceOf(Element);
      if (index > 0) {
        const before = order[index - 1]!.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING;
        expect(before, `item ${index} follows item ${index - 1}`).to.be.above(0);
      }
    }
    for (const name of FOLDED) expect(disclosure(el, name).open, `${name} starts folded`).to.equal(false);
    expect(disclosure(el, 'What studies found').contains($(el, '[part~="stats"]'))).to.equal(true);
    expect(disclosure(el, 'Contact Riverside Clinic').contains($(el, '[part~="contact"]'))).to.equal(true);
    for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('Start again is a quiet secondary action after the disclaimer, and the only one', async () => {
    const el = await fixtureElement({ ...CLINIC, 'contact-form': true });
    await answerAll(el, PATHS.recommended);
    const restart = buttonByName(el, 'Start again');
    expect(restart.getAttribute('part')!.split(' ')).to.deep.equal(['button']);
    expect(restart.classList.contains('primary')).to.equal(false);
    // The one primary action outside the call-back form (whose Send is its own screen's main button).
    const primaries = $$(el, '[part~="result"] [part~="button-primary"]').filter((b) => !b.closest('form'));
    expect(primaries.map(accessibleText)).to.deep.equal(['Ask the clinic to call you back']);
    const disclaimer = $(el, '[part~="disclaimer"]')!;
    expect(disclaimer.compareDocumentPosition(restart) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.above(0);
    expect($$(el, '[part~="disclaimer"]')).to.have.length(1);
  });

  it('optional: the checklist is headed for if they decide to get one', async () => {
    const el = await fixtureElement();
    await answerAll(el, PATHS.optional);
    await expect(el).to.be.accessible();
    expect(accessibleText($(el, '#steps-heading')!)).to.equal('If you decide to get a second opinion');
    const other = await fixtureElement();
    await answerAll(other, PATHS.consider);
    expect(accessibleText($(other, '#steps-heading')!)).to.equal('Your next steps');
  });

  it('"Ask the clinic to call you back" unfolds the contact details and puts the patient in the form', async () => {
    const el = await fixtureElement({ ...CLINIC, 'contact-form': true });
    await answerAll(el, PATHS.recommended);
    const contact = disclosure(el, 'Contact Riverside Clinic');
    expect(contact.open).to.equal(false);
    await clickButton(el, 'Ask the clinic to call you back');
    expect(contact.open).to.equal(true);
    expect(focusedInShadow(el)?.id).to.equal('contact-name');
    await expect(el).to.be.accessible();
  });

  it('the disclosures open and close from the keyboard (Tab to each summary, Enter and Space)', async () => {
    const el = await fixtureElement({ ...CLINIC, 'contact-form': true });
    await answerAll(el, PATHS.consider);
    for (const name of FOLDED) {
      await tabTo(el, name, 'Tab', 30);
      expect(focusedInShadow(el)?.localName).to.equal('summary');
      await press(el, 'Enter');
      expect(disclosure(el, name).open, `${name} opens with Enter`).to.equal(true);
      await press(el, ' ');
      expect(disclosure(el, name).open, `${name} closes with Space`).to.equal(false);
      await press(el, 'Enter');
      await expect(el).to.be.accessible();
    }
    await tabTo(el, 'Start again', 'Tab', 80);
    expect(focusedName(el)).to.equal('Start again');
  });

  it('printing unfolds every disclosure, and folds back the ones it opened after', async () => {
    const el = await fixtureElement({ ...CLINIC, 'contact-form': true });
    await answerAll(el, PATHS.recommended);
    const talk = disclosure(el, 'How to bring it up with your doctor');
    talk.open = true;
    window.dispatchEvent(new Event('beforeprint'));
    expect($$<HTMLDetailsElement>(el, 'details').every((details) => details.open)).to.equal(true);
    window.dispatchEvent(new Event('afterprint'));
    expect($$<HTMLDetailsElement>(el, 'details').map((details) => details.open)).to.deep.equal([
      true,
      false,
      false,
      false,
    ]);
    expect(shadow(el).querySelector('details')).to.equal(talk);
  });

  it('the contact disclosure stays open while the form holds something typed', async () => {
    const el = await fixtureElement({ ...CLINIC, 'contact-form': true });
    await answerAll(el, PATHS.recommended);
    const contact = disclosure(el, 'Contact Riverside Clinic');
    contact.open = true;
    await settle(el);
    const name = $<HTMLInputElement>(el, '#contact-name')!;
    name.focus();
    await sendKeys({ type: 'Ana' });
    await settle(el);
    expect(contact.open).to.equal(true);
    expect(name.value).to.equal('Ana');
  });
});
