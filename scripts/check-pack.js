// Fails when a path that package.json's `exports`, `main`, `types` or `customElements` names is
// missing from the tarball `npm pack` would publish, or when the tarball holds what must not ship:
// the receiver (its own package), the designers' pseudo-locale, the development or one-file-only
// translation tables, sources or tests. `npm pack` and `npm publish` run it after building
// (`prepack`); on its own, run it after `npm run build`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [pack] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
);
const packed = new Set(pack.files.map((file) => file.path));

const named = new Set([pkg.main, pkg.module, pkg.types, pkg.customElements].filter(Boolean));
const collect = (value) => {
  if (typeof value === 'string') named.add(value);
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
};
collect(pkg.exports);

// A subpath pattern (`./locales/*.js`) must match at least one packed file.
const isPacked = (path) => {
  if (!path.includes('*')) return packed.has(path);
  const [head, tail] = path.split('*');
  return [...packed].some((file) => file.startsWith(head) && file.endsWith(tail));
};
const missing = [...named].map((path) => path.replace(/^\.\//, '')).filter((path) => !isPacked(path));
const FORBIDDEN = [
  /^receiver\//,
  /^(src|test|bench|stories|demo|scripts)\//,
  /pseudo|en-XA/,
  /locale-modules\.(dev|bundle)\./,
  /shipped-locales\./,
];
const forbidden = [...packed].filter((file) => FORBIDDEN.some((pattern) => pattern.test(file)));
console.log(
  `npm pack: ${pack.files.length} files, ${(pack.size / 1024).toFixed(1)} KB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KB unpacked`,
);
if (missing.length) console.error(`Missing from the package: ${missing.join(', ')}`);
if (forbidden.length) console.error(`In the package but must not be: ${forbidden.join(', ')}`);
if (missing.length || forbidden.length) process.exit(1);
console.log(`Every path package.json names is in the package (${named.size} checked), and nothing that must not ship.`);
