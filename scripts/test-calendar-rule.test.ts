import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The suite's calendar rule (README, "Tests"): a literal date in a test is allowed only where
 * the test does not also read the real clock — a file that writes "2026-11-30" and calls
 * `new Date()` or `Date.now()` is a test that turns red on the day the calendar passes it
 * (lib/vouchers/campaigns.int.test.ts did, on 1 December 2026). A line that mixes them on
 * purpose (a date always in the past, a value never compared with the clock) says why with a
 * `// calendar-safe: <reason>` comment.
 */
const root = path.resolve(import.meta.dirname, "..");
const DATE_LITERAL = /\b20\d\d-[01]\d-[0-3]\d(?!\d)|Date\.UTC\(20\d\d|new Date\(20\d\d,/;
// `fromLocal(...) ?? new Date()` is a type fallback that never runs on a valid day: not a read.
const REAL_CLOCK = /(?<!\?\? )new Date\(\)|Date\.now\(\)/;
const WAIVER = /\/\/ calendar-safe: \S/;

function testFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "*.test.ts", "e2e/*.ts", "tests/*.ts", "tests/**/*.ts"], { cwd: root, encoding: "utf8" });
  return [...new Set(listed.split("\n").filter(Boolean))].filter((file) => file !== "scripts/test-calendar-rule.test.ts");
}

export function calendarBombs(source: string): number[] {
  const lines = source.split("\n");
  if (!lines.some((line) => REAL_CLOCK.test(line))) return [];
  return lines.flatMap((line, index) => (DATE_LITERAL.test(line) && !WAIVER.test(line) ? [index + 1] : []));
}

describe("the calendar rule over the test files", () => {
  it("finds a literal date in a file that reads the real clock, and accepts a waived line", () => {
    expect(calendarBombs(`const ends = "2026-11-30";\nawait stop(campaign, new Date());`)).toEqual([1]);
    expect(calendarBombs(`const ends = "2026-11-30";\nawait stop(campaign, new Date("2026-06-15T10:00:00Z"));`)).toEqual([]);
    expect(calendarBombs(`const t = fromLocal("2026-11-24", 600) ?? new Date();`)).toEqual([]);
    expect(calendarBombs(`const ends = "2020-01-01"; // calendar-safe: always in the past\nconst at = Date.now();`)).toEqual([]);
  });

  it("no test file mixes a literal date with the real clock", () => {
    const offenders = testFiles().flatMap((file) => calendarBombs(readFileSync(path.join(root, file), "utf8")).map((line) => `${file}:${line}`));
    expect(offenders, "fix now in the test, or compute the date from it (README, Tests)").toEqual([]);
  });
});
