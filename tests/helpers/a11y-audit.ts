import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AccessibilityAudit, AuditPage } from "@/lib/accessibility/audit";

export { auditPageName } from "@/lib/http/public-path";

/** The file the accessibility statement renders (lib/accessibility/audit.ts). */
export const AUDIT_FILE = path.join(process.cwd(), "lib", "accessibility", "audit-results.json");

/**
 * Writes one tool's results into the audit file, keeping the other tool's. Only
 * the whole suite writes it (A11Y_AUDIT=1, set by scripts/test-all.sh): a run of
 * one spec must not replace the full list of pages with a few.
 */
export function recordAudit(tool: keyof AccessibilityAudit, run: { tool: string; browser: string; pages: AuditPage[] }): boolean {
  if (process.env.A11Y_AUDIT !== "1") return false;
  const current = JSON.parse(readFileSync(AUDIT_FILE, "utf8")) as AccessibilityAudit;
  const next: AccessibilityAudit = { ...current, [tool]: { measuredAt: new Date().toISOString(), ...run, pages: [...run.pages].sort((a, b) => a.page.localeCompare(b.page)) } };
  writeFileSync(AUDIT_FILE, `${JSON.stringify(next, null, 2)}\n`);
  return true;
}
