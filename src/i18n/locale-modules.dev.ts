/**
 * The development table of translations: the shipped ones plus the pseudo-locale `en-XA`
 * (accented, bracketed, about 35 % longer) that designers use to check layouts and to spot
 * text that is not translatable. Only the demo and Storybook use it, by aliasing
 * `src/i18n/locale-modules.ts` to this file; it must never be imported by the shipped code.
 * Regenerate the pseudo module with `npm run localize:pseudo`.
 */
import type { LocaleModule } from '@lit/localize';
import * as pseudo from '../generated/pseudo/en-XA.ts';
import { loadersOf, SHIPPED_LOCALE_MODULES } from './shipped-locales.ts';

export const PSEUDO_LOCALE = 'en-XA';

export const LOCALE_MODULES: Readonly<Record<string, LocaleModule>> = {
  ...SHIPPED_LOCALE_MODULES,
  [PSEUDO_LOCALE]: pseudo,
};

export const LOCALE_LOADERS = loadersOf(LOCALE_MODULES);
