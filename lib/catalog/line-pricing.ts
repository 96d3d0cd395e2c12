/**
 * What a cart or order line costs, on the server only. A product sold by weight is
 * priced per kilogram: the customer orders pieces of about `pieceGrams`; the line
 * is estimated at that weight, and may cost up to the tolerance more (what an
 * online payment authorizes) until the shop enters the real weight.
 */
export type PricedProduct = { priceCents: number; soldByWeight: boolean; pieceGrams: number | null; weightToleranceBp: number };

export type LinePrice = { totalCents: number; maxTotalCents: number; estimatedGrams: number | null; maxGrams: number | null };

export function priceForGrams(pricePerKgCents: number, grams: number): number {
  return Math.round((pricePerKgCents * grams) / 1000);
}

/** The heaviest weight accepted for a line estimated at `grams`. */
export function maxGramsFor(grams: number, toleranceBp: number): number {
  return Math.floor((grams * (10_000 + toleranceBp)) / 10_000);
}

export function priceLine(product: PricedProduct, quantity: number): LinePrice {
  if (!product.soldByWeight || !product.pieceGrams) {
    const total = product.priceCents * quantity;
    return { totalCents: total, maxTotalCents: total, estimatedGrams: null, maxGrams: null };
  }
  const estimatedGrams = product.pieceGrams * quantity;
  const maxGrams = maxGramsFor(estimatedGrams, product.weightToleranceBp);
  // The maximum price is the tolerance applied exactly (250 g +15 % = 287.5 g), the accepted weight whole grams.
  const maxTotalCents = Math.round((product.priceCents * estimatedGrams * (10_000 + product.weightToleranceBp)) / 10_000_000);
  return { totalCents: priceForGrams(product.priceCents, estimatedGrams), maxTotalCents, estimatedGrams, maxGrams };
}

/** VAT included in a price with tax (prices are shown and stored tax included). */
export const includedVat = (totalCents: number, rateBp: number) => Math.round((totalCents * rateBp) / (10_000 + rateBp));
