import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { defineConfig, type Plugin } from 'vite';

const I18N = fileURLToPath(new URL('./src/i18n', import.meta.url));

/**
 * The npm build (tsc, tsconfig.build.json) loads each translation with `import()`. The one-file
 * bundle swaps that table (`src/i18n/locale-modules.ts`) for `locale-modules.bundle.ts`, which
 * imports every translation statically: one file, and about 0.5 KB gzip smaller than dynamic
 * imports inlined into one file (those wrap Lit in lazy initialisers too). Only for this library
 * build: Storybook reads this config without its `build`, so it keeps its own table.
 */
const bundleLocaleTable: Plugin = {
  name: 'bundle-locale-table',
  enforce: 'pre',
  apply: (config) => Boolean(config.build?.lib),
  resolveId(source, importer) {
    if (source !== './locale-modules.ts' || !importer || dirname(importer) !== I18N) return null;
    return `${I18N}/locale-modules.bundle.ts`;
  },
};

/**
 * The one-file embed: `dist/second-opinion-check.js`, a minified ES module with Lit,
 * @lit/localize and every shipped locale inside, so a host page needs nothing else and a host
 * that uses its own @lit/localize cannot clash with ours.
 */
export default defineConfig({
  plugins: [
    bundleLocaleTable,
    // Lit's html`` and css`` literals ship as written, indentation and all; collapsing their
    // whitespace and minifying their CSS saves about 1.3 KB gzip. A template it cannot parse
    // fails the build rather than shipping silently unminified. The tests run the same
    // transform (web-test-runner.config.js), so they exercise the templates that ship.
    { ...minifyTemplateLiterals({ failOnError: true }), apply: 'build' },
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    lib: {
      entry: 'src/define.ts',
      formats: ['es'],
      fileName: () => 'second-opinion-check.js',
    },
    rolldownOptions: {
      output: {
        // ES library mode keeps whitespace unless asked; one file, no chunks.
        minify: true,
        codeSplitting: false,
      },
    },
  },
});
