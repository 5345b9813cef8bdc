import { expect } from '@open-wc/testing';
import {
  BEST_TIMES,
  buildContactRequest,
  emptyContactForm,
  isValidEmail,
  isValidPhone,
  MESSAGE_MAX_LENGTH,
  validateContactForm,
  type ContactFormValues,
  type RequestContext,
} from '../src/contact/validation.ts';
import type { SelfCheckResult } from '../src/types.ts';

const filled = (values: Partial<ContactFormValues> = {}): ContactFormValues => ({
  ...emptyContactForm(),
  name: 'Ana Pérez',
  phone: '555 010 4477',
  consent: true,
  ...values,
});

const RESULT: SelfCheckResult = {
  level: 'recommended',
  reasons: ['surgery'],
  answers: { serious: 'no', surgery: 'yes', unclear: 'unsure', experimental: 'no', doubts: 'no' },
  barriers: ['time', 'insurance'],
};

const NOW = new Date('2026-03-04T05:06:07.089Z');

const context = (more: Partial<RequestContext> = {}): RequestContext => ({
  id: '0b6f1a52-3c2d-4e5f-8a9b-0c1d2e3f4a5b',
  language: 'es',
  page: 'https://clinic.example/second-opinion',
  widgetVersion: '9.8.7',
  result: null,
  now: NOW,
  ...more,
});

const REQUIRED_KEYS = [
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
];

describe('isValidPhone', () => {
  const valid = [
    '1234567', // 7 digits, the fewest
    '123456789012345', // 15 digits, the most
    '555 010 4477',
    '+1 (555) 010-4477',
    '555.010.4477',
    '+44 20 7946 0958',
    '  555 010 4477  ', // spaces around are trimmed
    '(0) 555-010-4477',
  ];
  for (const phone of valid) {
    it(`accepts ${JSON.stringify(phone)}`, () => {
      expect(isValidPhone(phone)).to.equal(true);
    });
  }

  const invalid: [string, string][] = [
    ['', 'empty'],
    ['   ', 'only spaces'],
    ['123456', '6 digits'],
    ['1234567890123456', '16 digits'],
    ['+() -. ', 'no digits'],
    ['1-800-FLOWERS', 'letters'],
    ['555 010 4477 ext 2', 'letters after the number'],
    ['555o1o4477', 'letter o for zero'],
    ['555/010/4477', 'a slash'],
    ['555_010_4477', 'an underscore'],
    ['555#0104477', 'a hash'],
    ['+1 555 010 4477, 555 010 4478', 'a comma'],
    ['５５５０１０４４７７', 'full-width digits'],
  ];
  for (const [phone, why] of invalid) {
    it(`refuses ${JSON.stringify(phone)} (${why})`, () => {
      expect(isValidPhone(phone)).to.equal(false);
    });
  }
});

describe('isValidEmail', () => {
  for (const email of ['name@example.com', 'a.b+c@mail.example.co.uk', ' name@example.com ', 'x@y.io']) {
    it(`accepts ${JSON.stringify(email)}`, () => {
      expect(isValidEmail(email)).to.equal(true);
    });
  }
  const invalid = [
    '',
    'name',
    'name@',
    '@example.com',
    'name@example',
    'name@@example.com',
    'na me@example.com',
    'name@exa mple.com',
    'name@example.',
    'name@.com',
    'name@example.com, other@example.com',
  ];
  for (const email of invalid) {
    it(`refuses ${JSON.stringify(email)}`, () => {
      expect(isValidEmail(email)).to.equal(false);
    });
  }
});

