// The bad-input matrix of SPEC §4 and §10, shared by the API and log tests: bodies with
// distinctive values, so any echo of them in an answer or a log line is easy to spot.
import { validBody } from './receiver.js';

export const MARK = {
  name: 'Zebulon Quartermaine-Marker',
  phone: '+1 555 0199 873',
  email: 'zq.marker@example.org',
  message: 'Marker message: about my biopsy result',
};
export const marked = (overrides = {}) =>
  validBody({ name: MARK.name, phone: MARK.phone, email: MARK.email, message: MARK.message, ...overrides });

/** [title, body overrides, the fields the 422 must name] */
export const INVALID_BODIES = [
  ['an unknown key', { ssnNumber: '123-45-6789' }, ['ssnNumber']],
  ['an unknown key that holds data itself', { '+1 555 0100 999': true }, ['(unknown key)']],
  ['no name', { name: undefined }, ['name']],
  ['an empty name', { name: '' }, ['name']],
  ['a name of spaces only', { name: '    ' }, ['name']],
  ['a name over 200 characters', { name: `${MARK.name} ${'x'.repeat(200)}` }, ['name']],
  ['a name with a control character', { name: `${MARK.name}\u0007` }, ['name']],
  ['a name that is a number', { name: 4242424 }, ['name']],
  ['a phone with letters', { phone: '555-CALL-NOW-1' }, ['phone']],
  ['a phone with 6 digits', { phone: '555 019' }, ['phone']],
  ['a phone with 16 digits', { phone: '+1 555 0199 8731 2345' }, ['phone']],
  ['a phone with a slash', { phone: '555/0199/8731' }, ['phone']],
  ['an email without @', { email: 'zq.marker.example.org' }, ['email']],
  ['an email without a dotted domain', { email: 'zq.marker@localhost' }, ['email']],
  ['an email with a space', { email: 'zq marker@example.org' }, ['email']],
  ['two email addresses', { email: 'zq.marker@example.org,b@example.org' }, ['email']],
  ['neither phone nor email', { phone: undefined, email: undefined }, ['email', 'phone']],
  ['a bestTime outside the list', { bestTime: 'midnight-marker' }, ['bestTime']],
  ['no bestTime', { bestTime: undefined }, ['bestTime']],
  ['voicemailOk as a string', { voicemailOk: 'true' }, ['voicemailOk']],
  ['forSomeoneElse as a number', { forSomeoneElse: 1 }, ['forSomeoneElse']],
  ['consent false', { consent: false }, ['consent']],
  ['consent as a string', { consent: 'yes' }, ['consent']],
  ['no consent', { consent: undefined }, ['consent']],
  ['a message over 1000 characters', { message: `${MARK.message} ${'y'.repeat(1000)}` }, ['message']],
  ['a message that is an object', { message: { text: MARK.message } }, ['message']],
  ['a language that is not a tag', { language: 'english please' }, ['language']],
  ['an empty language', { language: '' }, ['language']],
  ['a javascript: page', { page: 'javascript:alert(document.cookie)' }, ['page']],
  ['an ftp page', { page: 'ftp://clinic.example/marker' }, ['page']],
  ['a page that is not a URL', { page: 'the clinic website marker' }, ['page']],
  ['selfCheck with a bad level', { selfCheck: { level: 'urgent', answers: {}, barriers: [] } }, ['selfCheck']],
  [
    'selfCheck with an unknown question',
    { selfCheck: { level: 'optional', answers: { diagnosisText: 'yes' }, barriers: [] } },
    ['selfCheck'],
  ],
  [
    'selfCheck with a free-text answer',
    { selfCheck: { level: 'optional', answers: { serious: 'stage 3 marker' }, barriers: [] } },
    ['selfCheck'],
  ],
  [
    'selfCheck barriers as a string',
    { selfCheck: { level: 'optional', answers: {}, barriers: 'time' } },
    ['selfCheck'],
  ],
  [
    'selfCheck with repeated barriers',
    { selfCheck: { level: 'optional', answers: {}, barriers: ['time', 'time'] } },
    ['selfCheck'],
  ],
  [
    'selfCheck with an extra key',
    { selfCheck: { level: 'optional', answers: {}, barriers: [], notes: 'marker notes' } },
    ['selfCheck'],
  ],
  ['selfCheck null', { selfCheck: null }, ['selfCheck']],
  ['a createdAt that is not a time', { createdAt: 'yesterday marker' }, ['createdAt']],
  ['no widgetVersion', { widgetVersion: undefined }, ['widgetVersion']],
  [
    'several problems at once',
    { name: '', phone: 'abc', bestTime: 'x', consent: false },
    ['bestTime', 'consent', 'name', 'phone'],
  ],
];
