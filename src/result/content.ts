/** The result's text and figures: headings, reasons, steps, the studies (SPEC §2 content facts). */
import { msg, str } from '@lit/localize';
import type { Answer, BarrierId, QuestionId, ResultLevel } from '../types.ts';

/** The date the patient-facing content was last checked against its sources. */
export const CONTENT_REVIEWED = new Date(Date.UTC(2026, 10, 1));

/** Intl formatters are costly to make and cheap to keep: one set per locale. */
const formatCache = new Map<
  string,
  { percent: Intl.NumberFormat; number: Intl.NumberFormat; month: Intl.DateTimeFormat }
>();

function formats(locale: string) {
  let cached = formatCache.get(locale);
  if (!cached) {
    cached = {
      percent: new Intl.NumberFormat(locale, { style: 'percent' }),
      number: new Intl.NumberFormat(locale),
      month: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    };
    formatCache.set(locale, cached);
  }
  return cached;
}

/** "November 2026" in the patient's language. */
export const reviewedDate = (locale: string) => formats(locale).month.format(CONTENT_REVIEWED);

/**
 * Makes the result's formatters when the page is idle, while the patient answers: they cost
 * ~10 ms the first time, so showing the result stays quick.
 */
export function warmResultFormats(locale: string): void {
  (window.requestIdleCallback ?? setTimeout)(() => formats(locale));
}

export function levelHeading(level: ResultLevel): string {
  switch (level) {
    case 'recommended':
      return msg('A second opinion is a good idea for you', { id: 'result.recommended.heading' });
    case 'consider':
      return msg('You may want to think about a second opinion', { id: 'result.consider.heading' });
    case 'optional':
      return msg('A second opinion is up to you', { id: 'result.optional.heading' });
  }
}

export function levelSummary(level: ResultLevel): string {
  switch (level) {
    case 'recommended':
      return msg(
        'Based on your answers, another doctor could check your diagnosis and plan. Asking for one is common.',
        {
          id: 'result.recommended.summary',
        },
      );
    case 'consider':
      return msg('Based on your answers, a second opinion could help you feel more sure about your care.', {
        id: 'result.consider.summary',
      });
    case 'optional':
      return msg('You answered No to every question. You can always ask for a second opinion, at any time.', {
        id: 'result.optional.summary',
      });
  }
}

/** One plain sentence for an answer that led to the result. */
export function reasonText(id: QuestionId, answer: Answer): string {
  if (answer === 'unsure') {
    switch (id) {
      case 'serious':
        return msg('You are not sure how serious your illness is.', { id: 'reason.serious.unsure' });
      case 'surgery':
        return msg('You are not sure if surgery is part of your plan.', { id: 'reason.surgery.unsure' });
      case 'unclear':
        return msg('You are not sure if your diagnosis is clear.', { id: 'reason.unclear.unsure' });
      case 'experimental':
        return msg('You are not sure about a new or trial treatment.', { id: 'reason.experimental.unsure' });
      case 'doubts':
        return msg('You are not sure how you feel about your treatment plan.', { id: 'reason.doubts.unsure' });
    }
  }
  switch (id) {
    case 'serious':
      return msg('You were told you have a serious, rare or complex illness.', { id: 'reason.serious.yes' });
    case 'surgery':
      return msg('Your doctor suggested surgery that is not an emergency.', { id: 'reason.surgery.yes' });
    case 'unclear':
      return msg('You are still unsure of your exact diagnosis.', { id: 'reason.unclear.yes' });
    case 'experimental':
      return msg('You are thinking about an experimental treatment or a trial.', { id: 'reason.experimental.yes' });
    case 'doubts':
      return msg('You have questions or doubts about your treatment plan.', { id: 'reason.doubts.yes' });
  }
}

/** Reassurance for a barrier the patient picked; `none` needs none. */
export function barrierReassurance(id: BarrierId): string | undefined {
  switch (id) {
    case 'offend':
      return msg('Doctors are used to second opinions. Asking for one is a normal part of care.', {
        id: 'reassure.offend',
      });
    case 'time':
      return msg(
        'A second opinion can often be done by reviewing your records, sometimes without travel. Ask the clinic how it works.',
        {
          id: 'reassure.time',
        },
      );
    case 'insurance':
      return msg(
        'Many health plans pay for a second opinion. Call your plan to check. Medicare Part B usually covers one before surgery that is not an emergency.',
        {
          id: 'reassure.insurance',
        },
      );
    case 'how':
      return msg(
        'The steps below show you how to start. Your records can usually be sent from one office to the other.',
        {
          id: 'reassure.how',
        },
      );
    case 'none':
      return undefined;
  }
}

