import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails with the list of WCAG 2.2 A/AA violations axe finds on the page. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  // Next.js streams the <title> after the first bytes; scan the page once it has arrived.
  await expect(page).toHaveTitle(/\S/);
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}
