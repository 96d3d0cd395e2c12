/**
 * pa11y drives the browser through Puppeteer. Puppeteer would download its own
 * Chrome at install time; this machine (and CI) reaches only the npm registry,
 * and the system Chromium is what the tests use (see tests/a11y/pa11y.test.ts).
 */
module.exports = { skipDownload: true };
