// Builds the two comparison bundles with Vite's JS API, minified the same way as the widget
// (Rolldown's minifier, ES2022, one file each): bench/results/build/{floor,surveyjs}/.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BUILD_DIR = fileURLToPath(new URL('./results/build/', import.meta.url));

const ENTRIES = {
  floor: 'bench/floor/floor-check.ts',
  surveyjs: 'bench/surveyjs/survey.ts',
};

/** Builds one candidate; returns the emitted files (JS first), as absolute paths. */
async function buildOne(name, entry) {
  const outDir = `${BUILD_DIR}${name}`;
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    // The page is the only consumer: production code paths, as a clinic's build would ship.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      reportCompressedSize: false,
      cssMinify: true,
      lib: { entry, formats: ['es'], fileName: () => `${name}.js`, cssFileName: name },
      rolldownOptions: { output: { minify: true, codeSplitting: false } },
    },
  });
  const files = readdirSync(outDir).filter((file) => /\.(js|css)$/.test(file));
  return files
    .sort((a, b) => Number(a.endsWith('.css')) - Number(b.endsWith('.css')))
    .map((file) => `${outDir}/${file}`);
}

export async function buildComparisons() {
  const out = {};
  for (const [name, entry] of Object.entries(ENTRIES)) out[name] = await buildOne(name, entry);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  console.log(await buildComparisons(), `${Date.now() - started} ms`);
}
