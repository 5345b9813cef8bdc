/** Public data types of second-opinion-check. Plain data only: no DOM, no strings for people. */

/** The ids of the default questions, in their default order. */
export const QUESTION_IDS = ['serious', 'surgery', 'unclear', 'experimental', 'doubts'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export type Answer = 'yes' | 'no' | 'unsure';

export const BARRIER_IDS = ['offend', 'time', 'insurance', 'how', 'none'] as const;
export type BarrierId = (typeof BARRIER_IDS)[number];

export type ResultLevel = 'recommended' | 'consider' | 'optional';

/** What `element.result` holds once a result is shown. */
export interface SelfCheckResult {
  level: ResultLevel;
  /** The question ids whose answers led to `level`, in question order. */
  reasons: QuestionId[];
  answers: Partial<Record<QuestionId, Answer>>;
  barriers: BarrierId[];
}

export type Step = 'intro' | 'question' | 'barriers' | 'result' | 'contact';
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
export const VARIANTS = ['inline', 'launcher'] as const;
export type Variant = (typeof VARIANTS)[number];

export type BestTime = 'morning' | 'afternoon' | 'evening' | 'any';

/** The JSON body of a call-back request (SPEC §4). No other keys are ever sent. */
export interface ContactRequest {
  /** A random UUID made once per request and reused on every retry; also the Idempotency-Key. */
  id: string;
  /** ISO 8601 time the patient pressed Send. */
  createdAt: string;
  name: string;
  phone?: string;
  email?: string;
  bestTime: BestTime;
  voicemailOk: boolean;
  forSomeoneElse: boolean;
  /** The UI's BCP 47 language tag. */
  language: string;
  message?: string;
  consent: true;
  /** Only when the patient ticked "share my answers". */
  selfCheck?: Pick<SelfCheckResult, 'level' | 'answers' | 'barriers'>;
  /** The host page's origin and path, never its query or hash. */
  page: string;
  widgetVersion: string;
}
