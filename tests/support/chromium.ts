// Debian's Chromium, as every browser test and the UI benchmark start it. Playwright's own browser
// download does not work on these machines; without the networking flags Chromium floods the closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
