/**
 * The floor: the least a hand-written Lit element needs to do the same job as
 * `<second-opinion-check>` on the benchmark's path. An intro with a Start button, the five
 * questions one per screen (Yes / No / Not sure, Continue) and a result with the same scoring
 * rule. No localization, no Back, no progress text, no events, no contact panel, no evidence.
 * Anything the real widget does beyond this is what its extra bytes and time pay for.
 */
import { LitElement, css, html } from 'lit';

type Answer = 'yes' | 'no' | 'unsure';

const QUESTIONS = [
  'Were you told you have a serious, rare or complex illness, such as cancer?',
  'Has your doctor suggested surgery that is not an emergency?',
  'Are you still unsure what your exact diagnosis is?',
  'Are you thinking about an experimental treatment or a clinical trial?',
  'Do you have questions or doubts about your treatment plan, or want to hear all your options?',
];

const OPTIONS: [Answer, string][] = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['unsure', 'Not sure'],
];

const RESULTS = {
  recommended: 'A second opinion is a good idea for you',
  consider: 'You may want to think about a second opinion',
  optional: 'A second opinion is up to you',
};

/** Same rule as the widget: a Yes to any of the first four, else any Not sure or a Yes to the last. */
function level(answers: Answer[]): keyof typeof RESULTS {
  if (answers.slice(0, 4).includes('yes')) return 'recommended';
  if (answers.includes('unsure') || answers[4] === 'yes') return 'consider';
  return 'optional';
}

export class FloorCheck extends LitElement {
  static override properties = {
    step: { state: true },
    answers: { state: true },
  };

  static override styles = css`
    :host {
      display: flow-root;
      max-inline-size: 40rem;
      line-height: 1.5;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    label {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      min-block-size: 44px;
    }
    button {
      min-block-size: 44px;
      padding: 0 1.25rem;
      font: inherit;
      color: #fff;
      background: #0b5cad;
      border: 0;
      border-radius: 0.5rem;
    }
  `;

  /** -1 on the intro, 0-4 on a question, 5 on the result. */
  declare step: number;
  declare answers: Answer[];

  constructor() {
    super();
    this.step = -1;
    this.answers = [];
  }

  override render() {
    if (this.step < 0) {
      return html`
        <h2>Should I get a second opinion?</h2>
        <p>
          A second opinion is when another doctor looks at your diagnosis and treatment plan. Many people get one to
          feel sure about a big decision, or to learn about all their options.
        </p>
        <p>5 quick questions, about 1 minute</p>
        <button type="button" class="start" @click=${() => (this.step = 0)}>Start</button>
      `;
    }
    if (this.step >= QUESTIONS.length) {
      return html`<h2 class="result">${RESULTS[level(this.answers)]}</h2>`;
    }
    const index = this.step;
    return html`
      <form @submit=${this.next}>
        <fieldset>
          <legend><h2>${QUESTIONS[index]}</h2></legend>
          ${OPTIONS.map(
            ([value, label]) => html`
              <label>
                <input
                  type="radio"
                  name="q${index}"
                  value=${value}
                  .checked=${this.answers[index] === value}
                  @change=${() => (this.answers = Object.assign([...this.answers], { [index]: value }))}
                />
                ${label}
              </label>
            `,
          )}
        </fieldset>
        <button type="submit" class="continue">Continue</button>
      </form>
    `;
  }

  private next = (event: Event) => {
    event.preventDefault();
    if (this.answers[this.step]) this.step += 1;
  };
}

customElements.define('floor-check', FloorCheck);

declare global {
  interface HTMLElementTagNameMap {
    'floor-check': FloorCheck;
  }
}
