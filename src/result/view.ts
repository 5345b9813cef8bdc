import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  barrierReassurance,
  doctorScript,
  levelHeading,
  levelSummary,
  nextSteps,
  optionalStepsHeading,
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
  /** The clinic's contact panel (with the call-back form when there is one). */
  contactPanel: TemplateResult;
  /** The way to reach the clinic that the outcome panel offers first. */
  contactAction: ContactAction;
  /** Whether the contact disclosure is open (the form is in use, or the patient opened it). */
  contactOpen: boolean;
  contactSummary: string | TemplateResult;
  disclaimer: TemplateResult;
  onTick: (index: number, checked: boolean) => void;
  onCallBack: () => void;
  onContactToggle: (open: boolean) => void;
  onPrint: () => void;
  onSave: () => void;
  onRestart: () => void;
}

/** How the outcome panel lets the patient reach the clinic now. */
export type ContactAction =
  | { kind: 'form' }
  | { kind: 'phone'; href: string; phone: TemplateResult }
  | { kind: 'email'; href: string }
  | { kind: 'none' };

/**
 * The result as a decision screen (SPEC §2.3): the outcome and what to do now first, then why,
 * the checklist and the barriers; the long reference material is folded in native `<details>`
 * (opened for printing by the element), and Start again comes last, after the disclaimer.
 */
export function renderResult(view: ResultView) {
  const { result } = view;
  const reassurances = result.barriers.map(barrierReassurance).filter((text): text is string => !!text);
  const reviewed = reviewedDate(view.locale);
  return html`
    <section class="step result" part="result" aria-labelledby="heading" data-level=${result.level}>
      <div part="outcome" class=${`outcome outcome-${result.level}`}>
        <div class="outcome-head">
          ${levelIcon(result.level)}
          <h2 id="heading" part="title" tabindex="-1">${levelHeading(result.level)}</h2>
        </div>
        <p class="summary">${levelSummary(result.level)}</p>
        <div class="actions no-print">
          ${renderContactAction(view)}
          <button type="button" part="button" @click=${view.onPrint}>${msg('Print', { id: 'result.print' })}</button>
          <button type="button" part="button" @click=${view.onSave}>
            ${msg('Save as a text file', { id: 'result.save' })}
          </button>
        </div>
      </div>
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

      <section part="steps" class="steps" aria-labelledby="steps-heading">
        <h3 id="steps-heading">${result.level === 'optional' ? optionalStepsHeading() : stepsHeading()}</h3>
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
      </section>

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

      <div class="more">
        <details class="disclosure">
          <summary>${talkHeading()}</summary>
          <div class="disclosure-body">
            <p>${msg('You could say:', { id: 'talk.intro' })}</p>
            <blockquote>${doctorScript()}</blockquote>
          </div>
        </details>

        <details class="disclosure">
          <summary>${visitHeading()}</summary>
          <div class="disclosure-body">
            <ul class="visit-questions">
              ${visitQuestions().map((text) => html`<li>${text}</li>`)}
            </ul>
            <p>${waitNote()}</p>
          </div>
        </details>

        <details class="disclosure">
          <summary>${msg('What studies found', { id: 'result.evidence' })}</summary>
          <section
            part="stats"
            class="stats disclosure-body"
            aria-label=${msg('What studies found', { id: 'result.evidence' })}
          >
            ${studies(view.locale).map(renderStudy)}
            <p class="reviewed">${msg(str`Content last reviewed: ${reviewed}`, { id: 'result.reviewed' })}</p>
          </section>
        </details>

        <details
          class="disclosure contact-disclosure"
          ?open=${view.contactOpen}
          @toggle=${(event: Event) => view.onContactToggle((event.target as HTMLDetailsElement).open)}
        >
          <summary id="contact-heading">${view.contactSummary}</summary>
          <div class="disclosure-body">${view.contactPanel}</div>
        </details>
      </div>

      ${view.disclaimer}

      <div class="restart no-print">
        <button type="button" part="button" class="quiet" @click=${view.onRestart}>
          ${msg('Start again', { id: 'result.restart' })}
        </button>
      </div>
    </section>
  `;
}

function renderContactAction(view: ResultView) {
  const action = view.contactAction;
  switch (action.kind) {
    case 'form':
      return html`<button type="button" part="button button-primary" class="primary" @click=${view.onCallBack}>
        ${msg('Ask the clinic to call you back', { id: 'outcome.callback' })}
      </button>`;
    case 'phone':
      return html`<a class="action-link primary" part="button button-primary" href=${action.href}
        >${msg(html`Call ${action.phone}`, { id: 'outcome.call' })}</a
      >`;
    case 'email':
      return html`<a class="action-link primary" part="button button-primary" href=${action.href}
        >${msg('Email the clinic', { id: 'outcome.email' })}</a
      >`;
    case 'none':
      return nothing;
  }
}

/**
 * Each level's own shape, so the levels differ without colour (and in forced colours): a check
 * in a filled circle, a question mark in a ring, an "i" in a square.
 */
function levelIcon(level: SelfCheckResult['level']) {
  switch (level) {
    case 'recommended':
      return html`<svg class="outcome-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="11"></circle>
        <path class="mark" d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke-width="2.5"></path>
      </svg>`;
    case 'consider':
      return html`<svg class="outcome-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10" fill="none" stroke-width="2.5" class="ring"></circle>
        <path class="mark" d="M9 9.5a3 3 0 1 1 4.2 2.7c-.8.4-1.2 1-1.2 1.8v.5" fill="none" stroke-width="2.2"></path>
        <circle class="dot" cx="12" cy="17.5" r="1.3"></circle>
      </svg>`;
    case 'optional':
      return html`<svg class="outcome-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="2" y="2" width="20" height="20" rx="3" fill="none" stroke-width="2" class="ring"></rect>
        <circle class="dot" cx="12" cy="7.5" r="1.4"></circle>
        <path class="mark" d="M12 11v7" fill="none" stroke-width="2.4"></path>
      </svg>`;
  }
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
