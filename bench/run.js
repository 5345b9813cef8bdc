// npm run bench [-- --rounds N] [--write] [--only ours,surveyjs] [--ours FILE] [--variant FILE]
//               [--host-rule CSS] [--report-only [--write]]
//
// Builds the widget (npm run build does that before this script) and the two comparison
// bundles, serves one host page per candidate on 127.0.0.1, and measures every candidate in
// one interleaved run: each round visits every candidate at normal CPU and at 4x CPU
// throttling, in a rotated order, each visit in a fresh browser context of the system Chromium.
// Results: bench/results/last-run.{json,md}; BENCHMARKS.md is rewritten after a full run
// (15 rounds or more) or with --write. --only limits the candidates (the floor always runs);
// --ours measures another build of the widget instead of dist/; --variant measures another
// build beside it in the same rounds, to weigh a change before making it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildComparisons } from './build.js';
import { CANDIDATES, LATE_SCRIPT_MS, addVariant, serve, setHostRule } from './pages.js';
import { fileSizes, report } from './report.js';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.js';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : fallback;
};
const FULL_ROUNDS = 15;
const ROUNDS = Number(option('rounds', FULL_ROUNDS));
const ONLY = option('only', '') ? option('only', '').split(',') : null;
/** Another build of the widget to measure in place of dist/. */
const OURS = option('ours', '');
/** Another build of the widget to measure beside dist/, in the same rounds (to weigh a change). */
const VARIANT = option('variant', '');
/** Another space reservation for our host page than the one README.md documents. */
const HOST_RULE = option('host-rule', '');
/**
 * The sections of BENCHMARKS.md that a run does not write, kept as they are: the profile of the
 * 4× load (`## Where the time goes`, from `npm run bench:profile`) and the `## Receiver` section,
 * with all after the first of them; or nothing.
 */
function receiverSection() {
  const current = readFileSync(`${root}BENCHMARKS.md`, 'utf8');
  const starts = ['\n## Where the time goes', '\n## Receiver\n']
    .map((heading) => current.indexOf(heading))
    .filter((index) => index >= 0);
  return starts.length ? current.slice(Math.min(...starts)) : '';
}

/** BENCHMARKS.md describes dist/ with every candidate: partial or trial runs never overwrite it. */
const WRITE = (argv.includes('--write') || ROUNDS >= FULL_ROUNDS) && !ONLY && !OURS && !VARIANT && !HOST_RULE;
const RATES = [1, 4];
/** Quiet time after the intro is ready and the page has loaded, before the load figures are read. */
const SETTLE_MS = 500;
const TIMEOUT_MS = 30000;
const VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM = CHROME_PATH;
const ARGS = CHROMIUM_ARGS;

if (!(ROUNDS >= 1)) {
  console.error('bench: --rounds needs a number of 1 or more.');
  process.exit(1);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

/** Share of both cores busy (all processes) over `ms`, from /proc/stat. */
async function machineBusy(ms) {
  const read = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: fields[3] + (fields[4] ?? 0), total: fields.reduce((sum, value) => sum + value, 0) };
  };
  const before = read();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = read();
  return after.total > before.total ? 1 - (after.idle - before.idle) / (after.total - before.total) : 0;
}

/**
 * The machine is shared: before each visit, wait (up to 0.5 s) for other work to drop below half
 * of the cores, and record how busy it was when the visit started.
 */
async function quietMoment() {
  let busy = await machineBusy(200);
  for (let waited = 0; busy > 0.5 && waited < 500; waited += 250) busy = await machineBusy(250);
  return busy;
}

/** The report through Prettier with the project's settings, as the rest of the docs are. */
async function formatted(markdown) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(`${root}BENCHMARKS.md`)) ?? {};
    return await prettier.format(markdown, { ...options, parser: 'markdown' });
  } catch {
    return markdown;
  }
}

const withTimeout = (promise, what, ms = TIMEOUT_MS) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms).unref()),
  ]);

/**
 * Main-thread tasks of the page's renderer from a trace (categories toplevel and
 * blink.user_timing): CPU time per task (`tdur`), split at the probe's Start mark.
 */
