// The system Chromium every browser tool here launches (tests, story checks, benchmark):
// Debian's by default, CHROME_PATH for another. No tool downloads a browser.
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// Headless, and quiet: without the network flags Chromium keeps trying to reach its services.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
