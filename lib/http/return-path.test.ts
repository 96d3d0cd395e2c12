import { describe, expect, it } from "vitest";
import { sameOriginReturnPath } from "./return-path";

describe("attack: open redirect through the language switch's Referer", () => {
  it("goes back to a page of this host only", () => {
    expect(sameOriginReturnPath("http://localhost:3000/boutiques/x?q=1", "localhost:3000")).toBe("/boutiques/x?q=1");
    expect(sameOriginReturnPath("http://localhost:3000/niort/recherche?q=pain", "LOCALHOST:3000")).toBe("/niort/recherche?q=pain");
  });

  it("sends every other Referer to the home", () => {
    for (const referer of [
      "http://localhost:3000//evil.example/x",
      "http://localhost:3000/\\evil.example/x",
      "http://localhost:3000/%2F%2Fevil.example",
      "https://evil.example/boutiques/x",
      "http://localhost:3000/api/langue",
      "javascript:alert(1)",
      "not a url",
      null,
    ]) {
      const path = sameOriginReturnPath(referer, "localhost:3000");
      expect(path === "/" || (!path.startsWith("//") && !path.includes("evil.example")), String(referer)).toBe(true);
      expect(new URL(path, "http://localhost:3000").host, String(referer)).toBe("localhost:3000");
    }
    expect(sameOriginReturnPath("http://localhost:3000//evil.example/x", "localhost:3000")).toBe("/");
    expect(sameOriginReturnPath("https://evil.example/boutiques/x", "localhost:3000")).toBe("/");
  });
});