function tasksFromTrace(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents;
  const mark = events.find((e) => e.name === 'bench-start-press');
  const mains = new Map(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => [`${e.pid}:${e.tid}`, 0]),
  );
  const tasks = events.filter(
    (e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(`${e.pid}:${e.tid}`),
  );
  // The page's renderer: the one that recorded the mark, else the busiest renderer main thread.
  let thread = mark ? [...mains.keys()].find((key) => key.startsWith(`${mark.pid}:`)) : undefined;
  if (!thread) {
    for (const task of tasks)
      mains.set(`${task.pid}:${task.tid}`, mains.get(`${task.pid}:${task.tid}`) + (task.tdur ?? 0));
    thread = [...mains].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  const own = tasks
    .filter((task) => `${task.pid}:${task.tid}` === thread)
    .map((task) => ({ ts: task.ts, cpu: (task.tdur ?? 0) / 1000 }));
  const split = (before) => own.filter((task) => !mark || (before ? task.ts < mark.ts : task.ts >= mark.ts));
  return { load: split(true), answering: mark ? split(false) : [] };
}

const blocking = (tasks, key) => tasks.reduce((sum, task) => sum + Math.max(0, task[key] - 50), 0);

/** One visit: load, settle, read the load figures, then drive to the result. */
async function visit(browser, origin, name, rate) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', deviceScaleFactor: 1 });
  let tracing = false;
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // Thread ticks: the durations below are main-thread CPU time, not wall time, so other work
    // on the machine does not inflate them.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const metrics = async () =>
      Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value * 1000]));
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    tracing = true;
    await page.goto(`${origin}/${name}.html`, { waitUntil: 'load', timeout: TIMEOUT_MS });
    await withTimeout(
      page.evaluate(() => window.__bench.ready),
      `${name}: intro ready`,
    );
    const atReady = await metrics();
    await page.waitForTimeout(SETTLE_MS);

    const atSettle = await metrics();
    const load = await page.evaluate(() => window.__bench.snapshot());
    await cdp.send('HeapProfiler.collectGarbage');
    const heapLoad = (await cdp.send('Runtime.getHeapUsage')).usedSize;

    const run = {
      candidate: name,
      rate,
      introReady: CANDIDATES[name].start ? load.introReady : undefined,
      cpuToReady: CANDIDATES[name].start ? atReady.ThreadTime : undefined,
      fcp: load.fcp,
      loadEvent: load.load,
      scriptLoad: atSettle.ScriptDuration,
      cpuLoad: atSettle.ThreadTime,
      longTasksLoad: load.longTasks.length,
      tbtLoad: load.longTasks.reduce((sum, task) => sum + Math.max(0, task.d - 50), 0),
      cls: load.shifts.filter((shift) => !shift.input).reduce((sum, shift) => sum + shift.value, 0),
      rootHeight: load.rootHeight,
      heapLoad,
      probeError: load.error,
    };
    if (CANDIDATES[name].start) {
      const before = await metrics();
      const times = await withTimeout(
        page.evaluate(() => window.__bench.drive()),
        `${name}: answering`,
      );
      const after = await metrics();
      run.startToQuestion = times.firstQuestion - times.startPress;
      run.readyToAnswer = run.introReady + run.startToQuestion;
      run.answerAll = times.result - times.firstQuestion;
      run.cpuAnswering = after.ThreadTime - before.ThreadTime;
      run.tbtInteraction = times.longTasks.reduce((sum, task) => sum + Math.max(0, task.d - 50), 0);
      await cdp.send('HeapProfiler.collectGarbage');
      run.heapResult = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    }
    tracing = false;
    const tasks = tasksFromTrace(await browser.stopTracing());
    run.longestTaskCpuLoad = Math.max(0, ...tasks.load.map((task) => task.cpu));
    run.tbtCpuLoad = blocking(tasks.load, 'cpu');
    if (CANDIDATES[name].start) {
      run.longestTaskCpuAnswering = Math.max(0, ...tasks.answering.map((task) => task.cpu));
      run.tbtCpuAnswering = blocking(tasks.answering, 'cpu');
    }
    return run;
  } finally {
    if (tracing) await browser.stopTracing().catch(() => {});
    await context.close();
  }
}

