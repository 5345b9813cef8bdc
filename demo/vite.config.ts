import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { callbackEndpoint } from './callback-endpoint.ts';

/** `npm start`: the demo clinic page, served from source, with a local call-back endpoint. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: { host: '127.0.0.1', port: 5173, open: false },
  plugins: [callbackEndpoint()],
});