describe('validateContactForm', () => {
  it('the empty form needs a name, a phone or email, and consent, in form order', () => {
    const errors = validateContactForm(emptyContactForm());
    expect(errors).to.deep.equal({
      name: 'name-missing',
      phone: 'phone-or-email-missing',
      consent: 'consent-missing',
    });
    expect(Object.keys(errors)).to.deep.equal(['name', 'phone', 'consent']);
  });

  it('a filled form has no errors, with a phone, an email, or both', () => {
    expect(validateContactForm(filled())).to.deep.equal({});
    expect(validateContactForm(filled({ phone: '', email: 'ana@example.com' }))).to.deep.equal({});
    expect(validateContactForm(filled({ email: 'ana@example.com' }))).to.deep.equal({});
  });

  it('a name of only spaces is missing', () => {
    expect(validateContactForm(filled({ name: '   \t ' }))).to.deep.equal({ name: 'name-missing' });
  });

  it('a phone and email of only spaces count as missing', () => {
    expect(validateContactForm(filled({ phone: '   ', email: ' ' }))).to.deep.equal({
      phone: 'phone-or-email-missing',
    });
  });

  it('an invalid phone is an error even when a valid email is given', () => {
    expect(validateContactForm(filled({ phone: '555-CALL', email: 'ana@example.com' }))).to.deep.equal({
      phone: 'phone-invalid',
    });
  });

  it('an invalid email is an error even when a valid phone is given', () => {
    expect(validateContactForm(filled({ email: 'ana@example' }))).to.deep.equal({ email: 'email-invalid' });
  });

  it('an invalid phone and an invalid email are both reported', () => {
    expect(validateContactForm(filled({ phone: '12345', email: 'ana' }))).to.deep.equal({
      phone: 'phone-invalid',
      email: 'email-invalid',
    });
  });

  it(`a message of ${MESSAGE_MAX_LENGTH} characters is fine, one more is too long`, () => {
    expect(MESSAGE_MAX_LENGTH).to.equal(1000);
    expect(validateContactForm(filled({ message: 'x'.repeat(1000) }))).to.deep.equal({});
    expect(validateContactForm(filled({ message: 'x'.repeat(1001) }))).to.deep.equal({
      message: 'message-too-long',
    });
  });

  it('consent is required', () => {
    expect(validateContactForm(filled({ consent: false }))).to.deep.equal({ consent: 'consent-missing' });
  });

  it('lists every kind of error at once, in form order', () => {
    const errors = validateContactForm({
      ...emptyContactForm(),
      phone: '12',
      email: 'nope',
      message: 'x'.repeat(1001),
    });
    expect(Object.entries(errors)).to.deep.equal([
      ['name', 'name-missing'],
      ['phone', 'phone-invalid'],
      ['email', 'email-invalid'],
      ['message', 'message-too-long'],
      ['consent', 'consent-missing'],
    ]);
  });

  it('the honeypot, best time and the other boxes are not validated', () => {
    expect(
      validateContactForm(filled({ honeypot: 'http://spam.example', bestTime: 'evening', voicemailOk: true })),
    ).to.deep.equal({});
  });
});

