import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { isolate } from './links.ts';
import { sentenceGap } from '../sentences.ts';
import type { BestTime } from '../types.ts';
import type { ContactFailureReason, ContactFormController } from './form-controller.ts';
import {
  BEST_TIMES,
  MESSAGE_MAX_LENGTH,
  type ContactError,
  type ContactField,
  type ContactFormValues,
} from './validation.ts';

export interface ContactFormView {
  form: ContactFormController;
  /** False when neither an endpoint nor the host can send: no Try again then. */
  canSend: boolean;
  clinicName?: string;
  phone?: string;
  telHref?: string;
  email?: string;
  mailtoHref?: string;
  /** Whether a self-check result exists that the patient may share. */
  canShareAnswers: boolean;
  locale: string;
  onSubmit: () => void;
  onErrorLinkClick: (field: ContactField) => void;
}

const FIELD_IDS: Record<ContactField, string> = {
  name: 'contact-name',
  phone: 'contact-phone',
  email: 'contact-email',
  message: 'contact-message',
  consent: 'contact-consent',
};

export const contactFieldId = (field: ContactField) => FIELD_IDS[field];

export function errorText(error: ContactError): string {
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

/** The call-back request form, or what happened to the request. */
export function renderContactForm(view: ContactFormView) {
  const { form } = view;
  const status = form.status;
  if (status.kind === 'sent') return renderSent(view, status.reference);

  const errors = new Map(form.visibleErrors);
  const values = form.values;
  const text =
    <K extends keyof ContactFormValues>(field: K) =>
    (event: Event) =>
      form.setValue(field, (event.target as HTMLInputElement).value as ContactFormValues[K]);
  const tick = (field: 'voicemailOk' | 'forSomeoneElse' | 'shareAnswers' | 'consent') => (event: Event) =>
    form.setValue(field, (event.target as HTMLInputElement).checked);
  const describedBy = (field: ContactField, ...more: string[]) =>
    [...more, errors.has(field) ? `${FIELD_IDS[field]}-error` : ''].filter(Boolean).join(' ') || nothing;
  const fieldError = (field: ContactField) =>
    errors.has(field)
      ? html`<p id=${`${FIELD_IDS[field]}-error`} part="error" class="error">${errorText(errors.get(field)!)}</p>`
      : nothing;
  const left = MESSAGE_MAX_LENGTH - values.message.length;
  const consentText = view.clinicName
    ? msg(html`I agree that ${isolate(view.clinicName)} may contact me about this request.`, {
        id: 'form.consent.named',
      })
    : msg('I agree that the clinic may contact me about this request.', { id: 'form.consent' });

  return html`
    <form
      part="form"
      class="contact-form"
      novalidate
      aria-labelledby="form-heading"
      @submit=${(event: Event) => {
        event.preventDefault();
        view.onSubmit();
      }}
    >
      <h3 id="form-heading">${msg('Ask the clinic to call you back', { id: 'form.heading' })}</h3>
      ${
        form.submitted && errors.size
          ? html`
              <div
                id="error-summary"
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
                          href=${`#${FIELD_IDS[field]}`}
                          @click=${(event: Event) => {
                            event.preventDefault();
                            view.onErrorLinkClick(field);
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

      <div class="field">
        <label for="contact-name">${msg('Your name', { id: 'form.name' })}</label>
        ${fieldError('name')}
        <input
          id="contact-name"
          part="input"
          name="name"
          autocomplete="name"
          required
          .value=${live(values.name)}
          ?readonly=${form.busy}
          aria-invalid=${errors.has('name') ? 'true' : 'false'}
          aria-describedby=${describedBy('name')}
          @input=${text('name')}
          @blur=${() => form.markTouched('name')}
        />
      </div>

      <p id="contact-how-hint" class="hint">
        ${msg('Give a phone number, an email address, or both.', { id: 'form.contact.hint' })}
      </p>
      <div class="field">
        <label for="contact-phone">${msg('Phone number', { id: 'form.phone' })}</label>
        ${fieldError('phone')}
        <input
          id="contact-phone"
          part="input"
          name="phone"
          type="tel"
          dir="ltr"
          autocomplete="tel"
          inputmode="tel"
          .value=${live(values.phone)}
          ?readonly=${form.busy}
          aria-invalid=${errors.has('phone') ? 'true' : 'false'}
          aria-describedby=${describedBy('phone', 'contact-how-hint')}
          @input=${text('phone')}
          @blur=${() => form.markTouched('phone')}
        />
      </div>
      <div class="field">
        <label for="contact-email">${msg('Email address', { id: 'form.email' })}</label>
        ${fieldError('email')}
        <input
          id="contact-email"
          part="input"
          name="email"
          type="email"
          dir="ltr"
          autocomplete="email"
          spellcheck="false"
          .value=${live(values.email)}
          ?readonly=${form.busy}
          aria-invalid=${errors.has('email') ? 'true' : 'false'}
          aria-describedby=${describedBy('email', 'contact-how-hint')}
          @input=${text('email')}
          @blur=${() => form.markTouched('email')}
        />
      </div>

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
                  ?disabled=${form.busy}
                  @change=${() => form.setValue('bestTime', time)}
                />
                <span>${bestTimeLabel(time)}</span>
              </label>`,
          )}
        </div>
      </fieldset>

      <div class="options compact">
        <label part="option" class="option">
          <input
            type="checkbox"
            name="voicemailOk"
            .checked=${live(values.voicemailOk)}
            ?disabled=${form.busy}
            @change=${tick('voicemailOk')}
          />
          <span>${msg('It is OK to leave a voicemail', { id: 'form.voicemail' })}</span>
        </label>
        <label part="option" class="option">
          <input
            type="checkbox"
            name="forSomeoneElse"
            .checked=${live(values.forSomeoneElse)}
            ?disabled=${form.busy}
            @change=${tick('forSomeoneElse')}
          />
          <span
            >${msg('I am asking for someone else, like a family member I care for', { id: 'form.someone-else' })}</span
          >
        </label>
      </div>

      <div class="field">
        <label for="contact-message">${msg('Message (optional)', { id: 'form.message' })}</label>
        <p id="contact-message-hint" class="hint">
          ${msg('Please do not include detailed medical information.', { id: 'form.message.hint' })}
        </p>
        ${fieldError('message')}
        <textarea
          id="contact-message"
          part="input"
          name="message"
          rows="4"
          maxlength=${MESSAGE_MAX_LENGTH}
          .value=${live(values.message)}
          ?readonly=${form.busy}
          aria-invalid=${errors.has('message') ? 'true' : 'false'}
          aria-describedby=${describedBy('message', 'contact-message-hint', 'contact-message-count')}
          @input=${text('message')}
          @blur=${() => form.markTouched('message')}
        ></textarea>
        <p id="contact-message-count" class="hint counter">
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
        </p>
      </div>

      ${
        view.canShareAnswers
          ? html`<div class="options compact">
              <label part="option" class="option">
                <input
                  type="checkbox"
                  name="shareAnswers"
                  aria-describedby="contact-share-hint"
                  .checked=${live(values.shareAnswers)}
                  ?disabled=${form.busy}
                  @change=${tick('shareAnswers')}
                />
                <span>${msg('Share my self-check answers with the clinic', { id: 'form.share' })}</span>
              </label>
              <p id="contact-share-hint" class="hint">
                ${msg('This sends your answers and result, so the clinic knows what you want to ask.', { id: 'form.share.hint' })}
              </p>
            </div>`
          : nothing
      }

      <div class="field">
        ${fieldError('consent')}
        <label part="option" class="option">
          <input
            id="contact-consent"
            type="checkbox"
            name="consent"
            required
            .checked=${live(values.consent)}
            ?disabled=${form.busy}
            aria-invalid=${errors.has('consent') ? 'true' : 'false'}
            aria-describedby=${describedBy('consent')}
            @change=${(event: Event) => {
              tick('consent')(event);
              form.markTouched('consent');
            }}
          />
          <span>${consentText}</span>
        </label>
      </div>

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
          @input=${text('honeypot')}
        />
      </div>

      ${renderStatus(view)}
      ${
        view.canSend
          ? html`<div class="actions">
              <button
                type="submit"
                part="button button-primary"
                class="primary"
                aria-disabled=${form.busy ? 'true' : 'false'}
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

function renderStatus(view: ContactFormView) {
  const status = view.form.status;
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

function failureReason(reason: ContactFailureReason): string {
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

function renderFallback(view: ContactFormView) {
  // Phone numbers and addresses read left to right even inside right-to-left text.
  const phone = view.telHref ? html`<a href=${view.telHref} dir="ltr">${isolate(view.phone)}</a>` : undefined;
  const email = view.mailtoHref ? html`<a href=${view.mailtoHref} dir="ltr">${isolate(view.email)}</a>` : undefined;
  if (phone && email) return msg(html`You can also call ${phone} or email ${email}.`, { id: 'form.fallback.both' });
  if (phone) return msg(html`You can also call ${phone}.`, { id: 'form.fallback.phone' });
  if (email) return msg(html`You can also email ${email}.`, { id: 'form.fallback.email' });
  return nothing;
}

function renderSent(view: ContactFormView, reference?: string) {
  return html`
    <div part="form" class="contact-form sent">
      <h3 id="form-sent" tabindex="-1">${msg('Your request was sent', { id: 'form.sent.heading' })}</h3>
      ${reference ? html`<p>${msg(str`Your reference is ${reference}.`, { id: 'form.sent.reference' })}</p>` : nothing}
      <p>
        ${msg('Someone from the clinic will contact you.', { id: 'form.sent.next' })}${sentenceGap(view.locale)}${renderFallback(view)}
      </p>
    </div>
  `;
}
