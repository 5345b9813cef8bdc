/**
 * Test-runner commands that look inside the browser through the Chrome DevTools Protocol, for
 * test/robustness.test.ts. Call them with `executeServerCommand(name)` from
 * @web/test-runner-commands. In a browser without CDP (Firefox runs over WebDriver BiDi) each
 * answers `null`, and the test skips that check, saying why.
 *
 *   heap-usage             forces two full garbage collections, then
 *                          → {usedSize, totalSize} in bytes (Runtime.getHeapUsage)
 *   global-listener-counts → {window, document, documentElement}: how many event listeners
 *                          each holds (DOMDebugger.getEventListeners), whoever added them
 */

/** One CDP session per puppeteer page, made on first use. */
const sessions = new WeakMap();

async function cdpSession(session) {
  const launcher = session.browser;
  // chromeLauncher names itself "Chrome" when it drives a local Chrome or Chromium over CDP.
  if (launcher?.type !== 'puppeteer' || launcher.name !== 'Chrome') return null;
  const page = launcher.getPage(session.id);
  if (!sessions.has(page)) sessions.set(page, page.createCDPSession());
  return sessions.get(page);
}

async function listenerCount(cdp, expression) {
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  try {
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.length;
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
}

export function browserProbes() {
  return {
    name: 'browser-probes',
    async executeCommand({ command, session }) {
      if (command === 'heap-usage') {
        const cdp = await cdpSession(session);
        if (!cdp) return false;
        // Two passes: objects freed by the first (weak maps, finalizers) are collected by the second.
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
        return { usedSize, totalSize };
      }
      if (command === 'global-listener-counts') {
        const cdp = await cdpSession(session);
        if (!cdp) return false;
        return {
          window: await listenerCount(cdp, 'window'),
          document: await listenerCount(cdp, 'document'),
          documentElement: await listenerCount(cdp, 'document.documentElement'),
        };
      }
      return undefined;
    },
  };
}
