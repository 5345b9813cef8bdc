/**
 * The table of translations the widget can switch to, keyed by locale tag (the source locale,
 * `en`, needs none), each entry a loader. Which tags resolution accepts follows from this table.
 *
 * This file is a seam. The npm build uses it as is: every translation is an `import()`, so a
 * portal's bundler splits them into chunks. The one-file bundle (vite.config.ts) aliases it to
 * `locale-modules.bundle.ts`, which has every translation inside. The demo and Storybook alias
 * it to `locale-modules.dev.ts`, which adds the designers' pseudo-locale without it ever
 * reaching a shipped build.
 */
export { SHIPPED_LOCALE_LOADERS as LOCALE_LOADERS } from './shipped-locale-loaders.ts';
