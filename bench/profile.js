// npm run bench:profile [-- --rounds N] [--rate R] [--ours FILE]
//
// Where the time until Start is interactive goes, for our widget and for the Lit floor, on the
// benchmark's host pages (bench/pages.js) at R× CPU throttling (default 4). Each visit records a
// Chromium trace (devtools.timeline and v8 categories) from navigation until the probe reports
// Start interactive, and adds up the main thread's *self* CPU time per trace event (compiling,
// evaluating the module, running functions, microtasks, style, layout, paint, …). Medians over
// the rounds; the difference column is ours minus the floor. It also samples the JavaScript with
// the CDP profiler and, through the bundle's source map, gives our self time per source module.
import { decode } from '@jridgewell/sourcemap-codec';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildComparisons } from './build.js';
import { serve } from './pages.js';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.js';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : fallback;
};
const ROUNDS = Number(option('rounds', 7));
const RATE = Number(option('rate', 4));
const root = fileURLToPath(new URL('..', import.meta.url));
const OURS = option('ours', `${root}dist/second-opinion-check.js`);

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'loading',
  'blink.user_timing',
];

/** Self thread time (ms) per event name on the page's renderer main thread. */
function selfTimes(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents;
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The page's renderer: the main thread with the most task time.
  const busy = new Map();
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask') {
      const key = `${e.pid}:${e.tid}`;
      busy.set(key, (busy.get(key) ?? 0) + (e.tdur ?? 0));
    }
  }
  const thread = mains.map((e) => `${e.pid}:${e.tid}`).sort((a, b) => (busy.get(b) ?? 0) - (busy.get(a) ?? 0))[0];
  const own = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) stack.pop();
  };
  for (const e of own) {
    close(e.ts);
    const frame = { name: e.name, end: e.ts + e.dur, tdur: e.tdur };
    if (stack.length) self.set(stack.at(-1).name, (self.get(stack.at(-1).name) ?? 0) - e.tdur);
    self.set(e.name, (self.get(e.name) ?? 0) + e.tdur);
    stack.push(frame);
  }
  return new Map([...self].map(([name, us]) => [name, us / 1000]));
}

/** Source-map lookup for our bundle: generated (line, column) -> source file. */
function sourceLookup(file) {
  let map;
  try {
    map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  } catch {
    return null;
  }
  const lines = decode(map.mappings).map((segments) =>
    segments.map(([column, source]) => [column, source ?? -1]).sort((x, y) => x[0] - y[0]),
  );
  const name = (index) =>
    index < 0
      ? '(bundler glue)'
      : map.sources[index]
          .replace(/^(\.\.\/)+/, '')
          .replace(/.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*/, '$1 (package)')
          .replace(/^src\/generated\/locales\/.*/, 'translations');
  return (line, column) => {
    const segments = lines[line] ?? [];
    let found = -1;
    for (const [start, index] of segments) {
      if (start > column) break;
      found = index;
    }
    return name(found);
  };
}

/** Self time (ms) per source module of our bundle, from a CPU profile. */
function profileByModule(profile, url, lookup) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, index) => {
    const node = byNode.get(id);
    const frame = node.callFrame;
    const ms = (deltas[index + 1] ?? 0) / 1000;
    let key;
    if (frame.url === url && lookup) key = lookup(frame.lineNumber, frame.columnNumber);
    else if (frame.url === url) key = 'our bundle';
    else if (!frame.url) key = frame.functionName ? `(${frame.functionName.replace(/[()]/g, '')})` : '(native)';
    else key = '(page and probe)';
    totals.set(key, (totals.get(key) ?? 0) + ms);
  });
  return totals;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length ? (sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2) : 0;
};

async function visit(browser, origin, name, withProfile) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    if (withProfile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    } else {
      await browser.startTracing(page, { categories: CATEGORIES });
    }
    await page.goto(`${origin}/${name}.html`, { waitUntil: 'commit' });
    const ready = await page.evaluate(() => window.__bench.ready);
    if (withProfile) {
      const { profile } = await cdp.send('Profiler.stop');
      return { ready, profile };
    }
    return { ready, self: selfTimes(await browser.stopTracing()) };
  } finally {
    await context.close();
  }
}

const built = await buildComparisons();
const { server, origin, served } = await serve({ ours: [OURS], floor: built.floor });
const oursUrl = `${origin}${served.ours[0].url}`;
const lookup = sourceLookup(OURS);
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
const traces = { ours: [], floor: [] };
const profiles = [];
try {
  for (const name of ['ours', 'floor']) await visit(browser, origin, name, false); // warm the disk cache
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 ? ['floor', 'ours'] : ['ours', 'floor']) {
      traces[name].push(await visit(browser, origin, name, false));
    }
    profiles.push(await visit(browser, origin, 'ours', true));
  }
} finally {
  await browser.close();
  server.close();
}

const names = new Set([...traces.ours, ...traces.floor].flatMap((run) => [...run.self.keys()]));
const rows = [...names]
  .map((event) => {
    const ours = median(traces.ours.map((run) => run.self.get(event) ?? 0));
    const floor = median(traces.floor.map((run) => run.self.get(event) ?? 0));
    return { event, ours, floor, diff: ours - floor };
  })
  .filter((row) => Math.abs(row.ours) >= 0.5 || Math.abs(row.floor) >= 0.5)
  .sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
const total = (name) => median(traces[name].map((run) => [...run.self.values()].reduce((sum, ms) => sum + ms, 0)));
const fmt = (ms) => ms.toFixed(1).padStart(8);
console.log(`Start interactive at ${RATE}× CPU, ${ROUNDS} rounds (medians):`);
console.log(
  `  wall time: ours ${median(traces.ours.map((r) => r.ready)).toFixed(0)} ms, floor ${median(traces.floor.map((r) => r.ready)).toFixed(0)} ms (traced visits)`,
);
console.log(
  `  main-thread CPU in the trace: ours ${total('ours').toFixed(1)} ms, floor ${total('floor').toFixed(1)} ms`,
);
console.log('');
console.log('  self CPU time per trace event (ms)       ours   floor    diff');
for (const row of rows.slice(0, 30))
  console.log(`  ${row.event.slice(0, 38).padEnd(38)}${fmt(row.ours)}${fmt(row.floor)}${fmt(row.diff)}`);

const modules = new Map();
for (const { profile } of profiles) {
  for (const [key, ms] of profileByModule(profile, oursUrl, lookup)) {
    if (!modules.has(key)) modules.set(key, []);
    modules.get(key).push(ms);
  }
}
console.log('');
console.log(`  our JavaScript by source module, self time from a CPU profile (ms, median of ${profiles.length}):`);
for (const values of modules.values()) while (values.length < profiles.length) values.push(0);
for (const [key, values] of [...modules].sort((a, b) => median(b[1]) - median(a[1])).slice(0, 25)) {
  console.log(`    ${key.slice(0, 44).padEnd(44)}${fmt(median(values))}`);
}
