import { describe, expect, it } from "vitest";
import { boundedText, decimalNumber, wholeNumber } from "./fields";

describe("wholeNumber", () => {
  const quantity = wholeNumber(1, 99, "quantityInvalid");

  it("takes digits and numbers within bounds", () => {
    expect(quantity.parse("3")).toBe(3);
    expect(quantity.parse(" 12 ")).toBe(12);
    expect(quantity.parse(7)).toBe(7);
  });

  it("refuses what z.coerce.number() would have read as a number", () => {
    for (const bad of ["", " ", "0x10", "1e1", "1.5", "+3", "-1", "0b11", "Infinity", "3 4", 1.5, Number.NaN, "100", 0, null, true, ["3"]]) {
      expect(quantity.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("decimalNumber", () => {
  const latitude = decimalNumber(-90, 90, "positionInvalid");
  it("reads dots and commas, refuses the rest", () => {
    expect(latitude.parse("46,58")).toBe(46.58);
    expect(latitude.parse("-0.34")).toBe(-0.34);
    for (const bad of ["", "abc", "1e2", "91", "0x1", Number.POSITIVE_INFINITY]) expect(latitude.safeParse(bad).success, String(bad)).toBe(false);
  });
});

describe("boundedText", () => {
  it("refuses NUL bytes and overlong text", () => {
    expect(boundedText(5).safeParse("abc").success).toBe(true);
    expect(boundedText(5).safeParse("a\u0000b").success).toBe(false);
    expect(boundedText(5).safeParse("abcdef").success).toBe(false);
  });
});
