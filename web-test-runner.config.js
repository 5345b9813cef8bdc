import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { browserProbes } from './test/server/browser-probes.js';
import { cspPage } from './test/server/csp-page.js';
import { faultEndpoint } from './test/server/fault-endpoint.js';
import { reactAsEsm } from './test/server/react-esm.js';
import { CHROME_PATH, CHROMIUM_ARGS } from './scripts/chromium.js';

// Every test file runs in each browser named by BROWSERS (comma-separated; default both):
//   BROWSERS=chromium npm test      BROWSERS=firefox npx wtr --files test/csp.test.ts
// CHROME_PATH and FIREFOX_PATH point at other binaries than Debian's.
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const wanted = (process.env.BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((name) => name.trim().toLowerCase())
  .filter(Boolean);

const launchers = {
  chromium: () =>
    chromeLauncher({
      // Each page in its own window. Two tabs of one window would leave the first one hidden,
      // and a hidden page gets no animation frames, which the tests wait for.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
      launchOptions: {
        executablePath: CHROME_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  // Firefox through puppeteer-core's WebDriver BiDi (no CDP). Passing puppeteer-core as the
  // "custom puppeteer" makes the launcher start the given binary with `browser: 'firefox'`
  // and name it Firefox in the report; nothing is downloaded.
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      // One test file at a time. With two pages open, Firefox stops animation frames in the tab
      // that is not selected (the tests wait for frames) and, with one window per page, the
      // window without focus does not act on Enter as a click.
      concurrency: 1,
      launchOptions: {
        browser: 'firefox',
        executablePath: firefoxPath,
        headless: true,
        // Keep Firefox quiet and offline: no update checks, telemetry or first-run pages.
        extraPrefsFirefox: {
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
        },
      },
    }),
};

const unknown = wanted.filter((name) => !(name in launchers));
if (unknown.length || !wanted.length) {
  throw new Error(
    `BROWSERS=${process.env.BROWSERS}: use a comma-separated list of ${Object.keys(launchers).join(', ')}`,
  );
}

export default {
  files: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  browsers: wanted.map((name) => launchers[name]()),
  plugins: [
    // Without the tsconfig, esbuild drops experimental decorators and every test fails to import.
    // The tsconfig's `"jsx": "react-jsx"` gives the .tsx tests React's automatic JSX runtime.
    esbuildPlugin({ ts: true, tsx: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // The bundle's templates are minified (vite.config.ts); the tests see them the same way.
    fromRollup(minifyTemplateLiterals)({ include: ['src/**/*.ts'], failOnError: true }),
    faultEndpoint(),
    cspPage(),
    reactAsEsm(),
    browserProbes(),
  ],
};
