// Byte budgets of the one-file embed (SPEC §8), decided after measuring: nine languages of
// medical content cost about 22 KB gzip, and no language or content is cut to save bytes.
//   - the whole bundle, every language inside:               at most 56 KB gzip (a CI gate);
//   - its shared part (our code + Lit + @lit/localize):       at most 28 KB gzip marginal;
//   - each locale:                                            at most 4 KB gzip marginal.
// The figures live in package.json's "sizeBudget" (bundleGzipKB, sharedGzipKB, localeGzipKB).
//
//   npm run size            check the three budgets, print sizes and where the bytes are
//   npm run size -- --json  the same figures as JSON (for CI dashboards)
//   npm run size -- --bundle-kb 10 --shared-kb 10 --locale-kb 1   try the failure report
//
// Sizes: raw bytes, gzip (level 9, as the build prints) and brotli (quality 11).
//
// Breakdown method: the build's source map (dist/second-opinion-check.js.map) is decoded with
// @jridgewell/sourcemap-codec. Every generated character range, from one mapping segment to the
// next, belongs to the source file of the segment that starts it; ranges with no source are
// bundler glue. Source files are grouped into parts (our code, Lit, @lit/localize, one part per
// locale module). For each part the report gives:
//   raw       its exact bytes in the bundle (UTF-8);
//   gzip      its bytes gzipped on their own (an upper bound: alone they compress worse);
//   marginal  gzip(whole bundle) - gzip(bundle without that part): what the part costs in the
//             shipped file, compression shared with the rest taken into account.
// The shared part (our code + Lit + @lit/localize) is taken out of the bundle together for its
// marginal: gzip(whole) - gzip(locales and bundler glue alone). Marginal figures do not add up to
// the total exactly; that is expected with compression.
//
// Exit code 1 when any budget is exceeded, when a shipped locale (lit-localize.json
// targetLocales) is missing from the bundle, or when the bundle or its map cannot be read.
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

const BUNDLE = 'dist/second-opinion-check.js';
const MAP = `${BUNDLE}.map`;
const argv = process.argv.slice(2);
const asJson = argv.includes('--json');
const { sizeBudget = {} } = JSON.parse(readFileSync('package.json', 'utf8'));
/** A budget in bytes: the command line's (to try the failure report), else package.json's. */
function budget(flag, key) {
  const index = argv.indexOf(flag);
  const kbValue = index >= 0 ? Number(argv[index + 1]) : sizeBudget[key];
  if (!(kbValue > 0)) {
    console.error(`size check: ${index >= 0 ? flag : `package.json sizeBudget.${key}`} needs a positive number of KB.`);
    process.exit(1);
  }
  return Math.round(kbValue * 1024);
}
const BUNDLE_BUDGET = budget('--bundle-kb', 'bundleGzipKB');
const SHARED_BUDGET = budget('--shared-kb', 'sharedGzipKB');
const LOCALE_BUDGET = budget('--locale-kb', 'localeGzipKB');

const gzip = (data) => gzipSync(data, { level: 9 }).length;
const brotli = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function fail(message) {
  console.error(`size check: ${message}`);
  process.exit(1);
}

if (!existsSync(BUNDLE)) fail(`${BUNDLE} not found; run npm run build first.`);
const code = readFileSync(BUNDLE, 'utf8');
const bytes = Buffer.from(code, 'utf8');
const total = { raw: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) };

// ---- source map ---------------------------------------------------------------------------

/** Which part of the bundle a source file belongs to. */
function partOf(source) {
  const path = source
    .replace(/\\/g, '/')
    .replace(/^(\.\.\/)+/, '')
    .replace(/^\.\//, '');
  const locale = path.match(/^src\/generated\/locales\/([^/]+)\.ts$/);
  if (locale) return { part: `locale ${locale[1]}`, locale: locale[1] };
  if (path.startsWith('src/')) return { part: 'our code', module: path.slice(4) };
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];
  if (pkg === '@lit/localize') return { part: '@lit/localize' };
  if (pkg && ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg)) return { part: 'Lit' };
  if (pkg) return { part: pkg };
  return { part: 'other' };
}

