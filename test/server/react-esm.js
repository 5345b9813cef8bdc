/**
 * React 19 ships CommonJS only, which a browser cannot import. This test-runner plugin serves
 * React as ES modules, the way a host app's bundler would hand it to the wrapper in
 * src/react.ts, so test/react.test.tsx runs the real React in the real browser:
 *
 *   react, react/jsx-runtime, react/jsx-dev-runtime, react-dom, react-dom/client
 *     → /__react-esm__/<name>.js, each re-exporting one module's named exports from
 *     → /__react-esm__/bundle.js, one esbuild bundle holding all of them, so every import
 *       shares one copy of React (two copies break hooks and the renderer).
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

const PREFIX = '/__react-esm__/';
const SPECIFIERS = ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client'];
const fileOf = (specifier) => `${PREFIX}${specifier.replace('/', '__')}.js`;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function reactAsEsm({ rootDir = process.cwd() } = {}) {
  let bundle;
  let exportNames;

  // Each module's named exports, read by requiring it in a separate Node process: React's
  // development build touches the console when it loads, and this process's console belongs
  // to the test runner's reporter.
  const namesOf = (specifier) => {
    exportNames ??= JSON.parse(
      execFileSync(
        process.execPath,
        [
          '-e',
          `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(SPECIFIERS)}.map((s) => [s, Object.keys(require(s))]))))`,
        ],
        { cwd: rootDir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'development' } },
      ),
    );
    return exportNames[specifier];
  };

  const bundleCode = async () => {
    const result = await build({
      stdin: {
        contents: `export const modules = {${SPECIFIERS.map((s) => `${JSON.stringify(s)}: require(${JSON.stringify(s)})`).join(', ')}};`,
        resolveDir: rootDir,
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      write: false,
      // React's development build: its warnings are worth seeing in tests.
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  };

  const shimCode = (specifier) => {
    const names = namesOf(specifier).filter((name) => name !== 'default' && IDENTIFIER.test(name));
    return [
      `import { modules } from '${PREFIX}bundle.js';`,
      `const m = modules[${JSON.stringify(specifier)}];`,
      'export default m;',
      `export const { ${names.join(', ')} } = m;`,
    ].join('\n');
  };

  return {
    name: 'react-esm',
    resolveImport({ source }) {
      if (SPECIFIERS.includes(source)) return fileOf(source);
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      if (context.path === `${PREFIX}bundle.js`) {
        bundle ??= bundleCode();
        return { body: await bundle, type: 'js' };
      }
      const specifier = SPECIFIERS.find((s) => fileOf(s) === context.path);
      return specifier ? { body: shimCode(specifier), type: 'js' } : undefined;
    },
  };
}