describe('buildContactRequest', () => {
  it('has exactly the required keys when only a name and a phone are given', () => {
    const request = buildContactRequest(filled(), context());
    expect(Object.keys(request).sort()).to.deep.equal([...REQUIRED_KEYS, 'phone'].sort());
    expect(request).to.deep.equal({
      id: '0b6f1a52-3c2d-4e5f-8a9b-0c1d2e3f4a5b',
      createdAt: '2026-03-04T05:06:07.089Z',
      name: 'Ana Pérez',
      phone: '555 010 4477',
      bestTime: 'any',
      voicemailOk: false,
      forSomeoneElse: false,
      language: 'es',
      consent: true,
      page: 'https://clinic.example/second-opinion',
      widgetVersion: '9.8.7',
    });
  });

  it('adds email and message only when they are filled, and trims every text', () => {
    const request = buildContactRequest(
      filled({
        name: '  Ana Pérez \n',
        phone: ' +1 (555) 010-4477 ',
        email: '  ana@example.com\t',
        message: '\n  Call after 3, please.  \n',
        bestTime: 'evening',
        voicemailOk: true,
        forSomeoneElse: true,
      }),
      context(),
    );
    expect(request).to.deep.equal({
      id: '0b6f1a52-3c2d-4e5f-8a9b-0c1d2e3f4a5b',
      createdAt: '2026-03-04T05:06:07.089Z',
      name: 'Ana Pérez',
      phone: '+1 (555) 010-4477',
      email: 'ana@example.com',
      bestTime: 'evening',
      voicemailOk: true,
      forSomeoneElse: true,
      language: 'es',
      message: 'Call after 3, please.',
      consent: true,
      page: 'https://clinic.example/second-opinion',
      widgetVersion: '9.8.7',
    });
  });

  it('leaves out phone, email and message when they are empty or only spaces', () => {
    const onlyEmail = buildContactRequest(
      filled({ phone: '   ', email: 'ana@example.com', message: ' \n ' }),
      context(),
    );
    expect(Object.keys(onlyEmail).sort()).to.deep.equal([...REQUIRED_KEYS, 'email'].sort());
    const onlyPhone = buildContactRequest(filled({ email: '', message: '' }), context());
    expect(Object.keys(onlyPhone).sort()).to.deep.equal([...REQUIRED_KEYS, 'phone'].sort());
  });

  it('never sends the honeypot or the share box itself', () => {
    const request = buildContactRequest(filled({ honeypot: 'spam', shareAnswers: true }), context());
    expect(request).to.not.have.any.keys('honeypot', 'website', 'shareAnswers');
    expect(Object.keys(request).sort()).to.deep.equal([...REQUIRED_KEYS, 'phone'].sort());
  });

  it('adds selfCheck {level, answers, barriers} only when the share box is ticked and a result exists', () => {
    const shared = buildContactRequest(filled({ shareAnswers: true }), context({ result: RESULT }));
    expect(Object.keys(shared).sort()).to.deep.equal([...REQUIRED_KEYS, 'phone', 'selfCheck'].sort());
    expect(shared.selfCheck).to.deep.equal({
      level: 'recommended',
      answers: { serious: 'no', surgery: 'yes', unclear: 'unsure', experimental: 'no', doubts: 'no' },
      barriers: ['time', 'insurance'],
    });
    expect(shared.selfCheck, 'no reasons: only what the SPEC names').to.not.have.property('reasons');

    const notTicked = buildContactRequest(filled({ shareAnswers: false }), context({ result: RESULT }));
    expect(notTicked).to.not.have.property('selfCheck');
    const noResult = buildContactRequest(filled({ shareAnswers: true }), context({ result: null }));
    expect(noResult).to.not.have.property('selfCheck');
  });

  it('copies the result, so a later change to it does not change the request', () => {
    const result = structuredClone(RESULT);
    const request = buildContactRequest(filled({ shareAnswers: true }), context({ result }));
    result.answers.surgery = 'no';
    result.barriers.push('how');
    expect(request.selfCheck!.answers.surgery).to.equal('yes');
    expect(request.selfCheck!.barriers).to.deep.equal(['time', 'insurance']);
  });

  it('always says consent: true, and survives JSON unchanged (no undefined values)', () => {
    const request = buildContactRequest(
      filled({ email: 'ana@example.com', shareAnswers: true }),
      context({ result: RESULT }),
    );
    expect(request.consent).to.equal(true);
    expect(JSON.parse(JSON.stringify(request))).to.deep.equal(request);
    expect(Object.values(request)).to.not.include(undefined);
  });

  it('stamps createdAt with the current time when no time is given', () => {
    const before = Date.now();
    const request = buildContactRequest(filled(), context({ now: undefined }));
    const after = Date.now();
    expect(request.createdAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const time = Date.parse(request.createdAt);
    expect(time).to.be.within(before, after);
  });

  it('sends each best time as given; the default is any', () => {
    expect(BEST_TIMES).to.deep.equal(['morning', 'afternoon', 'evening', 'any']);
    expect(emptyContactForm().bestTime).to.equal('any');
    for (const bestTime of BEST_TIMES) {
      expect(buildContactRequest(filled({ bestTime }), context()).bestTime).to.equal(bestTime);
    }
  });
});
