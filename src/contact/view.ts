import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { isolate } from './links.ts';

export interface ContactDetails {
  clinicName?: string;
  phone?: string;
  telHref?: string;
  email?: string;
  mailtoHref?: string;
  contactUrl?: string;
  address?: string;
  hours?: string;
}

export function contactHeading(clinicName?: string): string | TemplateResult {
  return clinicName
    ? msg(html`Contact ${isolate(clinicName)}`, { id: 'contact.heading.named' })
    : msg('Contact the clinic', { id: 'contact.heading' });
}

/** The clinic's configured ways to reach it; each line only when configured. */
export function renderContactPanel(
  details: ContactDetails,
  form: TemplateResult | typeof nothing = nothing,
  headingId = 'contact-heading',
  isStepHeading = false,
) {
  const hasAny = details.telHref || details.mailtoHref || details.contactUrl || details.address || details.hours;
  const heading = contactHeading(details.clinicName);
  return html`
    <section part="contact" class="contact" aria-labelledby=${headingId}>
      ${
        isStepHeading
          ? html`<h2 id=${headingId} part="title" tabindex="-1">${heading}</h2>`
          : html`<h3 id=${headingId}>${heading}</h3>`
      }
      ${
        hasAny
          ? html`<dl>
              ${
                details.telHref
                  ? html`<dt>${msg('Phone', { id: 'contact.phone' })}</dt>
                      <dd><a href=${details.telHref} dir="ltr">${isolate(details.phone)}</a></dd>`
                  : nothing
              }
              ${
                details.mailtoHref
                  ? html`<dt>${msg('Email', { id: 'contact.email' })}</dt>
                      <dd><a href=${details.mailtoHref} dir="ltr">${isolate(details.email)}</a></dd>`
                  : nothing
              }
              ${
                details.contactUrl
                  ? html`<dt>${msg('Online', { id: 'contact.online' })}</dt>
                      <dd>
                        <a href=${details.contactUrl} target="_blank" rel="noopener noreferrer">
                          ${msg('Go to the contact page (opens in a new tab)', { id: 'contact.page' })}
                        </a>
                      </dd>`
                  : nothing
              }
              ${
                details.address
                  ? html`<dt>${msg('Address', { id: 'contact.address' })}</dt>
                      <dd class="multiline">${isolate(details.address)}</dd>`
                  : nothing
              }
              ${
                details.hours
                  ? html`<dt>${msg('Hours', { id: 'contact.hours' })}</dt>
                      <dd class="multiline">${isolate(details.hours)}</dd>`
                  : nothing
              }
            </dl>`
          : form === nothing
            ? html`<p>${msg('Ask your doctor’s office how to get a second opinion.', { id: 'contact.none' })}</p>`
            : nothing
      }
      ${form}
    </section>
  `;
}
