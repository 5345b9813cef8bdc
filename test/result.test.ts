/** The result screen's content: why, reassurance, next steps, evidence, and the saved checklist. */
import { expect } from '@open-wc/testing';
import '../src/define.ts';
import {
  $,
  $$,
  accessibleText,
  answerAll,
  buttonByName,
  chooseOption,
  fixtureElement,
  headingText,
  LEVEL_HEADING,
  listAfterHeading,
  textOf,
} from './helpers.ts';

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

  it('answers the practical worry about time, and says the short-wait note once', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['yes', 'no', 'no', 'no', 'no'], ['time']);
    const reassurance = listAfterHeading(el, 'About what is holding you back')!;
    expect(reassurance).to.deep.equal([
      'A second opinion can often be done by reviewing your records, sometimes without travel. Ask the clinic how it works.',
    ]);
    const text = textOf(el, '[part~="result"]');
    expect(text.match(/a short wait to get a second opinion/g), 'the wait note once').to.have.length(1);
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
    const questions = listAfterHeading(el, 'Questions to ask at your second-opinion visit')!;
    expect(questions).to.include('Is it safe to wait a few weeks to decide?');
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
    expect(stats).to.contain('Source (2006): Newman and others. The journal Cancer.');
    // Each source shows its year once.
    expect(stats.match(/2017/g), '2017 once').to.have.length(1);
    expect(stats.match(/2006/g), '2006 once').to.have.length(1);
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
    const file = await saveChecklist(el);
    expect(file.href).to.match(/^blob:/);
    expect(file.download).to.match(/\.txt$/);
    const text = await file.text;
    expect(text).to.contain(LEVEL_HEADING.recommended);
    expect(text).to.contain('Your next steps\n[x] Tell your doctor you want a second opinion.');
    expect(text).to.contain('[ ] Ask your insurance company what your plan covers.');
    expect(text).to.contain('Is it safe to wait a few weeks to decide?');
    expect(text).to.contain('In an emergency, call 911.');
  });

  it('for optional, heads the checklist as what to do if they decide to get one, on screen and in the file', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['no', 'no', 'no', 'no', 'no']);
    expect(headingText(el)).to.equal(LEVEL_HEADING.optional);
    await expect(el).to.be.accessible();
    const steps = $(el, '[part~="steps"]')!;
    expect(accessibleText(steps.querySelector('h3')!)).to.equal('If you decide to get a second opinion');
    expect(steps.getAttribute('aria-labelledby')).to.equal(steps.querySelector('h3')!.id);
    const text = await (await saveChecklist(el)).text;
    expect(text).to.contain('If you decide to get a second opinion\n[ ] Tell your doctor you want a second opinion.');
    expect(text).not.to.contain('Your next steps');
  });

  it('heads the checklist "Your next steps" for recommended and consider', async () => {
    for (const answers of [
      ['yes', 'no', 'no', 'no', 'no'],
      ['no', 'unsure', 'no', 'no', 'no'],
    ] as const) {
      const el = await fixtureElement();
      await answerAll(el, answers);
      expect(accessibleText($(el, '[part~="steps"] h3')!)).to.equal('Your next steps');
    }
  });

  it('Start again is a quiet secondary button, not part button-primary', async () => {
    const el = await fixtureElement();
    await answerAll(el, ['yes', 'no', 'no', 'no', 'no']);
    await expect(el).to.be.accessible();
    const restart = buttonByName(el, 'Start again');
    expect(restart.getAttribute('part')).to.equal('button');
    expect(restart.classList.contains('primary')).to.equal(false);
    const style = getComputedStyle(restart);
    const print = getComputedStyle(buttonByName(el, 'Print'));
    expect(style.backgroundColor, 'not filled with the accent colour').to.equal(print.backgroundColor);
    expect(style.borderColor, 'quieter than Print: no border').to.equal('rgba(0, 0, 0, 0)');
    expect(
      $$(el, '[part~="result"] [part~="button-primary"]'),
      'no primary button without a call-back form',
    ).to.have.length(0);
  });

  it('with a call-back form, the result has exactly one primary button: the form’s, not Start again', async () => {
    const el = await fixtureElement({
      'clinic-name': 'Riverside Clinic',
      phone: '(555) 010-4477',
      'contact-form': true,
    });
    await answerAll(el, ['yes', 'no', 'no', 'no', 'no']);
    await expect(el).to.be.accessible();
    const primaries = $$(el, '[part~="result"] [part~="button-primary"]');
    expect(primaries).to.have.length(1);
    expect(accessibleText(primaries[0])).to.equal('Ask for a call back');
  });
});

/** Presses Save as a text file and returns the download the widget started. */
async function saveChecklist(el: Element) {
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
  return downloads[0];
}
