/**
 * Serves test/csp/page.html with the strict Content Security Policy a careful clinic site
 * would send, so test/csp.test.ts can load the one-file bundle under it in an iframe.
 *
 *   GET /csp/page.html                 the page, with the policy below
 *   GET /csp/page.html?copies=2        the page loading the bundle twice (two URLs, so two
 *                                      copies of Lit), as a page that includes it twice does
 *   GET /csp/page.html?copies=2&allowDuplicates
 *                                      the same, with 'allow-duplicates' in `trusted-types`
 *
 * The policy is exactly the one README's "Privacy and security" promises the widget works
 * under, and nothing more:
 *   default-src 'none'             nothing that is not listed below loads
 *   script-src 'self'              the bundle and the recorder, as files; no inline script, no eval
 *   style-src 'self'               no inline <style> or style="" (the widget uses constructed
 *                                  stylesheets, which style-src does not govern)
 *   connect-src 'self'             the call-back POST to the same-origin endpoint
 *   require-trusted-types-for 'script'; trusted-types lit-html
 *                                  DOM sinks take Trusted Types only, and the only policy that
 *                                  may be created is Lit's
 */
import { readFile } from 'node:fs/promises';

export const CSP_PAGE_PATH = '/csp/page.html';

export const CSP_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

const PAGE_FILE = new URL('../csp/page.html', import.meta.url);
const RUNNER_SCRIPT =
  /<!-- injected by web-dev-server -->\s*<script[^>]*__web-dev-server__web-socket\.js[^>]*><\/script>/;
const SECOND_COPY = '<script type="module" src="/dist/second-opinion-check.js?copy=2"></script>';

export function cspPage() {
  return {
    name: 'csp-page',
    async serve(context) {
      if (context.path !== CSP_PAGE_PATH) return undefined;
      let body = await readFile(PAGE_FILE, 'utf8');
      let policy = CSP_POLICY;
      if (context.query.copies === '2') body = body.replace('<!-- second copy -->', SECOND_COPY);
      if ('allowDuplicates' in context.query)
        policy = policy.replace('trusted-types lit-html', "trusted-types lit-html 'allow-duplicates'");
      return {
        body,
        type: 'html',
        headers: { 'Content-Security-Policy': policy, 'Cache-Control': 'no-store' },
      };
    },
    // The runner appends its live-reload script to every HTML page it serves. It would not be
    // refused ('self'), but the page must hold only what a clinic's page would: take it out.
    transform(context) {
      if (context.path !== CSP_PAGE_PATH || typeof context.body !== 'string') return undefined;
      return context.body.replace(RUNNER_SCRIPT, '');
    },
  };
}
