/**
 * The table of translations the widget can switch to, keyed by locale tag (the source locale,
 * `en`, needs none). Which tags resolution accepts follows from this table.
 *
 * This file is a seam: the shipped bundle and the npm build use it as is, while the demo and
 * Storybook alias it to `locale-modules.dev.ts`, which adds the designers' pseudo-locale
 * without it ever reaching the shipped bundle.
 */
export { SHIPPED_LOCALE_MODULES as LOCALE_MODULES } from './shipped-locales.ts';
