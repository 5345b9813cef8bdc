/**
 * The XLIFF files are up to date with the msg() calls in src/: a message added or reworded
 * without `npm run localize:extract` fails here (the browser tests then check that each file
 * has a translation for every message). Run: node --test test/node/*.test.js
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { config, flattenSource, sourceMessages, xliffUnits } from './catalogue.js';

const messages = sourceMessages();
const expected = messages.map((message) => `${message.id}: ${flattenSource(message)}`).sort();

for (const locale of config.targetLocales) {
  test(`locales/${locale}.xlf has every source message, as worded in src/`, () => {
    const actual = xliffUnits(locale)
      .map((unit) => `${unit.id}: ${unit.source}`)
      .sort();
    assert.deepEqual(actual, expected, 'run npm run localize:extract, then translate the new units');
  });
}
