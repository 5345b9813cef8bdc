/**
 * A portal's app built with Vite from the packed package (SPEC §8): the npm build loads each
 * translation with `import()`, so the app's bundler makes one chunk per language, the entry
 * chunk (and what it imports statically) holds no translation, and a page only loads the
 * language it shows. The package is packed as `npm pack` would publish it (run after
 * `npm run build`; `npm test` builds first), unpacked into a scratch app whose other
 * dependencies (Lit, @lit/localize) are this repository's, and the built app is opened in
 * Chromium: a Spanish page shows Spanish and fetches only the Spanish chunk, an English page
 * fetches none. Run: node --test test/node/portal-app.test.js
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/chromium.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { targetLocales } = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const ENGLISH_TITLE = 'Should I get a second opinion?';

let scratch;
let outDir;
let manifest;
/** locale -> its translated title, read from the packed generated module. */
const titles = new Map();

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'soc-portal-'));
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], {
      cwd: root,
      encoding: 'utf8',
    }),
  );
  const pkgDir = join(scratch, 'node_modules', 'second-opinion-check');
  mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', join(scratch, pack.filename), '-C', pkgDir, '--strip-components=1']);
  // The package's dependencies, as npm would install them: this repository's copies.
  for (const name of ['lit', 'lit-html', 'lit-element', '@lit']) {
    symlinkSync(join(root, 'node_modules', name), join(scratch, 'node_modules', name), 'dir');
  }
  for (const locale of targetLocales) {
    const source = readFileSync(join(pkgDir, 'dist/lib/generated/locales', `${locale}.js`), 'utf8');
    const title = source.match(/'intro\.title': `([^`]+)`/)?.[1];
    assert.ok(title, `the packed ${locale} module has a plain intro.title`);
    titles.set(locale, title);
  }

  writeFileSync(
    join(scratch, 'index.html'),
    '<!doctype html>\n<html lang="es"><head><meta charset="utf-8"><title>Portal</title>' +
      '<script type="module" src="./main.js"></script></head>\n' +
      '<body><second-opinion-check clinic-name="Clínica Ribera"></second-opinion-check></body></html>\n',
  );
  writeFileSync(join(scratch, 'main.js'), "import 'second-opinion-check/define';\n");
  outDir = join(scratch, 'dist');
  await build({
    root: scratch,
    configFile: false,
    logLevel: 'silent',
    build: { outDir, manifest: true, emptyOutDir: true },
  });
  manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The entry chunk and every chunk it imports statically: what an English-only page loads. */
function entryFiles() {
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('index.html');
  return [...files];
}

const read = (file) => readFileSync(join(outDir, file), 'utf8');

test('the entry chunk of an app that imports second-opinion-check/define holds no translation', () => {
  const entry = entryFiles();
  assert.ok(entry.length > 0, 'the manifest names the entry chunk');
  const code = entry.map(read).join('\n');
  assert.ok(code.includes(ENGLISH_TITLE), 'the entry has the widget (its English text)');
  for (const [locale, title] of titles) {
    assert.ok(!code.includes(title), `the entry chunk holds the ${locale} translation`);
  }
});

test('each translation is a chunk of its own', () => {
  const chunks = readdirSync(join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
  for (const [locale, title] of titles) {
    const holding = chunks.filter((file) => read(join('assets', file)).includes(title));
    assert.equal(holding.length, 1, `${locale}: one chunk holds it (${holding.join(', ') || 'none'})`);
    const others = [...titles].filter(
      ([other, text]) => other !== locale && read(join('assets', holding[0])).includes(text),
    );
    assert.deepEqual(
      others.map(([other]) => other),
      [],
      `${locale}'s chunk holds no other language`,
    );
  }
});

test('a Spanish page shows Spanish and loads only the Spanish chunk; an English page loads none', async () => {
  const html = read('index.html');
  const types = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    try {
      const body =
        path === '/en.html' ? html.replace('lang="es"', 'lang="en"') : read(path === '/' ? 'index.html' : path);
      response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'text/html' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
  try {
    const chunkOf = new Map(
      readdirSync(join(outDir, 'assets'))
        .filter((file) => file.endsWith('.js'))
        .flatMap((file) => {
          const code = read(join('assets', file));
          return [...titles].filter(([, title]) => code.includes(title)).map(([locale]) => [`/assets/${file}`, locale]);
        }),
    );
    const visit = async (page, expectedTitle) => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const loaded = [];
      const errors = [];
      tab.on('request', (request) => {
        const locale = chunkOf.get(new URL(request.url()).pathname);
        if (locale) loaded.push(locale);
      });
      tab.on('pageerror', (error) => errors.push(String(error)));
      // Every heading the widget ever shows, from its first render on: no English flash.
      await tab.addInitScript(() => {
        window.__headings = [];
        const record = () => {
          const heading = document.querySelector('second-opinion-check')?.shadowRoot?.querySelector('#heading');
          const text = heading?.textContent?.trim();
          if (text && window.__headings.at(-1) !== text) window.__headings.push(text);
        };
        new MutationObserver(record).observe(document, { subtree: true, childList: true });
        const frame = () => {
          record();
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      const { port } = server.address();
      await tab.goto(`http://127.0.0.1:${port}${page}`);
      await tab.waitForFunction(
        (title) =>
          document.querySelector('second-opinion-check')?.shadowRoot?.querySelector('#heading')?.textContent?.trim() ===
          title,
        expectedTitle,
        { timeout: 10000 },
      );
      const headings = await tab.evaluate(() => window.__headings);
      const lang = await tab.evaluate(
        () => document.querySelector('second-opinion-check').shadowRoot.querySelector('[part~="base"]').lang,
      );
      await context.close();
      assert.deepEqual(errors, []);
      return { loaded, headings, lang };
    };

    const spanish = await visit('/', titles.get('es'));
    assert.equal(spanish.lang, 'es');
    assert.deepEqual(spanish.loaded, ['es'], 'the Spanish page loads the Spanish chunk only');
    assert.ok(!spanish.headings.includes(ENGLISH_TITLE), `no English first: ${spanish.headings.join(' | ')}`);

    const english = await visit('/en.html', ENGLISH_TITLE);
    assert.equal(english.lang, 'en');
    assert.deepEqual(english.loaded, [], 'the English page loads no translation');
  } finally {
    await browser.close();
    server.close();
  }
});
