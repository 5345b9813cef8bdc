// The inbox's small rules on their own: the lockout window, days in the clinic's time zone,
// phone links and language names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startOfDay } from '../dist/inbox/audit-page.js';
import { lockedUntil } from '../dist/inbox/lockout.js';
import { language, telHref } from '../dist/inbox/present.js';

const MINUTE = 60_000;

test('5 failures within 15 minutes lock for 15 minutes from the fifth; spread wider, they do not', () => {
  const start = Date.parse('2026-11-29T10:00:00Z');
  const at = (...minutes) => minutes.map((minute) => start + minute * MINUTE);
  assert.equal(lockedUntil(at(0, 1, 2, 3)), 0, 'four failures never lock');
  assert.equal(lockedUntil(at(0, 1, 2, 3, 4)), start + 19 * MINUTE);
  assert.equal(lockedUntil(at(0, 5, 10, 14, 15)), start + 30 * MINUTE, 'exactly 15 minutes apart still counts');
  assert.equal(lockedUntil(at(0, 5, 10, 14, 16)), 0, 'the first has left the window');
  assert.equal(lockedUntil(at(0, 5, 10, 14, 16, 17)), start + 32 * MINUTE);
});

test('a date in the audit filter is a day in the clinic time zone, daylight saving included', () => {
  assert.equal(startOfDay('2026-11-29', 'UTC').toISOString(), '2026-11-29T00:00:00.000Z');
  assert.equal(startOfDay('2026-11-29', 'America/Chicago').toISOString(), '2026-11-29T06:00:00.000Z');
  assert.equal(startOfDay('2026-07-01', 'America/Chicago').toISOString(), '2026-07-01T05:00:00.000Z');
  // Clocks go forward at 02:00 on 8 March 2026 in Chicago: midnight is still CST.
  assert.equal(startOfDay('2026-03-08', 'America/Chicago').toISOString(), '2026-03-08T06:00:00.000Z');
  assert.equal(startOfDay('2026-03-09', 'America/Chicago').toISOString(), '2026-03-09T05:00:00.000Z');
  assert.equal(startOfDay('2026-01-01', 'Asia/Kolkata').toISOString(), '2025-12-31T18:30:00.000Z');
  assert.equal(startOfDay('2026-04-05', 'Australia/Sydney').toISOString(), '2026-04-04T13:00:00.000Z');
});

test('phone links keep a leading plus and digits only; languages by English name, interpreter unless English', () => {
  assert.equal(telHref('+1 (555) 010-4477'), 'tel:+15550104477');
  assert.equal(telHref('555.010.4477'), 'tel:5550104477');
  assert.equal(telHref(' +44 20 7946 0958'), 'tel:+442079460958');
  assert.deepEqual(language('es'), { tag: 'es', name: 'Spanish', needsInterpreter: true });
  assert.deepEqual(language('zh-Hant'), { tag: 'zh-Hant', name: 'Traditional Chinese', needsInterpreter: true });
  assert.deepEqual(language('en'), { tag: 'en', name: 'English', needsInterpreter: false });
  assert.deepEqual(language('EN-gb'), { tag: 'EN-gb', name: 'British English', needsInterpreter: false });
  assert.equal(language('ar').name, 'Arabic');
});
