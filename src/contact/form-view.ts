/**
 * The call-back request form (SPEC §4) and what happened to the request: the fields are drawn
 * from one table (ids, labels, types, autofill tokens, hints), so each fact lives in one place.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { sentenceGap } from '../sentences.ts';
import { isolate } from '../strings.ts';
import type { ContactErrorDetail } from '../events.ts';
import type { BestTime } from '../types.ts';
import { ERROR_SUMMARY_ID, SENT_HEADING_ID, type ContactController, type ContactDetails } from './controller.ts';
import { BEST_TIMES, MESSAGE_MAX_LENGTH, type ContactError, type ContactField } from './validation.ts';

interface FormView {
  contact: ContactController;
  details: ContactDetails;
  locale: string;
  /** The errors shown now, by field. */
  errors: Map<ContactField, ContactError>;
}

type TextField = 'name' | 'phone' | 'email' | 'message';
type Checkbox = 'voicemailOk' | 'forSomeoneElse' | 'shareAnswers' | 'consent';

const fieldId = (field: string) => `contact-${field}`;
/** The hints' ids: each hint says what its fields are for, and they name it in `aria-describedby`. */
const HOW_HINT = 'contact-how-hint';
const MESSAGE_HINT = 'contact-message-hint';
const COUNTER = 'contact-message-count';
const SHARE_HINT = 'contact-share-hint';

/**
 * Every field of the form: its label, input type and `autocomplete` token, and the ids of the
 * hints that describe it. A field's id is `contact-<name>`, its error's `contact-<name>-error`.
 */
const FIELDS: Record<
  TextField | Checkbox,
  {
    label: (view: ContactDetails) => unknown;
    type?: 'tel' | 'email';
    autocomplete?: 'name' | 'tel' | 'email';
    hints?: string;
  }
> = {
  name: { label: () => msg('Your name', { id: 'form.name' }), autocomplete: 'name' },
  phone: { label: () => msg('Phone number', { id: 'form.phone' }), type: 'tel', autocomplete: 'tel', hints: HOW_HINT },
  email: {
    label: () => msg('Email address', { id: 'form.email' }),
    type: 'email',
    autocomplete: 'email',
    hints: HOW_HINT,
  },
  message: {
    label: () => msg('Message (optional)', { id: 'form.message' }),
    hints: `${MESSAGE_HINT} ${COUNTER}`,
  },
  voicemailOk: { label: () => msg('It is OK to leave a voicemail', { id: 'form.voicemail' }) },
  forSomeoneElse: {
    label: () => msg('I am asking for someone else, like a family member I care for', { id: 'form.someone-else' }),
  },
  shareAnswers: {
    label: () => msg('Share my self-check answers with the clinic', { id: 'form.share' }),
    hints: SHARE_HINT,
  },
  consent: {
    label: (view) =>
      view.clinicName
        ? msg(html`I agree that ${isolate(view.clinicName)} may contact me about this request.`, {
            id: 'form.consent.named',
          })
        : msg('I agree that the clinic may contact me about this request.', { id: 'form.consent' }),
  },
};

function errorText(error: ContactError): string {
  switch (error) {
    case 'name-missing':
      return msg('Enter your name.', { id: 'form.error.name' });
    case 'phone-or-email-missing':
      return msg('Enter a phone number or an email address.', { id: 'form.error.contact' });
    case 'phone-invalid':
      return msg('Enter a phone number with 7 to 15 digits, like 555 010 4477.', { id: 'form.error.phone' });
    case 'email-invalid':
      return msg('Enter an email address like name@example.com.', { id: 'form.error.email' });
    case 'message-too-long':
      return msg('Your message is too long. Make it shorter.', { id: 'form.error.message' });
    case 'consent-missing':
      return msg('Tick the box to say the clinic may contact you.', { id: 'form.error.consent' });
  }
}

function bestTimeLabel(time: BestTime): string {
  switch (time) {
    case 'morning':
      return msg('Morning', { id: 'form.time.morning' });
    case 'afternoon':
      return msg('Afternoon', { id: 'form.time.afternoon' });
    case 'evening':
      return msg('Evening', { id: 'form.time.evening' });
    case 'any':
      return msg('Any time', { id: 'form.time.any' });
  }
}

