/**
 * @lit/localize keeps one active locale per copy of the library, and `configureLocalization`
 * may run only once per copy. This module is that one place; it runs when the first widget
 * connects, not at import, so importing the package has no side effects.
 *
 * The one-file bundle carries its own copy, so it never meets a host's. The npm build shares
 * the host app's copy: when the app has already configured it, the widget does not fight for
 * it (a second `configureLocalization` throws) but follows the app's locale, and its text is
 * translated only if the app's locale modules include the widget's messages (README,
 * "Languages").
 *
 * Translations are loaded through the table's loaders: `import()` in the npm build, from memory
 * in the one-file bundle. A widget's first render waits for the language it resolved
 * (`localeReady`), so a Spanish page never shows English first.
 */
import { configureLocalization, LOCALE_STATUS_EVENT, type LocaleModule } from '@lit/localize';
import { sourceLocale } from '../generated/locale-codes.ts';
import { LOCALE_LOADERS as TABLE } from './locale-modules.ts';
import type { LocaleLoaders } from './shipped-locale-loaders.ts';
import { matchLocale } from './locales.ts';

type Controls = ReturnType<typeof configureLocalization>;

const LOCALE_LOADERS: LocaleLoaders = TABLE;

let localization: Controls | undefined;
/** Set when the host app configured the shared @lit/localize before any widget did. */
let hostManaged = false;
/** The host app's locale as last announced by @lit/localize's status event, in host-managed mode. */
let hostLocale: string | undefined;
/** Settles when the locale last asked for is active (or failed to load); unset when none is pending. */
let pending: Promise<void> | undefined;

function load(locale: string): Promise<LocaleModule> {
  const loader = LOCALE_LOADERS[locale];
  return loader ? loader() : Promise.reject(new Error(`no translation for ${locale}`));
}

function controls(): Controls | undefined {
  if (localization || hostManaged) return localization;
  try {
    localization = configureLocalization({
      sourceLocale,
      targetLocales: Object.keys(LOCALE_LOADERS),
      loadLocale: load,
    });
  } catch {
    hostManaged = true;
    window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
      if (event.detail.status === 'ready') hostLocale = event.detail.readyLocale;
    });
    console.warn(
      '<second-opinion-check>: this page configured @lit/localize before the widget, so the widget follows ' +
        "the page's locale instead of choosing its own, and shows English unless the page's locale modules " +
        'include its messages. Load dist/second-opinion-check.js instead, or see the README, "Languages".',
    );
  }
  return localization;
}

/**
 * The language the widget's text is in: the page's active widget locale (one per page: SPEC §5).
 * In host-managed mode, the app's locale as @lit/localize last announced it, else the page's
 * `<html lang>` (an app that set its locale before the first widget listened), when it is one
 * of ours; otherwise `en`, which is what the widget shows when the app's modules lack its
 * messages.
 */
export function activeLocale(): string {
  const own = controls();
  return own ? own.getLocale() : (matchLocale(hostLocale ?? document.documentElement.lang) ?? sourceLocale);
}

/**
 * Switches every widget on the page to `locale`; the last call wins. @lit/localize ignores a
 * request for the locale already active or loading, so quick successive switches settle on the
 * last one. In host-managed mode the host app owns the locale and this does nothing. A
 * translation that fails to load (a chunk the network lost) leaves the text as it was, with a
 * warning.
 */
export function switchLocale(locale: string): Promise<void> {
  const own = controls();
  if (!own) return Promise.resolve();
  if (locale === own.getLocale() && !pending) return Promise.resolve();
  const settled = own.setLocale(locale).catch((error: unknown) => {
    console.warn(`<second-opinion-check>: the ${locale} translation did not load (${String(error)}).`);
  });
  pending = settled;
  void settled.then(() => {
    if (pending === settled) pending = undefined;
  });
  return settled;
}

/**
 * What a widget's first render waits for, so that it never shows English before its language:
 * the locale being loaded. Undefined when nothing is pending (an English page, or an app that
 * owns the locale and has its text loaded already), so the widget renders at once.
 */
export function localeReady(): Promise<void> | undefined {
  return controls() && pending;
}
