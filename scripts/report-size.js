// Prints the one-file bundle's raw, gzip and brotli sizes and its SRI hash, and writes the
// hash beside it (dist/second-opinion-check.js.sri) for the script tag's `integrity`.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const file = 'dist/second-opinion-check.js';
const bytes = readFileSync(file);
const gzip = gzipSync(bytes, { level: 9 }).length;
const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sri = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
writeFileSync(`${file}.sri`, `${sri}\n`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`\n${file}`);
console.log(`  raw     ${kb(bytes.length)} (${bytes.length} bytes)`);
console.log(`  gzip    ${kb(gzip)} (${gzip} bytes)`);
console.log(`  brotli  ${kb(brotli)} (${brotli} bytes)`);
console.log(`  SRI     ${sri}`);