/** The hints and the error that describe `field`, for `aria-describedby`. */
function describedBy({ errors }: FormView, field: TextField | Checkbox) {
  const ids = [FIELDS[field].hints, errors.has(field as ContactField) && `${fieldId(field)}-error`];
  return ids.filter(Boolean).join(' ') || nothing;
}

function fieldError({ errors }: FormView, field: ContactField) {
  const error = errors.get(field);
  return error ? html`<p id=${`${fieldId(field)}-error`} part="error" class="error">${errorText(error)}</p>` : nothing;
}

/** A labelled text field; `before` goes between its label and its error, `after` below it. */
function textField(view: FormView, field: TextField, before: unknown = nothing, after: unknown = nothing) {
  const { contact } = view;
  const { label, type, autocomplete } = FIELDS[field];
  const id = fieldId(field);
  const invalid = view.errors.has(field) ? 'true' : 'false';
  const onInput = (event: Event) => contact.setValue(field, (event.target as HTMLInputElement).value);
  const onBlur = () => contact.markTouched(field);
  return html`
    <div class="field">
      <label for=${id}>${label(view.details)}</label>
      ${before} ${fieldError(view, field)}
      ${
        field === 'message'
          ? html`<textarea
              id=${id}
              part="input"
              name=${field}
              rows="4"
              maxlength=${MESSAGE_MAX_LENGTH}
              aria-invalid=${invalid}
              aria-describedby=${describedBy(view, field)}
              .value=${live(contact.values[field])}
              ?readonly=${contact.busy}
              @input=${onInput}
              @blur=${onBlur}
            ></textarea>`
          : html`<input
              id=${id}
              part="input"
              name=${field}
              type=${ifDefined(type)}
              dir=${ifDefined(type && 'ltr')}
              autocomplete=${ifDefined(autocomplete)}
              inputmode=${ifDefined(type === 'tel' ? type : undefined)}
              spellcheck=${ifDefined(type === 'email' ? 'false' : undefined)}
              ?required=${field === 'name'}
              .value=${live(contact.values[field])}
              ?readonly=${contact.busy}
              aria-invalid=${invalid}
              aria-describedby=${describedBy(view, field)}
              @input=${onInput}
              @blur=${onBlur}
            />`
      }
      ${after}
    </div>
  `;
}

/** A labelled checkbox; consent is required, and shows its error once the patient leaves it. */
function checkbox(view: FormView, field: Checkbox) {
  const { contact } = view;
  const consent = field === 'consent';
  return html`
    <label part="option" class="option">
      <input
        type="checkbox"
        id=${ifDefined(consent ? fieldId(field) : undefined)}
        name=${field}
        ?required=${consent}
        .checked=${live(contact.values[field])}
        ?disabled=${contact.busy}
        aria-invalid=${ifDefined(consent ? (view.errors.has(field) ? 'true' : 'false') : undefined)}
        aria-describedby=${describedBy(view, field)}
        @change=${(event: Event) => {
          contact.setValue(field, (event.target as HTMLInputElement).checked);
          if (consent) contact.markTouched(field);
        }}
      />
      <span>${FIELDS[field].label(view.details)}</span>
    </label>
  `;
}

