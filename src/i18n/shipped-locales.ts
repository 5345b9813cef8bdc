/**
 * The shipped translations: one generated module per target locale in lit-localize.json.
 * Static imports keep the one-file bundle one file; every locale is a few KB.
 */
import type { LocaleModule } from '@lit/localize';
import type { targetLocales } from '../generated/locale-codes.ts';
import * as ar from '../generated/locales/ar.ts';
import * as es from '../generated/locales/es.ts';
import * as ko from '../generated/locales/ko.ts';
import * as ru from '../generated/locales/ru.ts';
import * as tl from '../generated/locales/tl.ts';
import * as vi from '../generated/locales/vi.ts';
import * as zhHans from '../generated/locales/zh-Hans.ts';
import * as zhHant from '../generated/locales/zh-Hant.ts';

export type TargetLocale = (typeof targetLocales)[number];

export const SHIPPED_LOCALE_MODULES: Readonly<Record<TargetLocale, LocaleModule>> = {
  ar,
  es,
  ko,
  ru,
  tl,
  vi,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
};
