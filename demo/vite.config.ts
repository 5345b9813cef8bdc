import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { demoReceiver, RECEIVER_URL } from './receiver.ts';

/** `npm start`: the demo clinic page, served from source, sending to a real local receiver. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // strictPort: a busy 5173 stops with an error instead of moving on, so the README's address is always right.
  server: { host: '127.0.0.1', port: 5173, strictPort: true, open: false },
  resolve: {
    // The demo also offers the designers' pseudo-locale (en-XA), which is never shipped.
    alias: [
      {
        find: /^\.\/locale-modules\.ts$/,
        replacement: fileURLToPath(new URL('../src/i18n/locale-modules.dev.ts', import.meta.url)),
      },
    ],
  },
  // The page links to the staff inbox on the receiver.
  define: { __RECEIVER_URL__: JSON.stringify(RECEIVER_URL) },
  plugins: [demoReceiver()],
});
