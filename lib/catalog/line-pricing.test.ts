import { describe, expect, it } from "vitest";
import { includedVat, maxGramsFor, priceForGrams, priceLine } from "./line-pricing";

describe("line pricing", () => {
  it("prices a piece product by quantity", () => {
    expect(priceLine({ priceCents: 130, soldByWeight: false, pieceGrams: null, weightToleranceBp: 1500 }, 3)).toEqual({ totalCents: 390, maxTotalCents: 390, estimatedGrams: null, maxGrams: null });
  });

  it("estimates a weighed line and its maximum at the tolerance (about 250 g of Comté at 25 €/kg: ≈ 6,25 €, at most 7,19 €)", () => {
    expect(priceLine({ priceCents: 2500, soldByWeight: true, pieceGrams: 250, weightToleranceBp: 1500 }, 1)).toEqual({ totalCents: 625, maxTotalCents: 719, estimatedGrams: 250, maxGrams: 287 });
    expect(priceLine({ priceCents: 2500, soldByWeight: true, pieceGrams: 250, weightToleranceBp: 1500 }, 2).estimatedGrams).toBe(500);
    expect(maxGramsFor(1000, 0)).toBe(1000);
    expect(priceForGrams(1999, 333)).toBe(666);
  });

  it("takes the VAT out of a price with tax", () => {
    expect(includedVat(1055, 550)).toBe(55);
    expect(includedVat(1200, 2000)).toBe(200);
  });
});