/** The per-part breakdown of dist/second-opinion-check.js from scripts/check-size.js. */
function sizeParts() {
  let output;
  try {
    output = execFileSync(process.execPath, ['scripts/check-size.js', '--json'], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    output = error.stdout; // over budget: exit code 1, the figures are still printed
  }
  try {
    return JSON.parse(output);
  } catch {
    return null;
  }
}

/**
 * Layout shift when the reserved space has certainly been painted before the script runs: the
 * page's JS arrives LATE_SCRIPT_MS late (CSS on time). Load, wait until ready, settle, read CLS.
 */
async function lateVisit(browser, origin, name) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/late/${name}.html`, { waitUntil: 'load', timeout: TIMEOUT_MS });
    await withTimeout(
      page.evaluate(() => window.__bench.ready),
      `${name}: intro ready (late script)`,
    );
    await page.waitForTimeout(SETTLE_MS);
    const load = await page.evaluate(() => window.__bench.snapshot());
    return {
      candidate: name,
      rate: 1,
      lateScript: true,
      clsLate: load.shifts.filter((shift) => !shift.input).reduce((sum, shift) => sum + shift.value, 0),
      fcpLate: load.fcp,
      introReadyLate: load.introReady,
    };
  } finally {
    await context.close();
  }
}

function machine(browserVersion) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const os = (() => {
    try {
      return readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1];
    } catch {
      return undefined;
    }
  })();
  return {
    cores: cpus().length,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    cpuModel: cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    cpuMHz: Number(cpuinfo.match(/^cpu MHz\s*:\s*(.*)$/m)?.[1] ?? 0),
    os,
    node: process.version,
    chromium: browserVersion,
    playwrightCore: JSON.parse(readFileSync(`${root}node_modules/playwright-core/package.json`, 'utf8')).version,
  };
}

async function main() {
  console.log('bench: building the comparison bundles');
  const built = await buildComparisons();
  if (HOST_RULE) setHostRule(HOST_RULE);
  const files = { ours: [OURS || `${root}dist/second-opinion-check.js`], ...built, host: [] };
  if (VARIANT) {
    addVariant(`variant (${VARIANT})`);
    files.variant = [VARIANT];
  }
  const { server, origin, served } = await serve(files);
  const sizes = Object.fromEntries(Object.entries(served).map(([name, list]) => [name, fileSizes(list)]));
  // The breakdown must describe the very bytes served (another build may land meanwhile).
  const breakdown = OURS ? null : sizeParts();
  const sizeCheck = breakdown?.total.raw === sizes.ours.raw ? breakdown : null;
  const parts = sizeCheck?.parts ?? [];

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const chromiumVersion = browser.version();
  const names = Object.keys(CANDIDATES).filter((name) => !ONLY || ONLY.includes(name) || name === 'floor');
  const runs = [];
  const failures = [];
  try {
    // One unrecorded visit each, so that the first recorded round does not pay for cold disks.
    for (const name of names) await visit(browser, origin, name, 1);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const rate of RATES) {
        const shift = (round - 1 + RATES.indexOf(rate)) % names.length;
        const order = [...names.slice(shift), ...names.slice(0, shift)];
        for (const name of order) {
          try {
            const busyBefore = await quietMoment();
            runs.push({ round, busyBefore, ...(await visit(browser, origin, name, rate)) });
          } catch (error) {
            failures.push({ round, candidate: name, rate, error: String(error.message ?? error) });
            console.error(`  round ${round} ${name} ${rate}x failed: ${error.message}`);
          }
        }
      }
      for (const name of names.filter((n) => CANDIDATES[n].start)) {
        try {
          runs.push({ round, ...(await lateVisit(browser, origin, name)) });
        } catch (error) {
          failures.push({ round, candidate: name, rate: 1, error: `late script: ${error.message ?? error}` });
          console.error(`  round ${round} ${name} late script failed: ${error.message}`);
        }
      }
      console.log(`bench: round ${round}/${ROUNDS} done (${elapsed()})`);
    }
  } finally {
    await browser.close();
    server.close();
  }

  const result = {
    parts,
    sizeChecks: sizeCheck ? { budgets: sizeCheck.budgets, shared: sizeCheck.shared, checks: sizeCheck.checks } : null,
    date: new Date().toISOString(),
    rounds: ROUNDS,
    rates: RATES,
    settleMs: SETTLE_MS,
    lateScriptMs: LATE_SCRIPT_MS,
    viewport: VIEWPORT,
    durationS: Math.round((Date.now() - started) / 1000),
    machine: machine(chromiumVersion),
    sizes,
    runs,
    failures,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}last-run.json`, `${JSON.stringify(result, null, 1)}\n`);
  const markdown = await formatted(report(result));
  writeFileSync(`${resultsDir}last-run.md`, markdown);
  // The receiver's section (npm run bench:receiver) is its own benchmark's: keep it as it is.
  if (WRITE) writeFileSync(`${root}BENCHMARKS.md`, markdown + receiverSection());
  console.log(markdown.slice(markdown.indexOf('## Results'), markdown.indexOf('## Method')));
  console.log(
    `bench: ${runs.length} visits, ${failures.length} failed, ${elapsed()}; ` +
      (WRITE
        ? 'BENCHMARKS.md written.'
        : 'see bench/results/last-run.md (BENCHMARKS.md is written by full runs or --write).'),
  );
  if (failures.length) process.exitCode = 1;
}

if (argv.includes('--report-only')) {
  // Re-renders the last run's figures (after a change to the report itself).
  const result = JSON.parse(readFileSync(`${resultsDir}last-run.json`, 'utf8'));
  const markdown = await formatted(report(result));
  writeFileSync(`${resultsDir}last-run.md`, markdown);
  if (argv.includes('--write')) writeFileSync(`${root}BENCHMARKS.md`, markdown);
  console.log(`bench: report of ${result.date} re-rendered${argv.includes('--write') ? ' into BENCHMARKS.md' : ''}.`);
} else {
  await main();
}
