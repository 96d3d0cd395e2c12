import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { auditPageName } from "@/tests/helpers/a11y-audit";

/** Every scan of the run, one JSON line each, for the accessibility statement (e2e/support/a11y-scans.ts). */
export const AXE_SCANS_FILE = path.join(process.cwd(), ".data", "a11y", "axe-scans.jsonl");

/** Fails with the list of WCAG 2.2 A/AA violations axe finds on the page. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  // Next.js streams the <title> after the first bytes; scan the page once it has arrived.
  await expect(page).toHaveTitle(/\S/);
  await page.waitForLoadState("load");
  let results = await scan(page);
  if (results.violations.length > 0) {
    // A client-side navigation still streaming (the old page's title gone, the new one not yet hoisted) is not
    // the page's fault: scan once more when the network is quiet. A real violation is found by both scans.
    await page.waitForLoadState("networkidle");
    await expect(page).toHaveTitle(/\S/);
    results = await scan(page);
  }
  mkdirSync(path.dirname(AXE_SCANS_FILE), { recursive: true });
  appendFileSync(
    AXE_SCANS_FILE,
    `${JSON.stringify({ page: auditPageName(page.url()), violations: results.violations.length, rules: results.violations.map((v) => v.id), axe: results.testEngine.version, browser: page.context().browser()?.version() ?? "" })}\n`,
  );
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

function scan(page: Page) {
  return new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
}
