/**
 * A stored request as the front desk reads it: times in the clinic's time zone, the language by
 * its English name, the phone as a dialable link, the shared self-check in words. Values only:
 * the templates escape everything they print.
 */
import { referenceOf } from '../callbacks/store.js';
import type { CallbackRow, RequestStatus } from '../db/schema.js';

export const STATUSES: readonly RequestStatus[] = ['new', 'called', 'closed'];

const BEST_TIME_WORDS: Record<string, string> = {
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
  any: 'Any time',
};

// The widget's English wording (src/questionnaire/questions.ts, src/result/content.ts).
const QUESTION_WORDS: Record<string, string> = {
  serious: 'Were you told you have a serious, rare or complex illness, such as cancer?',
  surgery: 'Has your doctor suggested surgery that is not an emergency?',
  unclear: 'Are you still unsure what your exact diagnosis is?',
  experimental: 'Are you thinking about an experimental treatment or a clinical trial?',
  doubts: 'Do you have questions or doubts about your treatment plan, or want to hear all your options?',
};
const ANSWER_WORDS: Record<string, string> = { yes: 'Yes', no: 'No', unsure: 'Not sure' };
const LEVEL_WORDS: Record<string, string> = {
  recommended: 'A second opinion is a good idea for you',
  consider: 'You may want to think about a second opinion',
  optional: 'A second opinion is up to you',
};
const BARRIER_WORDS: Record<string, string> = {
  offend: 'I am worried about upsetting my doctor',
  time: 'I do not have time',
  insurance: 'I am not sure my insurance will pay',
  how: 'I do not know how to start',
  none: 'Nothing is holding me back',
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

export interface Language {
  tag: string;
  name: string;
  /** Not English: the front desk should arrange an interpreter. */
  needsInterpreter: boolean;
}

export function language(tag: string): Language {
  let name = tag;
  try {
    name = languageNames.of(tag) ?? tag;
  } catch {
    // not a tag Intl knows: shown as sent
  }
  return { tag, name, needsInterpreter: tag.split('-')[0]!.toLowerCase() !== 'en' };
}

/** `+1 (555) 010-4477` → `tel:+15550104477`: a plus when there was one, then digits only. */
export function telHref(phone: string): string {
  return `tel:${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`;
}

export interface TimeFormatter {
  /** `Nov 29, 2026, 9:05 AM CST`, in the clinic's time zone. */
  (iso: string): string;
}

export function timeFormatter(timeZone: string): TimeFormatter {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return (iso) => format.format(new Date(iso));
}

export interface SelfCheckWords {
  level: string;
  answers: { question: string; answer: string }[];
  barriers: string[];
}

/** The shared self-check in the widget's English words; undefined when none was shared. */
export function selfCheckWords(json: string | null): SelfCheckWords | undefined {
  if (json === null) return undefined;
  const selfCheck = JSON.parse(json) as { level: string; answers: Record<string, string>; barriers: string[] };
  return {
    level: LEVEL_WORDS[selfCheck.level] ?? selfCheck.level,
    answers: Object.entries(selfCheck.answers).map(([id, answer]) => ({
      question: QUESTION_WORDS[id] ?? id,
      answer: ANSWER_WORDS[answer] ?? answer,
    })),
    barriers: selfCheck.barriers.map((id) => BARRIER_WORDS[id] ?? id),
  };
}

export interface RequestView {
  reference: string;
  status: RequestStatus;
  receivedAt: string;
  receivedAtText: string;
  createdAtText: string;
  name: string;
  phone: string | null;
  phoneHref: string | null;
  email: string | null;
  bestTime: string;
  voicemailOk: boolean;
  forSomeoneElse: boolean;
  language: Language;
  message: string | null;
  hasMessage: boolean;
  hasSelfCheck: boolean;
  selfCheck: SelfCheckWords | undefined;
  page: string;
  widgetVersion: string;
  closedAtText: string | null;
}

export function requestView(row: CallbackRow, formatTime: TimeFormatter): RequestView {
  return {
    reference: referenceOf(row),
    status: row.status,
    receivedAt: row.received_at,
    receivedAtText: formatTime(row.received_at),
    createdAtText: formatTime(row.created_at),
    name: row.name,
    phone: row.phone,
    phoneHref: row.phone === null ? null : telHref(row.phone),
    email: row.email,
    bestTime: BEST_TIME_WORDS[row.best_time] ?? row.best_time,
    voicemailOk: row.voicemail_ok === 1,
    forSomeoneElse: row.for_someone_else === 1,
    language: language(row.language),
    message: row.message,
    hasMessage: row.message !== null,
    hasSelfCheck: row.self_check !== null,
    selfCheck: selfCheckWords(row.self_check),
    page: row.page,
    widgetVersion: row.widget_version,
    closedAtText: row.closed_at === null ? null : formatTime(row.closed_at),
  };
}
