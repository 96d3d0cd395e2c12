import { describe, expect, it } from "vitest";
import { territoryHref } from "./href";

describe("territoryHref", () => {
  it("prefixes paths with the town's base, and leaves them alone at a town's own address", () => {
    expect(territoryHref("", "/panier")).toBe("/panier");
    expect(territoryHref("/saintes", "/panier")).toBe("/saintes/panier");
    expect(territoryHref("/saintes", "/")).toBe("/saintes");
    expect(territoryHref("/saintes", "boutiques/x")).toBe("/saintes/boutiques/x");
  });
});