let map;
try {
  map = JSON.parse(readFileSync(MAP, 'utf8'));
} catch (error) {
  fail(`cannot read ${MAP} (${error.message}); the build must emit a source map.`);
}

const owners = map.sources.map(partOf);
const UNMAPPED = 'bundler glue (unmapped)';
/** part name -> array of generated text slices; our code also per module. */
const slices = new Map();
const moduleSlices = new Map();
const add = (store, key, text) => {
  if (!text) return;
  if (!store.has(key)) store.set(key, []);
  store.get(key).push(text);
};

const lines = code.split('\n');
/** Per generated line, its segments [column, source, …] with absolute values, in column order. */
const mappingLines = decode(map.mappings).map((segments) => segments.sort((a, b) => a[0] - b[0]));

/**
 * Walks the bundle in order and calls `visit(text, sourceIndex)` for every range (-1: no
 * source). A range runs from one segment to the next; a line without segments (the inside of a
 * multi-line template literal, such as the element's CSS) continues the range before it.
 */
function walk(visit) {
  let owner = -1;
  lines.forEach((line, index) => {
    const segments = mappingLines[index] ?? [];
    const newline = index < lines.length - 1 ? '\n' : '';
    let start = 0;
    for (const [column, source = -1] of segments) {
      visit(line.slice(start, column), owner);
      start = column;
      owner = source;
    }
    visit(line.slice(start) + newline, owner);
  });
}

const partName = (source) => (source < 0 ? UNMAPPED : owners[source].part);
walk((text, source) => {
  add(slices, partName(source), text);
  if (source >= 0 && owners[source].module) add(moduleSlices, owners[source].module, text);
});

/** The bundle, in order, without the ranges of the parts `leave` picks: for their marginal gzip cost. */
function bundleWithout(leave) {
  const kept = [];
  walk((text, source) => {
    if (!leave(partName(source))) kept.push(text);
  });
  return kept.join('');
}
const marginal = (leave) => total.gzip - gzip(Buffer.from(bundleWithout(leave), 'utf8'));
const isLocale = (part) => part.startsWith('locale ');

const rows = [...slices].map(([part, texts]) => {
  const data = Buffer.from(texts.join(''), 'utf8');
  return {
    part,
    raw: data.length,
    gzip: gzip(data),
    marginalGzip: marginal((name) => name === part),
  };
});
const order = (row) =>
  row.part === 'our code'
    ? 0
    : row.part === 'Lit'
      ? 1
      : row.part === '@lit/localize'
        ? 2
        : row.part.startsWith('locale ')
          ? 3
          : 4;
rows.sort((a, b) => order(a) - order(b) || a.part.localeCompare(b.part));

const modules = [...moduleSlices]
  .map(([module, texts]) => ({ module, raw: Buffer.byteLength(texts.join(''), 'utf8') }))
  .sort((a, b) => b.raw - a.raw);

// ---- shipped locales ----------------------------------------------------------------------

let shipped = [];
try {
  shipped = JSON.parse(readFileSync('lit-localize.json', 'utf8')).targetLocales ?? [];
} catch {
  // Without the config the locale check is skipped; the budget still applies.
}
const present = new Set(owners.filter((o) => o.locale).map((o) => o.locale));
const missing = shipped.filter((locale) => !present.has(locale));

// ---- report -------------------------------------------------------------------------------

