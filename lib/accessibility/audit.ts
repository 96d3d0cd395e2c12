import results from "./audit-results.json";

/**
 * The automated accessibility results the statement page shows (issue #12):
 * written by the test suite (`npm test`: axe on every page the Playwright
 * journeys scan, pa11y with HTML_CodeSniffer on the main pages), committed with
 * the code they measured, so the statement always says what was last measured
 * and with which tools.
 */
export type AuditPage = { page: string; violations: number; rules: string[] };
export type ToolRun = { measuredAt: string; tool: string; browser: string; pages: AuditPage[] } | null;
export type AccessibilityAudit = { axe: ToolRun; pa11y: ToolRun };

export function accessibilityAudit(): AccessibilityAudit {
  return results as AccessibilityAudit;
}

/** One row per page, with both tools' counts (null: not measured by that tool). */
export function auditRows(audit: AccessibilityAudit): { page: string; axe: number | null; pa11y: number | null }[] {
  const pages = new Map<string, { axe: number | null; pa11y: number | null }>();
  for (const entry of audit.axe?.pages ?? []) pages.set(entry.page, { axe: entry.violations, pa11y: null });
  for (const entry of audit.pa11y?.pages ?? []) pages.set(entry.page, { axe: pages.get(entry.page)?.axe ?? null, pa11y: entry.violations });
  return [...pages].map(([page, counts]) => ({ page, ...counts })).sort((a, b) => a.page.localeCompare(b.page));
}
