/**
 * The shipped translations, imported statically: one generated module per target locale in
 * lit-localize.json. The one-file bundle uses this table (through `locale-modules.bundle.ts`)
 * so that every language is inside the one file; the npm build loads them lazily instead
 * (`shipped-locale-loaders.ts`).
 */
import type { LocaleModule } from '@lit/localize';
import type { LocaleLoaders, TargetLocale } from './shipped-locale-loaders.ts';
import * as ar from '../generated/locales/ar.ts';
import * as es from '../generated/locales/es.ts';
import * as ko from '../generated/locales/ko.ts';
import * as ru from '../generated/locales/ru.ts';
import * as tl from '../generated/locales/tl.ts';
import * as vi from '../generated/locales/vi.ts';
import * as zhHans from '../generated/locales/zh-Hans.ts';
import * as zhHant from '../generated/locales/zh-Hant.ts';

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

/** Loaders that answer from a table already in memory. */
export function loadersOf(table: Readonly<Record<string, LocaleModule>>): LocaleLoaders {
  return Object.fromEntries(Object.entries(table).map(([locale, module]) => [locale, async () => module]));
}
