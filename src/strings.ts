/**
 * Text that more than one part of the widget shows or says: screen titles that are also
 * announced or name the launcher, the disclaimer, and host-given text made safe to show. Views
 * import it, so no view needs another view's module. Each string is looked up when it is used,
 * never at module load, so a language switch re-renders correctly.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';

/**
 * Host-given text, bidi-isolated: a direction override inside it (U+202E…) cannot reorder the
 * sentence around it, and a right-to-left name does not pull the words next to it along.
 */
export function isolate(text: string | undefined) {
  return text ? html`<bdi>${text}</bdi>` : nothing;
}

export const checkTitle = () => msg('Should I get a second opinion?', { id: 'intro.title' });
export const barriersTitle = () => msg('Is anything holding you back?', { id: 'barriers.title' });
export const answerMissingText = () => msg('Choose Yes, No or Not sure to go on.', { id: 'question.error' });

export function contactHeading(clinicName?: string): string | TemplateResult {
  return clinicName
    ? msg(html`Contact ${isolate(clinicName)}`, { id: 'contact.heading.named' })
    : msg('Contact the clinic', { id: 'contact.heading' });
}

/** The "not medical advice" note; `number` is the host's `emergency-number`. */
export function disclaimerText(emergencyNumber: string | undefined): string {
  const number = emergencyNumber?.trim() || '911';
  return msg(
    str`This check does not give medical advice. Talk with your doctor about your care. In an emergency, call ${number}.`,
    { id: 'disclaimer' },
  );
}
