/**
 * The shipped translations, loaded on demand: one `import()` per target locale in
 * lit-localize.json, as @lit/localize's runtime mode intends. This is what the npm build uses,
 * so a portal's bundler emits each translation as its own chunk and loads only the one the
 * page needs; an English-only page loads none. Each specifier is a literal (with `.ts`, which
 * the library build rewrites to `.js`) so that bundlers can see and split every one.
 */
import type { LocaleModule } from '@lit/localize';
import type { targetLocales } from '../generated/locale-codes.ts';

export type TargetLocale = (typeof targetLocales)[number];

/** Loaders by locale tag. */
export type LocaleLoaders = Readonly<Record<string, () => Promise<LocaleModule>>>;

export const SHIPPED_LOCALE_LOADERS: Readonly<Record<TargetLocale, () => Promise<LocaleModule>>> = {
  ar: () => import('../generated/locales/ar.ts'),
  es: () => import('../generated/locales/es.ts'),
  ko: () => import('../generated/locales/ko.ts'),
  ru: () => import('../generated/locales/ru.ts'),
  tl: () => import('../generated/locales/tl.ts'),
  vi: () => import('../generated/locales/vi.ts'),
  'zh-Hans': () => import('../generated/locales/zh-Hans.ts'),
  'zh-Hant': () => import('../generated/locales/zh-Hant.ts'),
};
