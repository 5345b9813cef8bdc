import { expect, waitUntil } from '@open-wc/testing';
import '../src/define.ts';
import { SecondOpinionCheck } from '../src/second-opinion-check.ts';
import type { Answer, BarrierId, SelfCheckResult } from '../src/types.ts';
import {
  $,
  $$,
  accessibleText,
  answerAll,
  answerQuestions,
  BARRIER_LABEL,
  buttonByName,
  chooseOption,
  clickButton,
  DEFAULT_QUESTIONS,
  expectDisclaimer,
  expectNone,
  expectSameNode,
  fixtureElement,
  focusedInShadow,
  hasButton,
  headingText,
  inputOf,
  isShown,
  LEVEL_HEADING,
  listAfterHeading,
  optionByLabel,
  QUESTION_HEADING,
  settle,
  textOf,
  waitForAnnouncement,
  type CheckElement,
} from './helpers.ts';

function checkedAnswer(el: CheckElement): string | undefined {
  const checked = $$<HTMLInputElement>(el, 'input[type="radio"]').find((radio) => radio.checked);
  return checked ? accessibleText(checked.closest('label')!) : undefined;
}

describe('<second-opinion-check>', () => {
  it('is defined as SecondOpinionCheck', () => {
    expect(customElements.get('second-opinion-check')).to.equal(SecondOpinionCheck);
    expect(document.createElement('second-opinion-check') instanceof SecondOpinionCheck).to.equal(true);
  });

  describe('states', () => {
    it('intro: title, why, estimate, Start and Contact', async () => {
      const el = await fixtureElement();
      await expect(el).to.be.accessible();
      expect(headingText(el)).to.equal('Should I get a second opinion?');
      expect($(el, '#heading')!.localName).to.equal('h2');
      const text = textOf(el);
      expect(text).to.contain('A second opinion is when another doctor looks at your diagnosis and treatment plan.');
      expect(text).to.contain('Many people get one to feel sure about a big decision');
      expect(text).to.contain('5 quick questions, about 1 minute');
      expect(hasButton(el, 'Start')).to.equal(true);
      expect(hasButton(el, 'Contact the clinic')).to.equal(true);
      expect(buttonByName(el, 'Start').getAttribute('part')).to.contain('button-primary');
      expectDisclaimer(el);
    });

    DEFAULT_QUESTIONS.forEach((id, index) => {
      it(`question ${index + 1} (${id}): one question, Yes / No / Not sure, progress and Back`, async () => {
        const el = await fixtureElement();
        await answerQuestions(el, Array<Answer>(index).fill('no'));
        await expect(el).to.be.accessible();
        expect(headingText(el)).to.equal(QUESTION_HEADING[id]);
        expect(textOf(el, '[part~="progress"]')).to.equal(`Question ${index + 1} of 5`);
        // The question is the radio group's name: the heading sits in the fieldset's legend.
        const fieldset = $(el, 'fieldset')!;
        expectSameNode(fieldset.querySelector('legend #heading'), $(el, '#heading'), 'the heading in the legend');
        const radios = $$<HTMLInputElement>(el, 'input[type="radio"]');
        expect(radios.map((radio) => accessibleText(radio.closest('label')!))).to.deep.equal(['Yes', 'No', 'Not sure']);
        expect(new Set(radios.map((radio) => radio.name)).size, 'one radio group').to.equal(1);
        expect(
          radios.every((radio) => !radio.checked),
          'nothing chosen yet',
        ).to.equal(true);
        expect(hasButton(el, 'Back')).to.equal(true);
        expect(hasButton(el, 'Continue')).to.equal(true);
        expectDisclaimer(el);
      });
    });

    it('answer missing: Continue without an answer shows and announces an error, and stays', async () => {
      const el = await fixtureElement();
      await clickButton(el, 'Start');
      await clickButton(el, 'Continue');
      await expect(el).to.be.accessible();
      const message = 'Choose Yes, No or Not sure to go on.';
      expect(headingText(el)).to.equal(QUESTION_HEADING.serious);
      const error = $(el, '[part~="error"]');
      expect(isShown(error)).to.equal(true);
      expect(accessibleText(error!)).to.equal(message);
      const fieldset = $(el, 'fieldset')!;
      expect(fieldset.getAttribute('aria-describedby')).to.equal(error!.id);
      await waitForAnnouncement(el, message);
      expectDisclaimer(el);

      await chooseOption(el, 'Yes');
      expectNone(el, '[part~="error"]');
      expect($(el, 'fieldset')!.hasAttribute('aria-describedby')).to.equal(false);
      await clickButton(el, 'Continue');
      expect(headingText(el)).to.equal(QUESTION_HEADING.surgery);
    });

    it('barriers: optional multi-choice, "Nothing" excludes the others', async () => {
      const el = await fixtureElement();
      await answerQuestions(el, ['no', 'no', 'no', 'no', 'no']);
      await expect(el).to.be.accessible();
      expect(headingText(el)).to.equal('Is anything holding you back?');
      const labels = $$<HTMLLabelElement>(el, 'label').map(accessibleText);
      expect(labels).to.deep.equal(Object.values(BARRIER_LABEL));
      expect($$<HTMLInputElement>(el, 'input').every((input) => input.type === 'checkbox')).to.equal(true);
      expect(hasButton(el, 'See my result')).to.equal(true);
      expect(hasButton(el, 'Skip this step')).to.equal(true);
      expectDisclaimer(el);

      const checked = () =>
        (Object.keys(BARRIER_LABEL) as BarrierId[]).filter(
          (id) => inputOf(optionByLabel(el, BARRIER_LABEL[id])).checked,
        );
      await chooseOption(el, BARRIER_LABEL.offend);
      await chooseOption(el, BARRIER_LABEL.time);
      expect(checked()).to.deep.equal(['offend', 'time']);
      await chooseOption(el, BARRIER_LABEL.none);
      expect(checked()).to.deep.equal(['none']);
      await chooseOption(el, BARRIER_LABEL.insurance);
      expect(checked()).to.deep.equal(['insurance']);
      await chooseOption(el, BARRIER_LABEL.insurance);
      expect(checked()).to.deep.equal([]);
    });

    const levels: { level: SelfCheckResult['level']; answers: Answer[] }[] = [
      { level: 'recommended', answers: ['no', 'no', 'no', 'yes', 'no'] },
      { level: 'consider', answers: ['no', 'no', 'no', 'no', 'yes'] },
      { level: 'optional', answers: ['no', 'no', 'no', 'no', 'no'] },
    ];
    for (const { level, answers } of levels) {
      it(`result "${level}"`, async () => {
        const el = await fixtureElement();
        await answerAll(el, answers);
        await expect(el).to.be.accessible();
        expect(headingText(el)).to.equal(LEVEL_HEADING[level]);
        expect($(el, '[part~="result"]')).not.to.equal(null);
        expect(el.result?.level).to.equal(level);
        expect(hasButton(el, 'Start again')).to.equal(true);
        expectDisclaimer(el);
      });
    }

    it('result "optional" never says a second opinion is not needed', async () => {
      const el = await fixtureElement();
      await answerAll(el, ['no', 'no', 'no', 'no', 'no']);
      await expect(el).to.be.accessible();
      const text = textOf(el, '[part~="result"]');
      expect(text).to.contain('You can always ask for a second opinion');
      expect(text).not.to.match(/do not need|don't need|no need/i);
      expect(listAfterHeading(el, 'Why we say this')).to.equal(undefined);
    });

    it('contact screen from the intro, and Back to the intro', async () => {
      const el = await fixtureElement({ phone: '555-0100' });
      await clickButton(el, 'Contact the clinic');
      await expect(el).to.be.accessible();
      expect(headingText(el)).to.equal('Contact the clinic');
      expect($(el, '[part~="contact"]')).not.to.equal(null);
      expectSameNode(focusedInShadow(el), $(el, '#heading'), 'focus');
      expectDisclaimer(el);
      await clickButton(el, 'Back');
      expect(headingText(el)).to.equal('Should I get a second opinion?');
      expectSameNode(focusedInShadow(el), $(el, '#heading'), 'focus');
    });

    it('contact screen without any configured detail points to the doctor’s office', async () => {
      const el = await fixtureElement();
      await clickButton(el, 'Contact the clinic');
      await expect(el).to.be.accessible();
      expect(textOf(el, '[part~="contact"]')).to.contain('Ask your doctor’s office how to get a second opinion.');
      expect($$(el, '[part~="contact"] a')).to.have.length(0);
    });

    it('Start again: back to the intro with nothing remembered', async () => {
      const el = await fixtureElement();
      await answerAll(el, ['yes', 'no', 'no', 'no', 'no'], ['time']);
      await clickButton(el, 'Start again');
      await expect(el).to.be.accessible();
      expect(headingText(el)).to.equal('Should I get a second opinion?');
      expect(el.result).to.equal(null);
      expectDisclaimer(el);
      await clickButton(el, 'Start');
      expect(headingText(el)).to.equal(QUESTION_HEADING.serious);
      expect(checkedAnswer(el)).to.equal(undefined);
    });

    it('Back keeps the answer already given', async () => {
      const el = await fixtureElement();
      await answerQuestions(el, ['unsure']);
      expect(headingText(el)).to.equal(QUESTION_HEADING.surgery);
      await clickButton(el, 'Back');
      await expect(el).to.be.accessible();
      expect(headingText(el)).to.equal(QUESTION_HEADING.serious);
      expect(checkedAnswer(el)).to.equal('Not sure');
      await clickButton(el, 'Back');
      expect(headingText(el)).to.equal('Should I get a second opinion?');
    });
  });

  describe('defaults and attributes', () => {
    it('has generic wording, light theme and inline variant by default', async () => {
      const el = await fixtureElement();
      await expect(el).to.be.accessible();
      expectNone(el, '[part~="header"]');
      expect(el.getAttribute('theme')).to.equal('light');
      expect(el.getAttribute('variant')).to.equal('inline');
      expect(hasButton(el, 'Contact the clinic')).to.equal(true);
      expectDisclaimer(el, '911');
    });

    it('shows clinic-name in the header and the contact headings', async () => {
      const el = await fixtureElement({ 'clinic-name': 'Riverside Clinic' });
      await expect(el).to.be.accessible();
      expect(accessibleText($(el, '[part~="header"]')!)).to.equal('Riverside Clinic');
      await clickButton(el, 'Contact Riverside Clinic');
      expect(headingText(el)).to.equal('Contact Riverside Clinic');
      await clickButton(el, 'Back');
      await answerAll(el, ['no', 'no', 'no', 'no', 'no']);
      const contactHeading = $(el, '[part~="contact"] h3');
      expect(accessibleText(contactHeading!)).to.equal('Contact Riverside Clinic');
    });

    it('puts emergency-number in the disclaimer', async () => {
      const el = await fixtureElement({ 'emergency-number': '112' });
      await expect(el).to.be.accessible();
      expectDisclaimer(el, '112');
      await answerAll(el, ['no', 'no', 'no', 'no', 'no']);
      expectDisclaimer(el, '112');
    });

    const details = {
      phone: { value: '+1 (555) 010-0100', label: 'Phone' },
      email: { value: 'care@example.org', label: 'Email' },
      'contact-url': { value: 'https://clinic.example/contact', label: 'Online' },
      address: { value: '1 Main Street, Springfield', label: 'Address' },
      hours: { value: 'Mon–Fri 8am–5pm', label: 'Hours' },
    } as const;

    for (const [name, { value, label }] of Object.entries(details)) {
      it(`shows ${name} only when it is set`, async () => {
        const el = await fixtureElement({ [name]: value });
        await clickButton(el, 'Contact the clinic');
        await expect(el).to.be.accessible();
        const terms = $$(el, '[part~="contact"] dt').map(accessibleText);
        expect(terms).to.deep.equal([label]);
        const panel = textOf(el, '[part~="contact"]');
        if (name !== 'contact-url') expect(panel).to.contain(value);
      });
    }

    it('links phone, email and contact page when all are set', async () => {
      const attrs = Object.fromEntries(Object.entries(details).map(([name, { value }]) => [name, value]));
      const el = await fixtureElement(attrs);
      await clickButton(el, 'Contact the clinic');
      await expect(el).to.be.accessible();
      const terms = $$(el, '[part~="contact"] dt').map(accessibleText);
      expect(terms).to.deep.equal(['Phone', 'Email', 'Online', 'Address', 'Hours']);
      const links = $$<HTMLAnchorElement>(el, '[part~="contact"] a');
      const hrefs = links.map((link) => link.getAttribute('href'));
      expect(hrefs).to.deep.equal(['tel:+15550100100', 'mailto:care@example.org', 'https://clinic.example/contact']);
      expect(accessibleText(links[0])).to.equal('+1 (555) 010-0100');
      expect(accessibleText(links[1])).to.equal('care@example.org');
      expect(links[2].target).to.equal('_blank');
      expect(links[2].rel).to.contain('noopener');
      expect(accessibleText(links[2])).to.contain('opens in a new tab');
    });

    it('marks part="base" with the resolved lang and dir', async () => {
      const el = await fixtureElement();
      const base = () => $(el, '[part~="base"]')!;
      expect(base().getAttribute('lang')).to.equal('en');
      expect(base().getAttribute('dir')).to.equal('ltr');
      try {
        el.setAttribute('locale', 'ar');
        await waitUntil(() => base().getAttribute('lang') === 'ar', 'switches to Arabic');
        expect(base().getAttribute('dir')).to.equal('rtl');
        await expect(el).to.be.accessible();
        el.setAttribute('locale', 'es-MX');
        await waitUntil(() => base().getAttribute('lang') === 'es', 'es-MX resolves to es');
        expect(base().getAttribute('dir')).to.equal('ltr');
      } finally {
        // One locale per page: put English back for the tests that follow.
        el.setAttribute('locale', 'en');
        await waitUntil(() => base().getAttribute('lang') === 'en', 'back to English');
      }
    });
  });

  describe('questions property', () => {
    it('asks the default five in the default order', async () => {
      const el = await fixtureElement();
      await expect(el).to.be.accessible();
      expect(el.questions).to.deep.equal(DEFAULT_QUESTIONS);
    });

    it('asks a subset in the given order', async () => {
      const el = await fixtureElement();
      el.questions = ['doubts', 'serious'];
      await settle(el);
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.contain('2 quick questions, about 1 minute');
      await clickButton(el, 'Start');
      expect(textOf(el, '[part~="progress"]')).to.equal('Question 1 of 2');
      expect(headingText(el)).to.equal(QUESTION_HEADING.doubts);
      await chooseOption(el, 'Yes');
      await clickButton(el, 'Continue');
      expect(textOf(el, '[part~="progress"]')).to.equal('Question 2 of 2');
      expect(headingText(el)).to.equal(QUESTION_HEADING.serious);
      await chooseOption(el, 'Not sure');
      await clickButton(el, 'Continue');
      expect(headingText(el)).to.equal('Is anything holding you back?');
      await clickButton(el, 'Skip this step');
      expect(el.result).to.deep.equal({
        level: 'consider',
        reasons: ['doubts', 'serious'],
        answers: { doubts: 'yes', serious: 'unsure' },
        barriers: [],
      });
    });

    it('gives a copy: changing the returned list changes nothing', async () => {
      const el = await fixtureElement();
      await expect(el).to.be.accessible();
      el.questions = ['surgery', 'unclear'];
      el.questions.push('doubts');
      expect(el.questions).to.deep.equal(['surgery', 'unclear']);
    });
  });

  describe('result property', () => {
    it('is null before the result, the outcome after, null after Start again', async () => {
      const el = await fixtureElement();
      await expect(el).to.be.accessible();
      expect(el.result).to.equal(null);
      await answerQuestions(el, ['unsure', 'yes', 'no', 'no', 'yes']);
      expect(el.result, 'not yet on the barriers step').to.equal(null);
      await chooseOption(el, BARRIER_LABEL.insurance);
      await chooseOption(el, BARRIER_LABEL.offend);
      await clickButton(el, 'See my result');
      expect(el.result).to.deep.equal({
        level: 'recommended',
        reasons: ['surgery'],
        answers: { serious: 'unsure', surgery: 'yes', unclear: 'no', experimental: 'no', doubts: 'yes' },
        // In the order the step lists them, whatever the order they were picked.
        barriers: ['offend', 'insurance'],
      });
      await clickButton(el, 'Start again');
      expect(el.result).to.equal(null);
    });

    it('is read-only: assigning to it or changing the copy leaves it as it was', async () => {
      const el = await fixtureElement();
      await answerAll(el, ['no', 'no', 'no', 'no', 'yes']);
      await expect(el).to.be.accessible();
      const before = el.result;
      expect(before).not.to.equal(null);
      const fake: SelfCheckResult = { level: 'optional', reasons: [], answers: {}, barriers: [] };
      try {
        (el as unknown as { result: SelfCheckResult }).result = fake;
      } catch (error) {
        // Module code is strict: assigning to a getter-only property throws.
        expect(error).to.be.instanceOf(TypeError);
      }
      expect(el.result).to.deep.equal(before);
      el.result!.level = 'optional';
      el.result!.reasons.push('serious');
      el.result!.answers.doubts = 'no';
      expect(el.result).to.deep.equal(before);
      expect(headingText(el)).to.equal(LEVEL_HEADING.consider);
    });

    it('cannot be set before the check starts either', async () => {
      const el = await fixtureElement();
      await expect(el).to.be.accessible();
      try {
        (el as unknown as { result: unknown }).result = { level: 'recommended' };
      } catch (error) {
        expect(error).to.be.instanceOf(TypeError);
      }
      expect(el.result).to.equal(null);
    });
  });
});