export const nextSteps = (): string[] => [
  msg('Tell your doctor you want a second opinion.', { id: 'step.tell' }),
  msg('Ask your insurance company what your plan covers.', { id: 'step.insurance' }),
  msg('Choose a specialist. You can find one yourself or pick from your insurance list.', { id: 'step.choose' }),
  msg('Collect your records, test results and list of medicines, or have them sent.', { id: 'step.records' }),
];

export const doctorScript = (): string =>
  msg('I want to confirm my diagnosis, understand all my options, and feel sure about my care.', {
    id: 'talk.script',
  });

export const visitQuestions = (): string[] => [
  msg('Do you agree with my diagnosis?', { id: 'visit.agree' }),
  msg('What treatment would you suggest, and why?', { id: 'visit.treatment' }),
  msg('What are all my options, including clinical trials?', { id: 'visit.options' }),
  msg('What are the risks and benefits of each choice?', { id: 'visit.risks' }),
  msg('Is it safe to wait a few weeks to decide?', { id: 'visit.wait' }),
];

export const waitNote = (): string =>
  msg(
    'For most cancers, a short wait to get a second opinion does not change the outcome. But ask about your own case.',
    {
      id: 'visit.wait.note',
    },
  );

export interface Study {
  key: 'mayo' | 'michigan';
  summary: string;
  caveat?: string;
  citation: string;
  year: number;
  /** Shares shown in the picture, as fractions that add up to the whole studied. */
  parts: { share: number; label: string }[];
}

/** The evidence, worded so it never overstates (see SPEC "Content facts"). */
export function studies(locale: string): Study[] {
  const pct = (share: number) => formats(locale).percent.format(share);
  const num = (n: number) => formats(locale).number.format(n);
  const patients = num(286);
  const changed = num(77);
  const people = num(149);
  return [
    {
      key: 'mayo',
      summary: msg(
        str`Mayo Clinic looked at the records of ${patients} patients sent by their regular doctors to its internal medicine team in 2009 and 2010. They had many kinds of health problems, not only cancer. The study compared the diagnosis they came with to the one Mayo’s doctors made.`,
        { id: 'study.mayo.summary' },
      ),
      caveat: msg(
        str`These patients were sent for a review. So this does not mean that ${pct(0.21)} of all diagnoses are wrong.`,
        {
          id: 'study.mayo.caveat',
        },
      ),
      citation: msg('Van Such, Lohr, Beckman and Naessens. Journal of Evaluation in Clinical Practice.', {
        id: 'study.mayo.citation',
      }),
      year: 2017,
      parts: [
        {
          share: 0.21,
          label: msg(str`${pct(0.21)} of these patients: the final diagnosis was clearly different`, {
            id: 'study.mayo.different',
          }),
        },
        {
          share: 0.66,
          label: msg(str`${pct(0.66)} of these patients: the diagnosis was made more exact or changed in part`, {
            id: 'study.mayo.refined',
          }),
        },
        {
          share: 0.12,
          label: msg(str`${pct(0.12)} of these patients: the diagnosis stayed the same`, { id: 'study.mayo.same' }),
        },
      ],
    },
    {
      key: 'michigan',
      summary: msg(
        str`At the University of Michigan, ${people} people with breast cancer were sent to a team of experts for a second review.`,
        { id: 'study.michigan.summary' },
      ),
      caveat: msg('For some, the change was an extra biopsy or treatment before surgery.', {
        id: 'study.michigan.caveat',
      }),
      citation: msg('Newman and others. The journal Cancer.', { id: 'study.michigan.citation' }),
      year: 2006,
      parts: [
        {
          share: 0.52,
          label: msg(str`${changed} people (${pct(0.52)}): the surgery plan changed`, {
            id: 'study.michigan.changed',
          }),
        },
        {
          share: 0.48,
          label: msg(str`${pct(0.48)}: the surgery plan stayed the same`, { id: 'study.michigan.same' }),
        },
      ],
    },
  ];
}

/** For `optional` the steps are what to do if the patient decides to get one (SPEC §2.3). */
export const stepsHeading = (level: ResultLevel) =>
  level === 'optional'
    ? msg('If you decide to get a second opinion', { id: 'result.steps.optional' })
    : msg('Your next steps', { id: 'result.steps' });
export const talkHeading = () => msg('How to bring it up with your doctor', { id: 'talk.heading' });
export const visitHeading = () => msg('Questions to ask at your second-opinion visit', { id: 'visit.heading' });
