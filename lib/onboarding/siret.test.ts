import { describe, expect, it } from "vitest";
import { isValidSiret, normalizeSiret } from "./siret";

describe("isValidSiret", () => {
  it("accepts SIRETs with a valid Luhn checksum, with or without spaces", () => {
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("732 829 320 00074")).toBe(true);
    expect(normalizeSiret("732 829 320 00074")).toBe("73282932000074");
  });

  it("refuses a wrong checksum, a wrong length and letters", () => {
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("7328293200007A")).toBe(false);
  });

  it("applies La Poste's rule (digit sum multiple of 5) to SIREN 356 000 000", () => {
    expect(isValidSiret("35600000049837")).toBe(true); // digits add up to 45
    expect(isValidSiret("35600000000048")).toBe(false); // 26
  });
});