/** The call-back request form, or what happened to the request. */
export function renderContactForm(contact: ContactController, details: ContactDetails, locale: string) {
  const status = contact.status;
  const view: FormView = { contact, details, locale, errors: new Map(contact.visibleErrors) };
  if (status.kind === 'sent') return renderSent(view, status.reference);
  const { errors } = view;
  const values = contact.values;
  const left = MESSAGE_MAX_LENGTH - values.message.length;

  return html`
    <form
      part="form"
      class="contact-form"
      novalidate
      aria-labelledby="form-heading"
      @submit=${(event: Event) => {
        event.preventDefault();
        void contact.send(locale);
      }}
    >
      <h3 id="form-heading">${msg('Ask the clinic to call you back', { id: 'form.heading' })}</h3>
      ${
        contact.submitted && errors.size
          ? html`
              <div
                id=${ERROR_SUMMARY_ID}
                class="error-summary"
                role="alert"
                tabindex="-1"
                aria-labelledby="error-summary-title"
              >
                <h4 id="error-summary-title">${msg('There is a problem', { id: 'form.summary' })}</h4>
                <ul>
                  ${[...errors].map(
                    ([field, error]) =>
                      html`<li>
                        <a
                          href=${`#${fieldId(field)}`}
                          @click=${(event: Event) => {
                            event.preventDefault();
                            const root = (event.target as Element).getRootNode() as ShadowRoot;
                            root.getElementById(fieldId(field))?.focus();
                          }}
                          >${errorText(error)}</a
                        >
                      </li>`,
                  )}
                </ul>
              </div>
            `
          : nothing
      }
      ${textField(view, 'name')}
      <p id=${HOW_HINT} class="hint">
        ${msg('Give a phone number, an email address, or both.', { id: 'form.contact.hint' })}
      </p>
      ${textField(view, 'phone')} ${textField(view, 'email')}

      <fieldset class="field">
        <legend>${msg('Best time to call', { id: 'form.time' })}</legend>
        <div class="options compact">
          ${BEST_TIMES.map(
            (time) =>
              html`<label part="option" class="option">
                <input
                  type="radio"
                  name="bestTime"
                  value=${time}
                  .checked=${live(values.bestTime === time)}
                  ?disabled=${contact.busy}
                  @change=${() => contact.setValue('bestTime', time)}
                />
                <span>${bestTimeLabel(time)}</span>
              </label>`,
          )}
        </div>
      </fieldset>

      <div class="options compact">${checkbox(view, 'voicemailOk')} ${checkbox(view, 'forSomeoneElse')}</div>

      ${textField(
        view,
        'message',
        html`<p id=${MESSAGE_HINT} class="hint">
          ${msg('Please do not include detailed medical information.', { id: 'form.message.hint' })}
        </p>`,
        html`<p id=${COUNTER} class="hint counter">
          ${
            left === 1
              ? msg('You have 1 character left.', { id: 'form.message.left.one' })
              : left === -1
                ? msg('You have 1 character too many.', { id: 'form.message.over.one' })
                : left >= 0
                  ? msg(str`You have ${new Intl.NumberFormat(view.locale).format(left)} characters left.`, {
                      id: 'form.message.left',
                    })
                  : msg(str`You have ${new Intl.NumberFormat(view.locale).format(-left)} characters too many.`, {
                      id: 'form.message.over',
                    })
          }
        </p>`,
      )}
      ${
        contact.canShareAnswers
          ? html`<div class="options compact">
              ${checkbox(view, 'shareAnswers')}
              <p id=${SHARE_HINT} class="hint">
                ${msg('This sends your answers and result, so the clinic knows what you want to ask.', { id: 'form.share.hint' })}
              </p>
            </div>`
          : nothing
      }

      <div class="field">${fieldError(view, 'consent')} ${checkbox(view, 'consent')}</div>

      <!--
        The honeypot. A patient's browser must never fill it, or their request would be dropped:
        its name, id and label match no autofill heuristic (a "website" field would be filled as
        a URL), password managers are told to skip it, and it is out of the Tab order and hidden
        from assistive technology.
      -->
      <div class="honeypot" aria-hidden="true">
        <label for="soc-hp">${msg('Leave this field empty', { id: 'form.honeypot' })}</label>
        <input
          id="soc-hp"
          name="soc-hp"
          type="text"
          tabindex="-1"
          autocomplete="off"
          data-1p-ignore
          data-lpignore="true"
          data-bwignore
          data-form-type="other"
          .value=${live(values.honeypot)}
          @input=${(event: Event) => contact.setValue('honeypot', (event.target as HTMLInputElement).value)}
        />
      </div>

      ${renderStatus(view)}
      ${
        contact.offered
          ? html`<div class="actions">
              <button
                type="submit"
                part="button button-primary"
                class="primary"
                aria-disabled=${contact.busy ? 'true' : 'false'}
              >
                ${
                  status.kind === 'failed'
                    ? msg('Try again', { id: 'form.retry' })
                    : msg('Ask for a call back', { id: 'form.submit' })
                }
              </button>
            </div>`
          : nothing
      }
    </form>
  `;
}

function renderStatus(view: FormView) {
  const status = view.contact.status;
  let message: unknown = nothing;
  switch (status.kind) {
    case 'sending':
      message = msg('Sending your request…', { id: 'form.status.sending' });
      break;
    case 'retrying': {
      // "in 5 seconds", with the plural and word order of the patient's language.
      const when = new Intl.RelativeTimeFormat(view.locale, { numeric: 'auto' }).format(
        Math.max(1, Math.round((status.retryAt - Date.now()) / 1000)),
        'second',
      );
      // Say what happened: no answer at all, or the clinic's system answered with an error.
      const what =
        status.reason === 'http'
          ? msg('The clinic’s system is busy right now.', { id: 'form.status.busy' })
          : msg('We could not reach the clinic.', { id: 'form.failed.network' });
      message = `${what}${sentenceGap(view.locale)}${msg(str`We will try again ${when}.`, { id: 'form.status.retrying' })}`;
      break;
    }
    case 'offline':
      message = msg('You are offline. We will send your request when you are back online.', {
        id: 'form.status.offline',
      });
      break;
    case 'failed': {
      // No whitespace of the template's own between sentences: Chinese puts none there.
      const gap = sentenceGap(view.locale);
      message = html`<strong>${msg('Your request was not sent.', { id: 'form.status.failed' })}</strong
        >${gap}${failureReason(status.reason)}${gap}${msg('Everything you typed is still here.', {
          id: 'form.status.kept',
        })}${gap}${renderFallback(view)}`;
      break;
    }
  }
  // One polite live region for progress; failures are assertive so they are never missed.
  return html`
    <div class="form-status" role="status" aria-live="polite">${status.kind === 'failed' ? nothing : message}</div>
    <div class="form-status failed" role="alert">${status.kind === 'failed' ? message : nothing}</div>
  `;
}

function failureReason(reason: ContactErrorDetail['reason']): string {
  switch (reason) {
    case 'redirect':
      return msg('The clinic’s request form is not set up correctly.', { id: 'form.failed.config' });
    case 'stopped':
      return msg('The page changed while it was being sent, so we stopped it.', { id: 'form.failed.stopped' });
    case 'network':
    case 'timeout':
      return msg('We could not reach the clinic.', { id: 'form.failed.network' });
    case 'http':
      return msg('The clinic could not take the request right now.', { id: 'form.failed.http' });
    case 'rejected':
    case 'unavailable':
      return msg('Something went wrong on this page.', { id: 'form.failed.other' });
  }
}

function renderFallback({ details }: FormView) {
  // Phone numbers and addresses read left to right even inside right-to-left text.
  const phone = details.telHref ? html`<a href=${details.telHref} dir="ltr">${isolate(details.phone)}</a>` : undefined;
  const email = details.mailtoHref
    ? html`<a href=${details.mailtoHref} dir="ltr">${isolate(details.email)}</a>`
    : undefined;
  if (phone && email) return msg(html`You can also call ${phone} or email ${email}.`, { id: 'form.fallback.both' });
  if (phone) return msg(html`You can also call ${phone}.`, { id: 'form.fallback.phone' });
  if (email) return msg(html`You can also email ${email}.`, { id: 'form.fallback.email' });
  return nothing;
}

function renderSent(view: FormView, reference?: string) {
  return html`
    <div part="form" class="contact-form sent">
      <h3 id=${SENT_HEADING_ID} tabindex="-1">${msg('Your request was sent', { id: 'form.sent.heading' })}</h3>
      ${reference ? html`<p>${msg(str`Your reference is ${reference}.`, { id: 'form.sent.reference' })}</p>` : nothing}
      <p>
        ${msg('Someone from the clinic will contact you.', { id: 'form.sent.next' })}${sentenceGap(view.locale)}${renderFallback(view)}
      </p>
    </div>
  `;
}
