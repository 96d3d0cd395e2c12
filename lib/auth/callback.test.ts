import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/commandes?id=3")).toBe("/commandes?id=3");
    expect(safeCallbackPath("http://localhost:3000/compte")).toBe("/compte");
  });

  it("never leaves the site", () => {
    expect(safeCallbackPath("https://evil.example/steal")).toBe("/steal");
    expect(safeCallbackPath("//evil.example")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/connexion/suite");
  });
});
