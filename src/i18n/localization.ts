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
 */
import { configureLocalization, LOCALE_STATUS_EVENT } from '@lit/localize';
import { sourceLocale } from '../generated/locale-codes.ts';
import { LOCALE_MODULES } from './locale-modules.ts';
import { matchLocale } from './locales.ts';
import { checkTitle } from '../questionnaire/questions.ts';

type Controls = ReturnType<typeof configureLocalization>;

let localization: Controls | undefined;
/** Set when the host app configured the shared @lit/localize before any widget did. */
let hostManaged = false;
/** The host app's locale as last announced by @lit/localize, in host-managed mode. */
let hostLocale: string | undefined;

function controls(): Controls | undefined {
  if (localization || hostManaged) return localization;
  try {
    localization = configureLocalization({
      sourceLocale,
      targetLocales: Object.keys(LOCALE_MODULES),
      loadLocale: async (locale) => LOCALE_MODULES[locale as keyof typeof LOCALE_MODULES],
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
 * In host-managed mode, the host's locale when the host's modules carry our messages, else `en`.
 */
export function activeLocale(): string {
  const own = controls();
  if (own) return own.getLocale();
  const title = checkTitle();
  if (title === 'Should I get a second opinion?') return sourceLocale;
  // The app set its locale before the first widget listened: recognise our own translation.
  const recognised = Object.entries(LOCALE_MODULES).find(
    ([, module]) => module.templates['intro.title'] === title,
  )?.[0];
  const pageLang = document.documentElement.lang;
  return hostLocale ?? recognised ?? matchLocale(pageLang) ?? (pageLang || sourceLocale);
}

/**
 * Switches every widget on the page to `locale`; the last call wins. @lit/localize ignores a
 * request for the locale already active or loading, so quick successive switches settle on the
 * last one. In host-managed mode the host app owns the locale and this does nothing.
 */
export function switchLocale(locale: string): Promise<void> {
  const own = controls();
  return own ? own.setLocale(locale) : Promise.resolve();
}
