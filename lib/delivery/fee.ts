import { includedVat } from "@/lib/catalog/line-pricing";

export type DeliveryTerms = {
  /** The commune's fee in the shop's zone */
  zoneFeeCents: number;
  /** Free from this basket amount (goods only); null = never free */
  freeFromCents: number | null;
};

/** What delivery costs for a basket of goods: the commune's fee, nothing from the shop's free threshold. */
export function deliveryFeeCents(terms: DeliveryTerms, goodsCents: number): number {
  if (terms.freeFromCents !== null && goodsCents >= terms.freeFromCents) return 0;
  return terms.zoneFeeCents;
}

/**
 * The VAT inside a delivery fee. A delivery is accessory to the goods and follows their rate; with several
 * rates in the basket, the fee is shared between them in proportion to each rate's amount (the tax
 * administration's rule for accessory costs), to the cent.
 */
export function deliveryFeeVatCents(feeCents: number, lines: { totalCents: number; vatRateBp: number }[]): number {
  const goods = lines.reduce((sum, l) => sum + l.totalCents, 0);
  if (feeCents <= 0 || goods <= 0) return 0;
  // Per rate, its share of the fee; the VAT is rounded once per rate.
  const byRate = new Map<number, number>();
  for (const line of lines) byRate.set(line.vatRateBp, (byRate.get(line.vatRateBp) ?? 0) + line.totalCents);
  let left = feeCents;
  let vat = 0;
  const rates = [...byRate.entries()].sort((a, b) => b[1] - a[1]);
  rates.forEach(([rateBp, amount], index) => {
    const share = index === rates.length - 1 ? left : Math.round((feeCents * amount) / goods);
    left -= share;
    vat += includedVat(share, rateBp);
  });
  return vat;
}
