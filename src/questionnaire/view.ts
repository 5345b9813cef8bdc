/** The questionnaire's screens: the intro, one question at a time, and the barriers step. */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { sentenceGap } from '../sentences.ts';
import { answerMissingText, barriersTitle, checkTitle } from '../strings.ts';
import { BARRIER_IDS, type Answer, type BarrierId, type QuestionId } from '../types.ts';
import type { PathAction } from './path.ts';
import { barrierText, questionText } from './questions.ts';

const ANSWERS: readonly Answer[] = ['yes', 'no', 'unsure'];

function answerLabel(answer: Answer): string {
  switch (answer) {
    case 'yes':
      return msg('Yes', { id: 'answer.yes' });
    case 'no':
      return msg('No', { id: 'answer.no' });
    case 'unsure':
      return msg('Not sure', { id: 'answer.unsure' });
  }
}

// Every shipped language writes these small counts with ASCII digits, exactly as Intl would
// (test/locales.test.ts checks that for each one). Intl.NumberFormat is not used here because
// its first use costs ~20 ms of ICU set-up, which would delay the intro; the result's figures,
// which do use it, are prepared while the patient answers.
const formatCount = (n: number) => String(n);

export const progressText = (number: number, total: number) =>
  msg(str`Question ${formatCount(number)} of ${formatCount(total)}`, { id: 'progress' });

export interface IntroView {
  total: number;
  /** The contact button's label ("Contact Riverside Clinic"). */
  contactLabel: string | TemplateResult;
  /** Start or Contact: the path decides where each leads. */
  onAction: (action: PathAction) => void;
}

export function renderIntro(view: IntroView) {
  return html`
    <section class="step" aria-labelledby="heading">
      <h2 id="heading" part="title" tabindex="-1">${checkTitle()}</h2>
      <p>
        ${msg('A second opinion is when another doctor looks at your diagnosis and treatment plan.', { id: 'intro.what' })}${sentenceGap()}${msg(
          'Many people get one to feel sure about a big decision, or to learn about all their options.',
          { id: 'intro.why' },
        )}${sentenceGap()}${msg('If you are helping someone, answer for them.', { id: 'intro.caregiver' })}
      </p>
      <p class="estimate">
        ${
          view.total === 1
            ? msg('1 quick question, about 1 minute', { id: 'intro.estimate.one' })
            : msg(str`${formatCount(view.total)} quick questions, about 1 minute`, { id: 'intro.estimate' })
        }
      </p>
      <div class="actions">
        <button type="button" part="button button-primary" class="primary" @click=${() => view.onAction('start')}>
          ${msg('Start', { id: 'intro.start' })}
        </button>
        <button type="button" part="button" @click=${() => view.onAction('contact')}>${view.contactLabel}</button>
      </div>
    </section>
  `;
}

export interface QuestionView {
  id: QuestionId;
  number: number;
  total: number;
  answer?: Answer;
  showError: boolean;
  onAnswer: (answer: Answer) => void;
  /** Continue or Back. */
  onAction: (action: PathAction) => void;
}

export function renderQuestion(view: QuestionView) {
  const errorId = 'answer-error';
  // Fresh radios for each question: reused ones would be renamed into the new group while still
  // checked, which unchecks the answer given there before (seen going Back).
  return keyed(
    view.id,
    html`
      <form class="step" novalidate @submit=${(event: Event) => (event.preventDefault(), view.onAction('continue'))}>
        ${renderBackButton(() => view.onAction('back'))} ${renderProgress(view.number, view.total)}
        <fieldset part="question" aria-describedby=${view.showError ? errorId : nothing}>
          <legend>
            <h2 id="heading" part="title" tabindex="-1">${questionText(view.id)}</h2>
          </legend>
          ${view.showError ? html`<p id=${errorId} part="error" class="error">${answerMissingText()}</p>` : nothing}
          <div class="options">
            ${ANSWERS.map(
              (answer) => html`
                <label part="option" class="option">
                  <input
                    type="radio"
                    name=${`answer-${view.id}`}
                    value=${answer}
                    .checked=${view.answer === answer}
                    @change=${() => view.onAnswer(answer)}
                  />
                  <span>${answerLabel(answer)}</span>
                </label>
              `,
            )}
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" part="button button-primary" class="primary">
            ${msg('Continue', { id: 'nav.continue' })}
          </button>
        </div>
      </form>
    `,
  );
}

export interface BarriersView {
  selected: ReadonlySet<BarrierId>;
  onToggle: (id: BarrierId, checked: boolean) => void;
  /** Continue ("See my result"), Skip or Back. */
  onAction: (action: PathAction) => void;
}

export function renderBarriers(view: BarriersView) {
  return html`
    <form class="step" novalidate @submit=${(event: Event) => (event.preventDefault(), view.onAction('continue'))}>
      ${renderBackButton(() => view.onAction('back'))}
      <fieldset part="question" aria-describedby="barriers-hint">
        <legend>
          <h2 id="heading" part="title" tabindex="-1">${barriersTitle()}</h2>
        </legend>
        <p id="barriers-hint" class="hint">
          ${msg('Choose all that apply. This step is optional.', { id: 'barriers.hint' })}
        </p>
        <div class="options">
          ${BARRIER_IDS.map(
            (id) => html`
              <label part="option" class="option">
                <input
                  type="checkbox"
                  name="barriers"
                  value=${id}
                  .checked=${view.selected.has(id)}
                  @change=${(event: Event) => view.onToggle(id, (event.target as HTMLInputElement).checked)}
                />
                <span>${barrierText(id)}</span>
              </label>
            `,
          )}
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" part="button button-primary" class="primary">
          ${msg('See my result', { id: 'barriers.continue' })}
        </button>
        <button type="button" part="button" @click=${() => view.onAction('skip')}>
          ${msg('Skip this step', { id: 'barriers.skip' })}
        </button>
      </div>
    </form>
  `;
}

export function renderBackButton(onBack: () => void) {
  return html`
    <button type="button" part="button" class="back" @click=${onBack}>
      <span class="icon-back" aria-hidden="true">‹</span>${msg('Back', { id: 'nav.back' })}
    </button>
  `;
}

function renderProgress(number: number, total: number) {
  return html`
    <div part="progress" class="progress">
      <p class="progress-text">${progressText(number, total)}</p>
      <div class="progress-track" aria-hidden="true">
        ${Array.from({ length: total }, (_, index) => html`<span class=${index < number ? 'done' : ''}></span>`)}
      </div>
    </div>
  `;
}
