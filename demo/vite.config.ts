import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/** `npm start`: the demo clinic page, served from source with hot reload. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: { host: '127.0.0.1', port: 5173, open: false },
});
