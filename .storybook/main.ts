import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMain } from '@storybook/web-components-vite/node';

// lit does not export its package.json, so it is read next to lit's main module.
const litPackage = JSON.parse(
  readFileSync(join(dirname(createRequire(import.meta.url).resolve('lit')), 'package.json'), 'utf8'),
) as { exports: Record<string, unknown> };

/**
 * Every public entry point of `lit` (from its package.json `exports`), plus @lit/localize.
 * Pre-bundling them together keeps one copy of Lit in the preview: when Vite serves some
 * entries pre-bundled and others raw, the element and `@localized()` end up with different
 * copies, and a language switch no longer re-renders.
 */
const litEntryPoints = [
  ...Object.keys(litPackage.exports)
    .filter((entry) => entry !== './polyfill-support.js')
    .map((entry) => (entry === '.' ? 'lit' : `lit/${entry.slice(2)}`)),
  '@lit/localize',
];

/**
 * package.json `sideEffects` lists the published `dist/lib/define.js`, so a production build
 * treats the source `src/define.ts` as side-effect free and drops the stories' bare import of
 * it: the tag would never be defined in storybook-static. Registering the element is that
 * module's whole purpose.
 */
const keepElementRegistration = {
  name: 'keep-element-registration',
  transform(code: string, id: string) {
    return id.endsWith('/src/define.ts') ? { code, map: null, moduleSideEffects: true } : null;
  },
};

/**
 * Designers also get the pseudo-locale (accented, longer strings) that is never shipped: the
 * translations table `src/i18n/locale-modules.ts` is swapped for its development twin, which
 * adds it. The Language menu offers it when that twin exists.
 */
const devLocaleTable = fileURLToPath(new URL('../src/i18n/locale-modules.dev.ts', import.meta.url));
const pseudoLocale = existsSync(devLocaleTable)
  ? (readFileSync(devLocaleTable, 'utf8').match(/PSEUDO_LOCALE\s*=\s*'([^']+)'/)?.[1] ?? '')
  : '';
const useDevLocaleTable = {
  name: 'use-dev-locale-table',
  enforce: 'pre' as const,
  async resolveId(
    this: { resolve: (source: string, importer?: string, options?: object) => Promise<{ id: string } | null> },
    source: string,
    importer: string | undefined,
    options: object,
  ) {
    if (!pseudoLocale || !source.endsWith('/locale-modules.ts')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id.endsWith('/src/i18n/locale-modules.ts') ? devLocaleTable : null;
  },
};

/**
 * Storybook for designers: every state, theme and language of <second-opinion-check>.
 * `npm run storybook` and `npm run build-storybook` regenerate custom-elements.json first,
 * because the Docs pages read attributes, events, parts and custom properties from it.
 */
export default defineMain({
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: {
    // The widget makes no third-party requests; its workbench makes none either.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  async viteFinal(config) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(config, {
      plugins: [keepElementRegistration, useDevLocaleTable],
      define: { __PSEUDO_LOCALE__: JSON.stringify(pseudoLocale) },
      optimizeDeps: { include: litEntryPoints },
      // Storybook's own UI and axe are large; none of it ships to patients.
      build: { chunkSizeWarningLimit: 1500 },
    });
  },
});
