import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Reads of the machine's clock in a source: `new Date()` with no argument, `Date.now()`. */
export function clockReads(source: string): string[] {
  return [...source.matchAll(/new Date\(\s*\)|Date\.now\(\s*\)/g)].map((match) => match[0]);
}

describe("orders and payments take their time from the caller (issue #24, item 0)", () => {
  it("no use case in lib/orders or lib/payments reads the clock itself", () => {
    const files = execFileSync("git", ["ls-files", "lib/orders", "lib/payments"], { encoding: "utf8" })
      .split("\n")
      .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.ts$/.test(file));
    const reads = files.flatMap((file) => clockReads(readFileSync(file, "utf8")).map((read) => `${file}: ${read}`));
    expect(reads).toEqual([]);
  });

  it("would see a clock read if one came back", () => {
    expect(clockReads("const now = request.now ?? new Date();")).toHaveLength(1);
    expect(clockReads("if (Date.now() > deadline) return;")).toHaveLength(1);
    expect(clockReads("new Date(order.slotStartsAt.getTime() - lead)")).toHaveLength(0);
  });
});
