/** The contact panel (SPEC §2.4): the clinic's details and, when offered, the call-back form. */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { contactHeading, isolate } from '../strings.ts';
import type { ContactController } from './controller.ts';
import { renderContactForm } from './form-view.ts';

/**
 * The contact panel: the clinic's configured ways to reach it (each line only when configured)
 * and the call-back form when it is offered. `asStep`: the panel is the contact screen, and its
 * heading the screen's heading.
 */
export function renderContact(contact: ContactController, locale: string, asStep = false) {
  const details = contact.details;
  // A request that failed (say, stopped because the endpoint was removed) stays on screen with
  // everything typed, even when nothing can send it any more.
  const form =
    contact.offered || contact.status.kind === 'failed' ? renderContactForm(contact, details, locale) : nothing;
  const hasAny = details.telHref || details.mailtoHref || details.contactUrl || details.address || details.hours;
  const heading = contactHeading(details.clinicName);
  const headingId = asStep ? 'heading' : 'contact-heading';
  return html`
    <section part="contact" class="contact" aria-labelledby=${headingId}>
      ${
        asStep
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
