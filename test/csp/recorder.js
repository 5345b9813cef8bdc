// Loaded first on test/csp/page.html, as a classic script so it runs before any module:
// records every Content Security Policy violation the page reports, for test/csp.test.ts.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push({
    effectiveDirective: event.effectiveDirective,
    violatedDirective: event.violatedDirective,
    blockedURI: event.blockedURI,
    sourceFile: event.sourceFile,
    lineNumber: event.lineNumber,
    sample: event.sample,
    disposition: event.disposition,
  });
});
