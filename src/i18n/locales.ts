/**
 * Which language the widget speaks: SPEC §5. Pure apart from the `warn` callback.
 * Resolution: `locale` attribute → nearest `lang` (the element's own, then its ancestors') →
 * `navigator.languages` → `en`, matching by language and script (`es-MX`→`es`,
 * `zh-TW`→`zh-Hant`, `zh`→`zh-Hans`, `fil`→`tl`).
 */
import { sourceLocale } from '../generated/locale-codes.ts';
import { LOCALE_LOADERS } from './locale-modules.ts';

/**
 * The locales this build can show: the source locale and every key of the translations
 * table. The shipped table has the nine shipped locales; the demo's and Storybook's table
 * (`locale-modules.dev.ts`) adds the pseudo-locale, so only they accept it.
 */
export const AVAILABLE_LOCALES: readonly string[] = [sourceLocale, ...Object.keys(LOCALE_LOADERS)];

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

/**
 * Maps any BCP 47 tag to the available locale that serves it, or undefined.
 * An exact tag wins (`zh-Hant`, `en-XA`); then the language, with the script for Chinese.
 */
export function matchLocale(
  tag: string | null | undefined,
  available: readonly string[] = AVAILABLE_LOCALES,
): string | undefined {
  if (!tag?.trim()) return undefined;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.trim());
  } catch {
    return undefined;
  }
  const canonical = locale.toString().toLowerCase();
  const exact = available.find((candidate) => candidate.toLowerCase() === canonical);
  if (exact) return exact;
  const { language } = locale;
  // maximize() fills in the likely script: zh-TW, zh-HK and zh-MO → Hant; zh, zh-CN, zh-SG → Hans.
  // Cantonese (yue) is written in Traditional characters.
  if (language === 'zh' || language === 'yue') {
    const chinese = locale.maximize().script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
    return available.includes(chinese) ? chinese : undefined;
  }
  // Filipino is the standard form of Tagalog; browsers send either.
  const wanted = language === 'fil' ? 'tl' : language;
  return available.find((candidate) => candidate === wanted);
}

export interface LocaleSources {
  attribute?: string | null;
  ancestorLang?: string | null;
  navigatorLanguages?: readonly string[];
}

/**
 * Runs the resolution. `warn` is called once for each host-given value it skips (the
 * `locale` attribute, then the page's `lang`), and resolution goes on to the next step.
 * The patient's browser languages are not a host mistake, so unsupported ones pass silently.
 */
export function resolveLocale(
  sources: LocaleSources,
  warn: (step: 'locale' | 'lang', value: string) => void = () => {},
  available: readonly string[] = AVAILABLE_LOCALES,
): string {
  if (sources.attribute?.trim()) {
    const match = matchLocale(sources.attribute, available);
    if (match) return match;
    warn('locale', sources.attribute);
  }
  if (sources.ancestorLang?.trim()) {
    const match = matchLocale(sources.ancestorLang, available);
    if (match) return match;
    warn('lang', sources.ancestorLang);
  }
  for (const tag of sources.navigatorLanguages ?? []) {
    const match = matchLocale(tag, available);
    if (match) return match;
  }
  return sourceLocale;
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}

/**
 * The nearest `lang`: the element's own attribute, else its closest ancestor's, crossing the
 * shadow roots the element may sit in. Empty values (`lang=""`) are passed over.
 */
export function ancestorLang(element: Element): string | null {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang')?.trim();
    if (lang) return lang;
    node = node.parentElement ?? hostOf(node);
  }
  return null;
}

function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
