import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/generated/prisma/enums";
import { TRANSITIONS } from "@/lib/orders/status";
import { amountDue, SETTLED_FOR_CAPTURE, type OrderForAmount } from "./amounts";

const order = (over: Partial<OrderForAmount>): OrderForAmount => ({ status: "COLLECTED", totalCents: 4000, maxTotalCents: 4000, voucherCents: 0, lines: [], shop: { noShowFeeCents: null }, ...over });

describe("what the card pays", () => {
  it("is the total less the town's vouchers, never below nothing", () => {
    expect(amountDue(order({}))).toBe(4000);
    expect(amountDue(order({ voucherCents: 1500 }))).toBe(2500);
    expect(amountDue(order({ totalCents: 1000, voucherCents: 1500 }))).toBe(0);
  });

  it("while a weighed line waits for its weight: the maximum less the vouchers", () => {
    expect(amountDue(order({ status: "PREPARING", maxTotalCents: 4600, voucherCents: 1000, lines: [{ soldByWeight: true, actualGrams: null, deliveredQuantity: null }] }))).toBe(3600);
  });

  it("cancelled: nothing; not collected: the shop's fee, the vouchers having gone back to the town", () => {
    expect(amountDue(order({ status: "CANCELLED", voucherCents: 1000 }))).toBe(0);
    expect(amountDue(order({ status: "NO_SHOW", voucherCents: 1000, shop: { noShowFeeCents: 500 } }))).toBe(500);
  });
});

describe("statuses settled for capture", () => {
  it("are every status once the shop has prepared the order (new statuses must be placed here: a round out for delivery is settled)", () => {
    const notYet: OrderStatus[] = ["AWAITING_PAYMENT", "CONFIRMED", "PREPARING"];
    for (const status of Object.keys(TRANSITIONS) as OrderStatus[]) expect(SETTLED_FOR_CAPTURE.includes(status), status).toBe(!notYet.includes(status));
  });
});

describe("a missing weighed line (issue #24)", () => {
  it("waits for no weight: the order's total is due, not its maximum", () => {
    expect(amountDue(order({ status: "PREPARING", totalCents: 900, maxTotalCents: 900, voucherCents: 0, lines: [{ soldByWeight: true, actualGrams: null, deliveredQuantity: 0 }] }))).toBe(900);
  });
});
