import { describe, expect, it } from "vitest";
import { slugify } from "./slugify";

describe("slugify", () => {
  it("drops accents and punctuation", () => {
    expect(slugify("Épicerie du Clain — n°2 !")).toBe("epicerie-du-clain-n-2");
    expect(slugify("Mode et Beauté", 40)).toBe("mode-et-beaute");
    expect(slugify("!!!")).toBe("");
  });
});
