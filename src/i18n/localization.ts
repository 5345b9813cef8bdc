/**
 * @lit/localize keeps one active locale per copy of the library, and `configureLocalization`
 * may run only once per copy. This module is that one place; it runs on first use, not at
 * import, so importing the package has no side effects.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.ts';
import * as ar from '../generated/locales/ar.ts';
import * as es from '../generated/locales/es.ts';
import * as ko from '../generated/locales/ko.ts';
import * as ru from '../generated/locales/ru.ts';
import * as tl from '../generated/locales/tl.ts';
import * as vi from '../generated/locales/vi.ts';
import * as zhHans from '../generated/locales/zh-Hans.ts';
import * as zhHant from '../generated/locales/zh-Hant.ts';
import type { SupportedLocale } from './locales.ts';

// Static imports keep the one-file bundle one file; every shipped locale is a few KB.
const LOCALE_MODULES: Record<(typeof targetLocales)[number], LocaleModule> = {
  ar,
  es,
  ko,
  ru,
  tl,
  vi,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
};

let localization: ReturnType<typeof configureLocalization> | undefined;

function controls() {
  localization ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: async (locale) => LOCALE_MODULES[locale as keyof typeof LOCALE_MODULES],
  });
  return localization;
}

/** The page's active widget locale (one per page: SPEC §5). */
export function activeLocale(): string {
  return controls().getLocale();
}

/** Switches every widget on the page to `locale`; the last call wins. */
export function switchLocale(locale: SupportedLocale): Promise<void> {
  const { getLocale, setLocale } = controls();
  return getLocale() === locale ? Promise.resolve() : setLocale(locale);
}
