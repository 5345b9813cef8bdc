#!/usr/bin/env node
/**
 * Writes the designers' pseudo-locale, `en-XA`, to src/generated/pseudo/en-XA.ts.
 *
 * Every English message comes out accented, bracketed and about 35 % longer, for example
 * "[Ŝĥöûļð Î ĝéţ å šéçöñð öþîñîöñ? ·········]": a layout that clips or wraps badly, a string
 * that skipped msg(), or text cut in two shows at a glance. Placeholders (numbers, the clinic's
 * name, links) are left exactly as they are.
 *
 * The messages are read from src/ with the same analysis `lit-localize extract` uses, and the
 * module is written by lit-localize's own runtime-mode writer, so it has the shape of the
 * shipped locale modules. It is not shipped: only src/i18n/locale-modules.dev.ts imports it,
 * and only the demo and Storybook alias that table in (see docs/languages.md).
 *
 * Usage: node scripts/pseudo-locale.js   (also run by `npm run localize:build`)
 */
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { fileURLToPath } from 'node:url';

export const PSEUDO_LOCALE = 'en-XA';
const OUTPUT_DIR = './src/generated/pseudo';

const ACCENTED = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [
    letter,
    [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŜŢÛṼŴẊÝŽ'][index],
  ]),
);

/** Accents the letters of one piece of text; HTML entities such as `&amp;` stay readable to the parser. */
function accent(text) {
  return text
    .split(/(&[a-zA-Z]+;|&#\d+;)/)
    .map((piece, index) => (index % 2 ? piece : [...piece].map((ch) => ACCENTED[ch] ?? ch).join('')))
    .join('');
}

/**
 * Pseudo-localizes a message's contents: the text parts accented, the whole wrapped in
 * brackets and padded to about 1.35 times the English length. Placeholders pass through.
 * File names (no spaces, an extension) are only accented, so they stay usable.
 *
 * @template T
 * @param {(string | T)[]} contents
 * @returns {(string | T)[]}
 */
export function pseudoContents(contents) {
  const text = contents.filter((part) => typeof part === 'string').join('');
  const accented = contents.map((part) => (typeof part === 'string' ? accent(part) : part));
  if (/^[\w.-]+\.\w+$/.test(text)) return accented;
  const extra = Math.ceil(text.length * 0.35);
  const padding = '·'.repeat(Math.max(1, extra - 3));
  return ['[', ...accented, ` ${padding}]`].reduce((merged, part) => {
    // Neighbouring strings are merged, as lit-localize's own reader would hand them over.
    const last = merged.length - 1;
    if (typeof part === 'string' && typeof merged[last] === 'string') merged[last] += part;
    else merged.push(part);
    return merged;
  }, /** @type {(string | T)[]} */ ([]));
}

/** A runtime-mode localizer whose only "translation" is the pseudo-locale made from the sources. */
class PseudoLocalizer extends RuntimeLitLocalizer {
  readTranslationsSync() {
    const { messages } = this.extractSourceMessages();
    const pseudo = messages.map((message) => ({ name: message.name, contents: pseudoContents(message.contents) }));
    return { translations: new Map([[PSEUDO_LOCALE, pseudo]]) };
  }
}

export async function writePseudoLocale(configPath = 'lit-localize.json') {
  const config = readConfigFileAndWriteSchema(configPath);
  const localizer = new PseudoLocalizer({
    ...config,
    targetLocales: [PSEUDO_LOCALE],
    // No locale-codes module: the shipped list of locales must not learn about this one.
    output: { ...config.output, outputDir: OUTPUT_DIR, localeCodesModule: undefined },
  });
  await localizer.build();
  const { messages } = localizer.extractSourceMessages();
  return { locale: PSEUDO_LOCALE, messages: messages.length, file: `${OUTPUT_DIR}/${PSEUDO_LOCALE}.ts` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { locale, messages, file } = await writePseudoLocale();
  console.log(`Pseudo-locale ${locale}: ${messages} messages written to ${file}`);
}
