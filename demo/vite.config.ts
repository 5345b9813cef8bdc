import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { callbackEndpoint } from './callback-endpoint.ts';

/** `npm start`: the demo clinic page, served from source, with a local call-back endpoint. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: { host: '127.0.0.1', port: 5173, open: false },
  resolve: {
    // The demo also offers the designers' pseudo-locale (en-XA), which is never shipped.
    alias: [
      {
        find: /^\.\/locale-modules\.ts$/,
        replacement: fileURLToPath(new URL('../src/i18n/locale-modules.dev.ts', import.meta.url)),
      },
    ],
  },
  plugins: [callbackEndpoint()],
});
