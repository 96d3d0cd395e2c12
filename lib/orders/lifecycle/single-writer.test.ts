import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OrderStatus } from "@/generated/prisma/enums";
import { TRANSITIONS } from "./moves";

/** The text of a call starting at `open` (an opening parenthesis), up to its matching close. */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "(") depth++;
    else if (source[i] === ")" && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

/** Places in a file that write an order's status: a Prisma update of Order whose data sets `status`, or raw SQL. */
export function statusWrites(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\.order\.(update|updateMany|upsert)\s*\(/g)) {
    const call = callText(source, (match.index ?? 0) + match[0].length - 1);
    const data = call.slice(Math.max(0, call.search(/\b(data|update)\s*:/)));
    if (/[{,\s]status\s*:/.test(data)) found.push(call.slice(0, 120));
  }
  for (const match of source.matchAll(/UPDATE\s+"Order"\s+SET[^;`]*"status"/gi)) found.push(match[0].slice(0, 120));
  return found;
}

describe("one writer of an order's status (issue #24, item 0)", () => {
  it("no file outside lib/orders/lifecycle/ changes Order.status", () => {
    const files = execFileSync("git", ["ls-files", "lib", "app", "components", "scripts", "prisma"], { encoding: "utf8" })
      .split("\n")
      .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.ts$/.test(file) && !file.startsWith("lib/orders/lifecycle/"));
    const writers = files.flatMap((file) => statusWrites(readFileSync(file, "utf8")).map((write) => `${file}: ${write}`));
    expect(writers).toEqual([]);
  });

  it("would see a writer if one came back", () => {
    expect(statusWrites(`await tx.order.updateMany({ where: { id, status: "READY" }, data: { status: "COLLECTED" } });`)).toHaveLength(1);
    expect(statusWrites(`await db.order.update({ where: { id }, data: { paymentStatus: "REFUNDED", refundedCents: 1 } });`)).toHaveLength(0);
    expect(statusWrites("await tx.$executeRaw`UPDATE \"Order\" SET \"status\" = 'CANCELLED'`")).toHaveLength(1);
  });

  it("has a row for every status, and none out of a final one", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.values(OrderStatus).sort());
    for (const final of ["COLLECTED", "CANCELLED", "NO_SHOW"] as const) expect(TRANSITIONS[final]).toEqual([]);
    for (const [from, tos] of Object.entries(TRANSITIONS)) for (const to of tos) expect(to, `${from} → ${to}`).not.toBe(from);
  });
});
