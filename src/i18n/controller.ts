/**
 * The element's language as a reactive controller: resolves it (SPEC §5) when the element
 * connects and when its `locale` changes, and follows the page when the host switches its
 * `<html lang>`. The language itself is one per page (localization.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { warnOnce } from '../warn.ts';
import { switchLocale } from './localization.ts';
import { ancestorLang, resolveLocale } from './locales.ts';

export class LocaleController implements ReactiveController {
  private observer?: MutationObserver;
  /** The `locale` property the language was last resolved with. */
  private resolvedFor?: string;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { locale?: string }) {
    host.addController(this);
  }

  hostConnected(): void {
    this.resolve();
    // A host that switches its page language switches the widget too.
    this.observer = new MutationObserver(() => this.resolve());
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  hostUpdate(): void {
    if (this.host.locale !== this.resolvedFor) this.resolve();
  }

  private resolve() {
    const { host } = this;
    this.resolvedFor = host.locale;
    const locale = resolveLocale(
      { attribute: host.locale, ancestorLang: ancestorLang(host), navigatorLanguages: navigator.languages },
      (step, value) =>
        warnOnce(
          host,
          `${step}:${value}`,
          step === 'locale'
            ? `the locale attribute "${value}" is not a supported language; trying the page's lang next.`
            : `the page language lang="${value}" is not supported; trying the browser's languages next.`,
        ),
    );
    void switchLocale(locale);
  }
}
