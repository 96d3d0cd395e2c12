import { expect, test as base } from "@playwright/test";

/**
 * Playwright's test with one automatic check: no page of the test may break the
 * Content-Security-Policy (a blocked script or style is a broken page for users).
 */
export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ page }, use) => {
      const violations: string[] = [];
      // Violations a library swallows (an eval in a try/catch) print nothing: report every one the page sees.
      await page.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`)),
      );
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Locator, Page } from "@playwright/test";