// The three budgets, each with its figure and what it covers.
const SHARED_PARTS = ['our code', 'Lit', '@lit/localize'];
const isShared = (part) => SHARED_PARTS.includes(part);
const shared = {
  parts: SHARED_PARTS,
  raw: rows.filter((row) => isShared(row.part)).reduce((sum, row) => sum + row.raw, 0),
  marginalGzip: marginal(isShared),
};
const checks = [
  { name: 'bundle (every language)', gzip: total.gzip, budget: BUNDLE_BUDGET, what: 'gzip' },
  { name: 'shared part', gzip: shared.marginalGzip, budget: SHARED_BUDGET, what: 'gzip marginal' },
  ...rows
    .filter((row) => isLocale(row.part))
    .map((row) => ({ name: row.part, gzip: row.marginalGzip, budget: LOCALE_BUDGET, what: 'gzip marginal' })),
].map((check) => ({ ...check, ok: check.gzip <= check.budget }));
const over = checks.filter((check) => !check.ok);

if (asJson) {
  console.log(
    JSON.stringify(
      {
        file: BUNDLE,
        budgets: { bundleGzip: BUNDLE_BUDGET, sharedGzipMarginal: SHARED_BUDGET, localeGzipMarginal: LOCALE_BUDGET },
        total,
        shared,
        checks,
        parts: rows,
        ourModules: modules,
        missingLocales: missing,
      },
      null,
      2,
    ),
  );
} else {
  const pad = (text, width) => String(text).padEnd(width);
  const num = (n, width = 9) => String(n).padStart(width);
  console.log(`${BUNDLE}`);
  console.log(`  raw     ${num(total.raw)} bytes  ${kb(total.raw)}`);
  console.log(`  gzip    ${num(total.gzip)} bytes  ${kb(total.gzip)}`);
  console.log(`  brotli  ${num(total.brotli)} bytes  ${kb(total.brotli)}`);
  console.log('');
  console.log('  budget (SPEC §8)                 measured     budget   used');
  for (const check of checks) {
    const used = `${((100 * check.gzip) / check.budget).toFixed(0)} %`;
    console.log(
      `  ${pad(`${check.name}, ${check.what}`, 32)}${num(kb(check.gzip), 10)}${num(kb(check.budget), 11)}${num(used, 7)}  ${check.ok ? 'ok' : 'OVER'}`,
    );
  }
  console.log(`  (shared part: ${shared.parts.join(' + ')}, taken out together; ${shared.raw} bytes raw)`);
  console.log('');
  console.log('  part                          raw   gzip alone   gzip marginal');
  for (const row of rows) {
    console.log(`  ${pad(row.part, 24)}${num(row.raw)}${num(row.gzip, 13)}${num(row.marginalGzip, 16)}`);
  }
  console.log('');
  console.log('  our code by module (raw bytes):');
  for (const { module, raw } of modules) console.log(`    ${pad(module, 36)}${num(raw, 8)}`);
  console.log('');
  console.log('  raw: exact bytes per part from the source map; gzip alone: the part compressed by itself;');
  console.log('  gzip marginal: whole bundle minus the bundle without the part (its real cost when shipped).');
}

if (missing.length) fail(`shipped locale(s) missing from the bundle: ${missing.join(', ')}.`);
if (over.length) {
  const top = [...rows].sort((a, b) => b.marginalGzip - a.marginalGzip).slice(0, 5);
  fail(
    `over budget: ${over
      .map(
        (check) =>
          `${check.name} ${check.what} ${check.gzip} bytes (${kb(check.gzip)}) > ${kb(check.budget)} by ${check.gzip - check.budget} bytes`,
      )
      .join('; ')}. Largest parts by marginal gzip: ${top.map((r) => `${r.part} ${r.marginalGzip}`).join(', ')}. ` +
      'SPEC §8: no language or content is cut to fit; find the bytes elsewhere.',
  );
}
if (!asJson) {
  console.log(
    `\nsize check: OK (bundle ${kb(total.gzip)} ≤ ${kb(BUNDLE_BUDGET)}, shared part ${kb(shared.marginalGzip)} ≤ ${kb(SHARED_BUDGET)}, ` +
      `each locale ≤ ${kb(LOCALE_BUDGET)} gzip).`,
  );
}
