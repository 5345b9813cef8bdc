/** The call-back form's values, rules and request body (SPEC §4). Pure: no DOM, no strings. */
import type { BestTime, ContactRequest, SelfCheckResult } from '../types.ts';

export const BEST_TIMES: readonly BestTime[] = ['morning', 'afternoon', 'evening', 'any'];
export const MESSAGE_MAX_LENGTH = 1000;

export interface ContactFormValues {
  name: string;
  phone: string;
  email: string;
  bestTime: BestTime;
  voicemailOk: boolean;
  forSomeoneElse: boolean;
  message: string;
  shareAnswers: boolean;
  consent: boolean;
  /** The hidden honeypot: people never see it, bots fill it in. */
  honeypot: string;
}

export const emptyContactForm = (): ContactFormValues => ({
  name: '',
  phone: '',
  email: '',
  bestTime: 'any',
  voicemailOk: false,
  forSomeoneElse: false,
  message: '',
  shareAnswers: false,
  consent: false,
  honeypot: '',
});

export type ContactField = 'name' | 'phone' | 'email' | 'message' | 'consent';

export type ContactError =
  | 'name-missing'
  | 'phone-or-email-missing'
  | 'phone-invalid'
  | 'email-invalid'
  | 'message-too-long'
  | 'consent-missing';

/** 7 to 15 digits, and only digits, spaces and `+ - ( ) .`. */
export function isValidPhone(phone: string): boolean {
  const value = phone.trim();
  if (!/^[\d\s+\-().]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/** One address with a dotted domain; the clinic's mail system does the rest. */
export function isValidEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(email.trim());
}

/** Field errors in the form's order, at most one per field. */
export function validateContactForm(values: ContactFormValues): Partial<Record<ContactField, ContactError>> {
  const errors: Partial<Record<ContactField, ContactError>> = {};
  const phone = values.phone.trim();
  const email = values.email.trim();
  if (!values.name.trim()) errors.name = 'name-missing';
  if (!phone && !email) errors.phone = 'phone-or-email-missing';
  if (phone && !isValidPhone(phone)) errors.phone = 'phone-invalid';
  if (email && !isValidEmail(email)) errors.email = 'email-invalid';
  if (values.message.length > MESSAGE_MAX_LENGTH) errors.message = 'message-too-long';
  if (!values.consent) errors.consent = 'consent-missing';
  return errors;
}

export interface RequestContext {
  id: string;
  language: string;
  page: string;
  widgetVersion: string;
  result: SelfCheckResult | null;
  now?: Date;
}

/** The exact JSON body: optional keys appear only when they have a value; no other keys. */
export function buildContactRequest(values: ContactFormValues, context: RequestContext): ContactRequest {
  const phone = values.phone.trim();
  const email = values.email.trim();
  const message = values.message.trim();
  const request: ContactRequest = {
    id: context.id,
    createdAt: (context.now ?? new Date()).toISOString(),
    name: values.name.trim(),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    bestTime: values.bestTime,
    voicemailOk: values.voicemailOk,
    forSomeoneElse: values.forSomeoneElse,
    language: context.language,
    ...(message ? { message } : {}),
    consent: true,
    page: context.page,
    widgetVersion: context.widgetVersion,
  };
  if (values.shareAnswers && context.result) {
    const { level, answers, barriers } = context.result;
    request.selfCheck = { level, answers: { ...answers }, barriers: [...barriers] };
  }
  return request;
}
