import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import type { MediaFeatures } from './.storybook/media.ts';
import { CHROME_PATH, CHROMIUM_ARGS } from './scripts/chromium.js';

/**
 * Story checks (`npm run test:stories`): every story in stories/ is rendered in headless
 * Chromium, its play function runs, and it fails on an axe violation (preview.ts sets
 * `a11y.test = 'error'`) or on a console error. The unit and element tests stay in `npm test`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        test: {
          name: 'stories',
          setupFiles: ['./.storybook/vitest.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                // The system Chromium: no browser downloads.
                executablePath: CHROME_PATH,
                args: CHROMIUM_ARGS,
              },
              // See emulateMedia below; set here too so the very first story starts that way.
              contextOptions: { reducedMotion: 'reduce' },
            }),
            instances: [{ browser: 'chromium' }],
            commands: {
              /**
               * Media features for a story (`parameters.media`). Reduced motion is the default
               * here: axe measures colours once, and a colour still in transition (the widget's
               * hover fades, the backgrounds addon's fade) would be measured half-way.
               */
              async emulateMedia(context, media: MediaFeatures | null) {
                await context.page.emulateMedia({
                  forcedColors: media?.forcedColors ?? null,
                  colorScheme: media?.colorScheme ?? null,
                  reducedMotion: media?.reducedMotion ?? 'reduce',
                });
              },
            },
          },
        },
      },
    ],
  },
});
