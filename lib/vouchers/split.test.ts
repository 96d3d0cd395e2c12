import { describe, expect, it } from "vitest";
import { normaliseVoucherCode, newVoucherCode, voucherPersonKeys } from "./codes";
import { splitInProportion } from "./split";

describe("splitting a voucher over a basket's orders", () => {
  it("is in proportion, to the cent, and sums exactly", () => {
    expect(splitInProportion(1000, [3000, 1000])).toEqual([750, 250]);
    expect(splitInProportion(1000, [500, 500, 500])).toEqual([334, 333, 333]);
    // 1139.66, 855.73, 4.61: the two cents left go to the largest remainders.
    expect(splitInProportion(2000, [1730, 1299, 7])).toEqual([1140, 856, 4]);
    for (let run = 0; run < 200; run++) {
      const totals = Array.from({ length: 1 + (run % 5) }, (_, i) => 1 + ((run * 7919 + i * 104729) % 9000));
      const amount = (run * 31) % (totals.reduce((a, b) => a + b, 0) + 1);
      const parts = splitInProportion(amount, totals);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
      parts.forEach((part, i) => expect(part).toBeLessThanOrEqual(totals[i]!));
    }
  });

  it("gives nothing to nothing and refuses more than the basket", () => {
    expect(splitInProportion(0, [500, 500])).toEqual([0, 0]);
    expect(() => splitInProportion(1001, [500, 500])).toThrow();
  });
});

describe("voucher codes", () => {
  it("are 16 unambiguous letters, read back whatever the case, spaces or dashes", () => {
    const code = newVoucherCode();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{16}$/);
    expect(normaliseVoucherCode(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)} `)).toBe(code);
    expect(normaliseVoucherCode("ABCD-EFGH-IJKL-MNOP")).toBeNull(); // I and O are not in the alphabet
    expect(normaliseVoucherCode("ABCD")).toBeNull();
    expect(new Set(Array.from({ length: 1000 }, newVoucherCode)).size).toBe(1000);
  });

  it("count one person by their email or their phone", () => {
    const a = voucherPersonKeys({ email: "Camille@Example.fr ", phone: "06 12 34 56 78" });
    const b = voucherPersonKeys({ email: "camille@example.fr", phone: null });
    const c = voucherPersonKeys({ email: "autre@example.fr", phone: "+33 6 12 34 56 78" });
    expect(a.emailKey).toBe(b.emailKey);
    expect(a.phoneKey).toBe(c.phoneKey);
    expect(a.emailKey).not.toContain("camille");
    // However a French number is written, it is one person.
    for (const written of ["+33 (0)6 12 34 56 78", "0033 612345678", "06.12.34.56.78"]) expect(voucherPersonKeys({ email: null, phone: written }).phoneKey).toBe(a.phoneKey);
    expect(voucherPersonKeys({ email: null, phone: "------" }).phoneKey).toBeNull();
    // Signed in, the account's address counts, not the one typed in the form.
    expect(voucherPersonKeys({ email: "autre-adresse@example.fr", phone: null, accountEmail: "camille@example.fr" }).emailKey).toBe(b.emailKey);
  });
});
