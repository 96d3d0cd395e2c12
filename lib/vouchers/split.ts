/**
 * Splits an amount over orders in proportion to their totals, to the cent, the
 * parts summing exactly to the amount (largest remainders get the leftover
 * cents; ties go to the earlier order). The amount must not exceed the sum.
 */
export function splitInProportion(amountCents: number, totals: number[]): number[] {
  const sum = totals.reduce((a, b) => a + b, 0);
  if (amountCents <= 0 || sum <= 0) return totals.map(() => 0);
  if (amountCents > sum) throw new Error("cannot split more than the totals");
  const exact = totals.map((total) => (amountCents * total) / sum);
  const parts = exact.map(Math.floor);
  let left = amountCents - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}
