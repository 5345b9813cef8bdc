/**
 * Which language the widget speaks: SPEC §5. Pure apart from the `warn` callback.
 * Resolution: `locale` attribute → nearest ancestor `lang` → `navigator.languages` → `en`,
 * matching by language and script (`es-MX`→`es`, `zh-TW`→`zh-Hant`, `zh`→`zh-Hans`).
 */
import { sourceLocale, targetLocales } from '../generated/locale-codes.ts';

export type SupportedLocale = typeof sourceLocale | (typeof targetLocales)[number];

export const SUPPORTED_LOCALES: readonly SupportedLocale[] = [sourceLocale, ...targetLocales];

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

/** Maps any BCP 47 tag to the shipped locale that serves it, or undefined. */
export function matchLocale(tag: string | null | undefined): SupportedLocale | undefined {
  if (!tag) return undefined;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.trim());
  } catch {
    return undefined;
  }
  const { language } = locale;
  if (language === 'zh') {
    // maximize() fills in the likely script: zh-TW and zh-HK → Hant, zh and zh-CN → Hans.
    return locale.maximize().script === 'Hant' ? ('zh-Hant' as SupportedLocale) : ('zh-Hans' as SupportedLocale);
  }
  // Filipino is the standard form of Tagalog; browsers send either.
  const wanted = language === 'fil' ? 'tl' : language;
  return SUPPORTED_LOCALES.find((supported) => supported === wanted);
}

export interface LocaleSources {
  attribute?: string | null;
  ancestorLang?: string | null;
  navigatorLanguages?: readonly string[];
}

/** Runs the resolution; `warn` is told about each unsupported host-given value it skips. */
export function resolveLocale(
  sources: LocaleSources,
  warn: (step: 'locale' | 'lang', value: string) => void = () => {},
): SupportedLocale {
  if (sources.attribute) {
    const match = matchLocale(sources.attribute);
    if (match) return match;
    warn('locale', sources.attribute);
  }
  if (sources.ancestorLang) {
    const match = matchLocale(sources.ancestorLang);
    if (match) return match;
    warn('lang', sources.ancestorLang);
  }
  // The patient's browser languages are not a host mistake, so unsupported ones pass silently.
  for (const tag of sources.navigatorLanguages ?? []) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return sourceLocale;
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.split('-')[0]) ? 'rtl' : 'ltr';
}

/** The `lang` of the nearest ancestor, crossing shadow roots the element may sit in. */
export function ancestorLang(element: Element): string | null {
  let node: Element | null = element.parentElement ?? hostOf(element);
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? hostOf(node);
  }
  return null;
}

function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
