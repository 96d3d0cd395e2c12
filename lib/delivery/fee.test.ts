import { describe, expect, it } from "vitest";
import { deliveryFeeCents, deliveryFeeVatCents } from "./fee";

describe("delivery fee", () => {
  it("is the commune's fee below the free threshold, nothing from it", () => {
    expect(deliveryFeeCents({ zoneFeeCents: 450, freeFromCents: 5000 }, 4999)).toBe(450);
    expect(deliveryFeeCents({ zoneFeeCents: 450, freeFromCents: 5000 }, 5000)).toBe(0);
    expect(deliveryFeeCents({ zoneFeeCents: 450, freeFromCents: null }, 1_000_000)).toBe(450);
    expect(deliveryFeeCents({ zoneFeeCents: 0, freeFromCents: null }, 100)).toBe(0);
  });

  it("carries the goods' VAT: one rate, or shared between rates in proportion", () => {
    // 5.5 % food: 4.50 € holds 0.23 € of VAT.
    expect(deliveryFeeVatCents(450, [{ totalCents: 2000, vatRateBp: 550 }])).toBe(23);
    // Half food (5.5 %), half wine (20 %): 2.25 € at each rate → 0.12 + 0.38.
    expect(deliveryFeeVatCents(450, [{ totalCents: 1000, vatRateBp: 550 }, { totalCents: 1000, vatRateBp: 2000 }])).toBe(12 + 38);
    // Lines of the same rate count together; a fee larger than the goods still splits whole.
    expect(deliveryFeeVatCents(600, [{ totalCents: 100, vatRateBp: 2000 }, { totalCents: 200, vatRateBp: 2000 }])).toBe(100);
    expect(deliveryFeeVatCents(0, [{ totalCents: 100, vatRateBp: 2000 }])).toBe(0);
  });
});
