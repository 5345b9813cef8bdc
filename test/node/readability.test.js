/**
 * The English copy reads plainly (SPEC "Content facts"): Flesch–Kincaid grade 7 or below for
 * the whole, and no sentence of eight or more words above grade 12. Measured with the
 * text-readability library over every patient-facing source message, placeholders filled
 * with sample values; citations and file names are not prose and are left out.
 * Run: node --test test/node/*.test.js
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import readability from 'text-readability';
import { sourceMessages } from './catalogue.js';

const MAX_GRADE_WHOLE = 7;
const MAX_GRADE_SENTENCE = 12;
const LONG_SENTENCE_WORDS = 8;

const NOT_PROSE = /(^|\.)citation$|^study\.source$|^result\.save\.filename$/;

/** What a patient would see in place of each placeholder. */
function sample(expression) {
  const percent = /pct\(([\d.]+)\)/.exec(expression);
  if (percent) return `${Math.round(Number(percent[1]) * 100)}%`;
  const samples = {
    patients: '286',
    people: '149',
    changed: '77',
    clinicName: 'Riverside Clinic',
    reviewed: 'November 2026',
    when: 'in 5 seconds',
    phone: '555 010 4477',
    email: 'care@example.org',
    reference: 'R-2048',
    total: '5',
    number: '2',
    left: '120',
  };
  const name = Object.keys(samples).find((key) => new RegExp(`\\b${key}\\b`).test(expression));
  return name ? samples[name] : '5';
}

const texts = sourceMessages()
  .filter((message) => !NOT_PROSE.test(message.id))
  .map((message) => {
    const text = message.contents
      .map((part) => (typeof part === 'string' ? part : sample(part.expression)))
      .join('')
      .trim();
    // A label or heading is a sentence of its own.
    return { id: message.id, text: /[.?!…]$/.test(text) ? text : `${text.replace(/:$/, '')}.` };
  });

const sentences = texts.flatMap(({ id, text }) =>
  text.split(/(?<=[.?!…])\s+/).map((sentence) => ({
    id,
    sentence,
    words: readability.lexiconCount(sentence),
    grade: readability.fleschKincaidGrade(sentence),
  })),
);

test(`the English copy as a whole is at Flesch–Kincaid grade ${MAX_GRADE_WHOLE} or below`, (t) => {
  const whole = texts.map(({ text }) => text).join(' ');
  const grade = readability.fleschKincaidGrade(whole);
  t.diagnostic(
    `Flesch–Kincaid grade ${grade} over ${texts.length} messages, ${readability.lexiconCount(whole)} words, ` +
      `${readability.sentenceCount(whole)} sentences; Flesch reading ease ${readability.fleschReadingEase(whole)}`,
  );
  assert.ok(grade <= MAX_GRADE_WHOLE, `grade ${grade} is above ${MAX_GRADE_WHOLE}`);
});

test(`no English sentence of ${LONG_SENTENCE_WORDS} or more words is above grade ${MAX_GRADE_SENTENCE}`, (t) => {
  const long = sentences.filter(({ words }) => words >= LONG_SENTENCE_WORDS).sort((a, b) => b.grade - a.grade);
  for (const { id, sentence, grade } of long.slice(0, 5)) t.diagnostic(`grade ${grade}: ${sentence} (${id})`);
  const hard = long.filter(({ grade }) => grade > MAX_GRADE_SENTENCE);
  assert.deepEqual(
    hard.map(({ id, sentence, grade }) => `${id}: grade ${grade}: ${sentence}`),
    [],
    'reword these sentences: shorter, with shorter words',
  );
});
