import { describe, expect, it } from "vitest";
import { formatPrice } from "./format";

describe("formatPrice", () => {
  it("formats cents as euros in French and English", () => {
    expect(formatPrice(1250, "fr").replace(/\s/g, " ")).toBe("12,50 €");
    expect(formatPrice(1250, "en")).toBe("€12.50");
    expect(formatPrice(0, "fr").replace(/\s/g, " ")).toBe("0,00 €");
  });
});
