/** Joining separate sentences (messages) shown side by side, as each language writes them. */
import { activeLocale } from './i18n/localization.ts';

/**
 * What goes between two sentences (separate messages) shown side by side: a space, except in
 * Chinese, which puts none after its full stop. Templates join sentences with this, never with
 * the template's own whitespace.
 */
export function sentenceGap(locale: string = activeLocale()): string {
  return /^zh(-|$)/i.test(locale) ? '' : ' ';
}
