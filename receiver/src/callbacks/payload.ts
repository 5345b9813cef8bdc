/**
 * The call-back request body of SPEC §4, as a JSON Schema checked strictly: exactly these keys,
 * these types, enums and lengths. The widget's own rules (src/contact/validation.ts) are the
 * same, so everything it sends passes.
 */
import { createHash } from 'node:crypto';

const QUESTION_IDS = ['serious', 'surgery', 'unclear', 'experimental', 'doubts'];
const BARRIER_IDS = ['offend', 'time', 'insurance', 'how', 'none'];
export const BEST_TIMES = ['morning', 'afternoon', 'evening', 'any'] as const;

export type BestTime = (typeof BEST_TIMES)[number];
export type Answer = 'yes' | 'no' | 'unsure';

export interface SelfCheck {
  level: 'recommended' | 'consider' | 'optional';
  answers: Partial<Record<string, Answer>>;
  barriers: string[];
}

export interface CallbackRequest {
  id: string;
  createdAt: string;
  name: string;
  phone?: string;
  email?: string;
  bestTime: BestTime;
  voicemailOk: boolean;
  forSomeoneElse: boolean;
  language: string;
  message?: string;
  consent: true;
  selfCheck?: SelfCheck;
  page: string;
  widgetVersion: string;
}

/** Text with at least one visible character and no control characters but line breaks and tabs. */
const plainText = '^(?=[\\s\\S]*\\S)[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

export const callbackRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'createdAt',
    'name',
    'bestTime',
    'voicemailOk',
    'forSomeoneElse',
    'language',
    'consent',
    'page',
    'widgetVersion',
  ],
  // Phone or email, or both.
  anyOf: [{ required: ['phone'] }, { required: ['email'] }],
  properties: {
    id: { type: 'string', format: 'uuid', maxLength: 36 },
    createdAt: { type: 'string', format: 'date-time', maxLength: 40 },
    name: { type: 'string', minLength: 1, maxLength: 200, pattern: plainText },
    // 7 to 15 digits, and only digits, spaces and + - ( ) .
    phone: { type: 'string', maxLength: 40, pattern: '^[ +\\-().]*(?:[0-9][ +\\-().]*){7,15}$' },
    // One plain address with a dotted domain, as the widget checks it.
    email: {
      type: 'string',
      maxLength: 254,
      pattern: '^[^\\s@\\u0000-\\u001F\\u007F]+@[^\\s@\\u0000-\\u001F\\u007F]+\\.[^\\s@.\\u0000-\\u001F\\u007F]+$',
    },
    bestTime: { enum: BEST_TIMES },
    voicemailOk: { type: 'boolean' },
    forSomeoneElse: { type: 'boolean' },
    // A BCP 47 tag such as en, es-MX or zh-Hant.
    language: { type: 'string', maxLength: 35, pattern: '^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$' },
    message: { type: 'string', minLength: 1, maxLength: 1000, pattern: plainText },
    consent: { const: true },
    selfCheck: {
      type: 'object',
      additionalProperties: false,
      required: ['level', 'answers', 'barriers'],
      properties: {
        level: { enum: ['recommended', 'consider', 'optional'] },
        answers: {
          type: 'object',
          propertyNames: { enum: QUESTION_IDS },
          additionalProperties: { enum: ['yes', 'no', 'unsure'] },
        },
        barriers: { type: 'array', maxItems: BARRIER_IDS.length, uniqueItems: true, items: { enum: BARRIER_IDS } },
      },
    },
    page: { type: 'string', maxLength: 2048, format: 'uri', pattern: '^https?://' },
    widgetVersion: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z.+-]+$' },
  },
} as const;

/** The fields a validator's errors are about, by name only: never a value. */
export function invalidFields(
  errors: ReadonlyArray<{ instancePath: string; keyword: string; params: Record<string, unknown> }>,
): string[] {
  const fields = new Set<string>();
  for (const error of errors) {
    const top = error.instancePath.split('/')[1];
    if (top) fields.add(top);
    else if (error.keyword === 'required') fields.add(String(error.params.missingProperty));
    else if (error.keyword === 'additionalProperties') fields.add(unknownKeyName(error.params.additionalProperty));
    else if (error.keyword === 'anyOf') {
      fields.add('phone');
      fields.add('email');
    }
  }
  // A missing phone and a missing email are one problem, reported once as the pair.
  return [...fields].filter((field) => field !== 'undefined').sort();
}

/**
 * An unknown key is named back only when it looks like a field name: a key is typed by the
 * sender too, and one like `"555 010 4477"` must not come back in the answer.
 */
function unknownKeyName(key: unknown): string {
  return typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,39}$/.test(key) ? key : '(unknown key)';
}

/** JSON with keys in a fixed order, so equal bodies hash equally whatever order they came in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function bodyHash(request: CallbackRequest): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}
