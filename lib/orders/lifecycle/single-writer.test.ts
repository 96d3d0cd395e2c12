import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OrderStatus } from "@/generated/prisma/enums";
import { type Effect, type Move, MOVES, TRANSITIONS } from "./moves";

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

  it("names what happens to the money, the stock and the vouchers on every move (the table, read)", () => {
    const moves = Object.entries(MOVES as Record<string, Move>);
    const has = (move: Move, effect: Effect) => move.effects.includes(effect);
    for (const [name, move] of moves) {
      for (const from of move.from) expect(TRANSITIONS[from], `${name}: ${from} → ${move.to}`).toContain(move.to);
      expect(new Set(move.effects).size, `${name}: an effect twice`).toBe(move.effects.length);
      // Ended without a handover: what it held goes back (all of it, or the places when the goods cannot).
      if (move.to === "CANCELLED") expect(has(move, "releaseHolds"), name).toBe(true);
      if (move.to === "NO_SHOW") expect(has(move, "releasePlaces"), name).toBe(true);
      // Handed over: the vouchers are spent, the shop is paid.
      if (move.to === "COLLECTED") expect(has(move, "spendVouchers") && has(move, "paymentFollowUp"), name).toBe(true);
      // Once paid (or to pay at pickup), every move reconsiders the payment; before, there is nothing to capture.
      if (move.from.some((from) => from !== "AWAITING_PAYMENT")) expect(has(move, "paymentFollowUp"), name).toBe(true);
      // A paid order no longer holds a hold job or a payment page.
      if (move.to === "CONFIRMED") expect(has(move, "cancelHoldJob"), name).toBe(true);
      // The customer hears of every move that ends the order, except the relay desk's handover in person.
      if (move.to === "CANCELLED" || move.to === "NO_SHOW") expect(move.effects.some((effect) => effect.startsWith("email")), name).toBe(true);
      // An ended order asks its customer nothing more (no substitute or slot left to answer).
      if (TRANSITIONS[move.to].length === 0) expect(has(move, "closeOpenQuestions"), name).toBe(true);
      // A guard runs first, before anything is given back or told.
      if (has(move, "noSubstituteAwaitingAnswer")) expect(move.effects[0], name).toBe("noSubstituteAwaitingAnswer");
    }
    // Every line of TRANSITIONS comes from a named move.
    for (const [from, tos] of Object.entries(TRANSITIONS)) for (const to of tos) expect(moves.some(([, move]) => move.to === to && move.from.includes(from as OrderStatus)), `${from} → ${to}`).toBe(true);
  });
});
