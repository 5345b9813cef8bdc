// Checks second-opinion-check as installed from its tarball in a scratch project (argument: the
// project's directory; scripts/check-fresh-pack.sh makes it): every export of its package.json
// resolves from the project to a file that is there, its dependencies (Lit, @lit/localize) were
// installed with it, it holds no receiver file, and an app built with Vite from it keeps the
// translations out of its entry chunk.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'vite';

const app = process.argv[2];
assert.ok(app && existsSync(join(app, 'package.json')), 'usage: node scripts/check-installed.js <project dir>');
const pkgDir = join(app, 'node_modules', 'second-opinion-check');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

// Every export target is in the installed package (patterns: at least one file).
const targets = new Set();
const collect = (value) => {
  if (typeof value === 'string') targets.add(value);
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
};
collect(pkg.exports);
for (const target of targets) {
  if (target.includes('*')) {
    const [head, tail] = target.split('*');
    const dir = join(pkgDir, head.slice(0, head.lastIndexOf('/') + 1));
    assert.ok(
      readdirSync(dir).some((file) => file.endsWith(tail)),
      `no file for the export pattern ${target}`,
    );
  } else assert.ok(existsSync(join(pkgDir, target)), `export target missing: ${target}`);
}

// The entry points resolve from the project, and their dependencies came with them.
for (const name of ['lit', '@lit/localize', '@lit/react']) {
  assert.ok(existsSync(join(app, 'node_modules', name, 'package.json')), `${name} was not installed`);
}
const resolveFromApp = createRequire(join(app, 'package.json')).resolve;
for (const subpath of [
  '',
  '/define',
  '/react',
  '/locales/es.js',
  '/second-opinion-check.js',
  '/custom-elements.json',
]) {
  const resolved = resolveFromApp(`second-opinion-check${subpath}`);
  assert.ok(resolved.startsWith(pkgDir) && existsSync(resolved), `second-opinion-check${subpath} does not resolve`);
}
assert.ok(!existsSync(join(pkgDir, 'receiver')), 'the widget package holds receiver files');

// A portal's app: the entry chunk holds no translation; each one is a chunk of its own.
writeFileSync(
  join(app, 'index.html'),
  '<!doctype html><html lang="es"><script type="module" src="./main.js"></script>\n',
);
writeFileSync(join(app, 'main.js'), "import 'second-opinion-check/define';\n");
await build({ root: app, configFile: false, logLevel: 'silent', build: { outDir: 'dist', manifest: true } });
const manifest = JSON.parse(readFileSync(join(app, 'dist/.vite/manifest.json'), 'utf8'));
const entry = readFileSync(join(app, 'dist', manifest['index.html'].file), 'utf8');
const spanish = readFileSync(join(pkgDir, 'dist/lib/generated/locales/es.js'), 'utf8').match(
  /'intro\.title': `([^`]+)`/,
)[1];
assert.ok(!entry.includes(spanish), 'the entry chunk holds the Spanish translation');
const chunks = readdirSync(join(app, 'dist/assets')).filter((file) => file.endsWith('.js'));
assert.ok(
  chunks.some((file) => readFileSync(join(app, 'dist/assets', file), 'utf8').includes(spanish)),
  'no chunk holds the Spanish translation',
);
console.log(
  `check-installed: ${pkg.name}@${pkg.version} installs and resolves (${targets.size} export targets); ` +
    `an app built from it has ${chunks.length} chunks, translations outside its entry.`,
);
