/**
 * SIRET: 14 digits whose Luhn checksum is valid. La Poste's establishments
 * (SIREN 356 000 000) are the known exception: their digits add up to a
 * multiple of 5 instead.
 */
export function normalizeSiret(value: string): string {
  return value.replace(/[\s.-]/g, "");
}

export function isValidSiret(value: string): boolean {
  const siret = normalizeSiret(value);
  if (!/^\d{14}$/.test(siret)) return false;
  const digits = [...siret].map(Number);
  if (siret.startsWith("356000000")) return digits.reduce((sum, d) => sum + d, 0) % 5 === 0;
  const sum = digits.reduce((total, digit, index) => {
    // From the left, every second digit (even index in a 14-digit number) is doubled.
    const value = index % 2 === 0 ? digit * 2 : digit;
    return total + (value > 9 ? value - 9 : value);
  }, 0);
  return sum % 10 === 0;
}
