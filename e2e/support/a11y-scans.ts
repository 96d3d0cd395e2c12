import { existsSync, readFileSync, rmSync } from "node:fs";
import { recordAudit } from "@/tests/helpers/a11y-audit";
import { AXE_SCANS_FILE } from "./axe";

type Scan = { page: string; violations: number; rules: string[]; axe: string; browser: string };

/** Before the run: no scans from an earlier run. */
export function clearScans(): void {
  rmSync(AXE_SCANS_FILE, { force: true });
}

/**
 * After the run: one row per page scanned (the worst scan of that page), with
 * axe's and the browser's versions, into the accessibility statement's results
 * (only for the whole suite, see recordAudit).
 */
export function recordScans(): void {
  if (!existsSync(AXE_SCANS_FILE)) return;
  const scans = readFileSync(AXE_SCANS_FILE, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Scan);
  const worst = new Map<string, Scan>();
  for (const scan of scans) if ((worst.get(scan.page)?.violations ?? -1) < scan.violations) worst.set(scan.page, scan);
  const first = scans[0];
  if (!first) return;
  const recorded = recordAudit("axe", {
    tool: `axe-core ${first.axe} (@axe-core/playwright), WCAG 2.0/2.1/2.2 A et AA`,
    browser: `Chromium ${first.browser}`,
    pages: [...worst.values()].map(({ page, violations, rules }) => ({ page, violations, rules })),
  });
  if (recorded) console.log(`accessibility audit: axe results of ${worst.size} pages written`);
}
