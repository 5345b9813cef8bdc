import { defineConfig } from 'vite';

/**
 * The one-file embed: `dist/second-opinion-check.js`, a minified ES module with Lit,
 * @lit/localize and every shipped locale inside, so a host page needs nothing else and a host
 * that uses its own @lit/localize cannot clash with ours.
 */
export default defineConfig({
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
