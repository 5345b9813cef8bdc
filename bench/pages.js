// Host pages and the tiny static server for the benchmark. Every candidate gets the same page:
// a heading and a paragraph above the check, a section below it, the same fonts and widths.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { probe } from './probe.js';

export const QUESTIONS = [
  'Were you told you have a serious, rare or complex illness, such as cancer?',
  'Has your doctor suggested surgery that is not an emergency?',
  'Are you still unsure what your exact diagnosis is?',
  'Are you thinking about an experimental treatment or a clinical trial?',
  'Do you have questions or doubts about your treatment plan, or want to hear all your options?',
];
/** The same answers in every candidate and round; they lead to "recommended". */
export const ANSWERS = ['yes', 'no', 'no', 'unsure', 'no'];

/** The rule README.md tells hosts to use, read from it so that the benchmark follows the docs. */
function documentedRule() {
  try {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const rule = readme.match(/second-opinion-check:not\(:defined\)[^{\n]*\{[^}]*\}/)?.[0];
    if (rule) return rule.replace(/\s+/g, ' ');
  } catch {
    // no README: the fallback below
  }
  return "second-opinion-check:not(:defined):not([variant='launcher']) { display: block; min-block-size: 24rem; }";
}

/**
 * Space reserved for each candidate before its script has run, so that the text below does not
 * move when it renders. Our page uses the rule documented in README.md, as a host would
 * (`--host-rule` tries another). The floor and SurveyJS reserve the exact height of their own
 * intro in this page, the best case for them.
 */
export const RESERVE = {
  ours: documentedRule(),
  floor: 'floor-check:not(:defined) { display: block; min-block-size: 247.8125px; }',
  surveyjs: '#survey:empty { min-block-size: 567.65625px; }',
};

/** How late the "late script" pages get their JS, so that the reserved space is painted first. */
export const LATE_SCRIPT_MS = 300;

/**
 * What the probe looks for in each candidate. `answer` is the control a patient clicks for an
 * answer (`%s` = the value); `title` holds the current question's text.
 */
export const CANDIDATES = {
  ours: {
    label: 'second-opinion-check',
    root: 'second-opinion-check',
    start: 'button.primary',
    answer: 'label.option:has(input[type="radio"][value="%s"])',
    title: '#heading',
    next: 'form button[type="submit"]',
    skip: 'form .actions button[type="button"]',
    result: '[part~="result"]',
    markup: '<second-opinion-check clinic-name="Riverside Clinic" phone="(555) 010-4477"></second-opinion-check>',
  },
  floor: {
    label: 'Lit floor',
    root: 'floor-check',
    start: 'button.start',
    answer: 'label:has(input[type="radio"][value="%s"])',
    title: 'legend',
    next: 'button.continue',
    result: '.result',
    markup: '<floor-check></floor-check>',
  },
  surveyjs: {
    label: 'SurveyJS',
    root: '#survey',
    start: '.sd-navigation__start-btn',
    answer: '.sd-item:has(input[type="radio"][value="%s"]) label',
    title: '.sd-question__title',
    next: '.sd-navigation__next-btn, .sd-navigation__complete-btn',
    result: '.sd-completedpage .result',
    markup: '<div id="survey"></div>',
  },
  host: {
    label: 'host page only',
    root: 'main',
    markup: '',
  },
};

/** Replaces our page's space reservation (to try a rule before documenting it). */
export function setHostRule(rule) {
  RESERVE.ours = rule;
}

/** Adds a second build of our element as candidate `variant` (same page, selectors and rule). */
export function addVariant(label) {
  CANDIDATES.variant = { ...CANDIDATES.ours, label };
  RESERVE.variant = RESERVE.ours;
}

/** JSON inside an inline script: `<` escaped, so no string can close the script element. */
const inlineJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The host page of one candidate; `assets` are its served JS and CSS URLs. With `late`, the
 * JS is served LATE_SCRIPT_MS late (the CSS is not), as over a slow network.
 */
export function hostPage(name, assets, late = false) {
  const candidate = CANDIDATES[name];
  const config = { ...candidate, questions: QUESTIONS, answers: ANSWERS };
  delete config.markup;
  const css = assets.filter((url) => url.endsWith('.css'));
  const js = assets.filter((url) => url.endsWith('.js'));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Second opinions - Riverside Clinic</title>
<script>(${probe.toString()})(${inlineJson(config)});</script>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1b1f24; background: #fff; }
  header, main, footer { max-inline-size: 40rem; margin: 0 auto; padding: 0 1rem; }
  header { padding-block: 1rem; border-block-end: 1px solid #d0d5dd; }
  ${RESERVE[name] ?? ''}
</style>
${css.map((url) => `<link rel="stylesheet" href="${url}">`).join('\n')}
${js.map((url) => `<script type="module" src="${url}${late ? `?delay=${LATE_SCRIPT_MS}` : ''}"></script>`).join('\n')}
</head>
<body>
<header><strong>Riverside Clinic</strong></header>
<main>
  <h1>Second opinions</h1>
  <p>A new diagnosis can be a lot to take in. Our specialists can review your records and talk with you about every option.</p>
  ${candidate.markup}
  <h2 id="below">Visiting us</h2>
  <p>We are open Monday to Friday, 8 am to 6 pm. Bring a photo ID, your insurance card and a list of the medicines you take.</p>
  <p>Parking is free for patients in the garage on Elm Street.</p>
</main>
<footer><p>Riverside Clinic, 100 Main Street.</p></footer>
</body>
</html>
`;
}

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/**
 * Serves every candidate's page and files from memory (read once, so a rebuild by someone else
 * during the run cannot change what is measured), uncompressed, never cached, on 127.0.0.1.
 * `files` maps a candidate name to the absolute paths of its JS and CSS.
 */
export async function serve(files) {
  const routes = new Map();
  const served = {};
  for (const [name, paths] of Object.entries(files)) {
    const urls = [];
    served[name] = [];
    for (const path of paths) {
      const url = `/${name}/${basename(path)}`;
      const body = readFileSync(path);
      routes.set(url, { body, type: TYPES[url.slice(url.lastIndexOf('.'))] });
      urls.push(url);
      served[name].push({ url, body });
    }
  }
  for (const name of Object.keys(CANDIDATES)) {
    const urls = served[name]?.map((file) => file.url) ?? [];
    routes.set(`/${name}.html`, { body: Buffer.from(hostPage(name, urls)), type: TYPES['.html'] });
    routes.set(`/late/${name}.html`, { body: Buffer.from(hostPage(name, urls, true)), type: TYPES['.html'] });
  }
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const route = routes.get(url.pathname);
    if (!route) {
      response.writeHead(url.pathname === '/favicon.ico' ? 204 : 404, { 'cache-control': 'no-store' });
      return response.end();
    }
    const send = () => {
      response.writeHead(200, {
        'content-type': route.type,
        'content-length': route.body.length,
        'cache-control': 'no-store',
      });
      response.end(route.body);
    };
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay > 0) setTimeout(send, delay);
    else send();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}`, served };
}
