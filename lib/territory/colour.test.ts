import { describe, expect, it } from "vitest";
import { AA_NORMAL_TEXT, contrastRatio, darken, primaryColourContrast, tint } from "./colour";

describe("a town's primary colour", () => {
  it("measures contrast as WCAG defines it", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // Reference pair: #767676 on white is the classic 4.54:1.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("accepts Comptoir's green and dark town colours, refuses light or bright ones", () => {
    expect(primaryColourContrast("#1d6b3c")).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
    expect(primaryColourContrast("#003d7a")).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
    expect(primaryColourContrast("#777777")).toBeLessThan(AA_NORMAL_TEXT); // 4.48 on white
    expect(primaryColourContrast("#ffcc00")).toBeLessThan(AA_NORMAL_TEXT);
    expect(primaryColourContrast("#ff6600")).toBeLessThan(AA_NORMAL_TEXT); // a bright orange
  });

  it("derives darker and lighter shades that keep the contrast", () => {
    expect(darken("#1d6b3c", 0.8)).toBe("#175630");
    expect(primaryColourContrast(darken("#1d6b3c", 0.8))).toBeGreaterThan(primaryColourContrast("#1d6b3c"));
    expect(contrastRatio(darken("#1d6b3c", 0.6), tint("#1d6b3c", 0.08))).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });
});
