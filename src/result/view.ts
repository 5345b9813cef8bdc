/** The result screen: why, the next steps as a checklist, what to say and ask, the evidence. */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  barrierReassurance,
  doctorScript,
  levelHeading,
  levelSummary,
  nextSteps,
  reasonText,
  reviewedDate,
  stepsHeading,
  studies,
  talkHeading,
  visitHeading,
  visitQuestions,
  waitNote,
  type Study,
} from './content.ts';
import type { SelfCheckResult } from '../types.ts';

export interface ResultView {
  result: SelfCheckResult;
  locale: string;
  ticked: readonly boolean[];
  contactPanel: TemplateResult;
  onTick: (index: number, checked: boolean) => void;
  onPrint: () => void;
  onSave: () => void;
  onRestart: () => void;
}

export function renderResult(view: ResultView) {
  const { result } = view;
  const reassurances = result.barriers.map(barrierReassurance).filter((text): text is string => !!text);
  const reviewed = reviewedDate(view.locale);
  return html`
    <section class="step" part="result" aria-labelledby="heading" data-level=${result.level}>
      <h2 id="heading" part="title" tabindex="-1">${levelHeading(result.level)}</h2>
      <p class="summary">${levelSummary(result.level)}</p>
      ${
        result.reasons.length
          ? html`
              <h3>${msg('Why we say this', { id: 'result.why' })}</h3>
              <ul class="reasons">
                ${result.reasons.map((id) => html`<li>${reasonText(id, result.answers[id] ?? 'yes')}</li>`)}
              </ul>
            `
          : nothing
      }
      ${
        reassurances.length
          ? html`
              <h3>${msg('About what is holding you back', { id: 'result.barriers' })}</h3>
              <ul class="reassurance">
                ${reassurances.map((text) => html`<li>${text}</li>`)}
              </ul>
            `
          : nothing
      }

      <section part="steps" class="steps" aria-labelledby="steps-heading">
        <h3 id="steps-heading">${stepsHeading(result.level)}</h3>
        <ul class="checklist">
          ${nextSteps().map(
            (text, index) => html`
              <li>
                <label part="option" class="option">
                  <input
                    type="checkbox"
                    .checked=${view.ticked[index] ?? false}
                    @change=${(event: Event) => view.onTick(index, (event.target as HTMLInputElement).checked)}
                  />
                  <span>${text}</span>
                </label>
              </li>
            `,
          )}
        </ul>
        <div class="actions no-print">
          <button type="button" part="button" @click=${view.onPrint}>${msg('Print', { id: 'result.print' })}</button>
          <button type="button" part="button" @click=${view.onSave}>
            ${msg('Save as a text file', { id: 'result.save' })}
          </button>
        </div>
      </section>

      <h3>${talkHeading()}</h3>
      <p>${msg('You could say:', { id: 'talk.intro' })}</p>
      <blockquote>${doctorScript()}</blockquote>

      <h3>${visitHeading()}</h3>
      <ul>
        ${visitQuestions().map((text) => html`<li>${text}</li>`)}
      </ul>
      <p>${waitNote()}</p>

      <section part="stats" class="stats" aria-labelledby="stats-heading">
        <h3 id="stats-heading">${msg('What studies found', { id: 'result.evidence' })}</h3>
        ${studies(view.locale).map(renderStudy)}
        <p class="reviewed">${msg(str`Content last reviewed: ${reviewed}`, { id: 'result.reviewed' })}</p>
      </section>

      ${view.contactPanel}

      <div class="actions no-print">
        <button type="button" part="button" class="quiet" @click=${view.onRestart}>
          ${msg('Start again', { id: 'result.restart' })}
        </button>
      </div>
    </section>
  `;
}

/** A proportional bar: SVG geometry needs no inline style, so it works under a strict CSP. */
function renderStudy(study: Study) {
  const total = study.parts.reduce((sum, part) => sum + part.share, 0);
  let x = 0;
  const segments = study.parts.map((part, index) => {
    const width = (part.share / total) * 100;
    const rect = svg`<rect class=${`segment-${index}`} x=${x} y="0" width=${width} height="10"></rect>`;
    x += width;
    return rect;
  });
  const description = study.parts.map((part) => part.label).join('; ');
  return html`
    <figure class="study">
      <p>${study.summary}</p>
      <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label=${description}>
        ${segments}
      </svg>
      <ul class="legend">
        ${study.parts.map(
          (part, index) =>
            html`<li><span class=${`swatch segment-${index}`} aria-hidden="true"></span>${part.label}</li>`,
        )}
      </ul>
      ${study.caveat ? html`<p>${study.caveat}</p>` : nothing}
      <figcaption class="citation">
        ${msg(str`Source (${study.year}): ${study.citation}`, { id: 'study.source' })}
      </figcaption>
    </figure>
  `;
}
