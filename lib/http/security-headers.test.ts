import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isMalformedUrl, permissionsPolicy } from "./security-headers";

const url = isMalformedUrl;

describe("security headers", () => {
  it("never allows eval in production, and frames nowhere", () => {
    expect(contentSecurityPolicy("abc", false)).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("abc", false)).toContain("'nonce-abc'");
    expect(contentSecurityPolicy("abc", false)).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("abc", true)).toContain("unsafe-eval");
  });

  it("lets only the pickup-code scanner use the camera", () => {
    expect(permissionsPolicy("/dashboard/shop1/commandes/order1")).toContain("camera=(self)");
    expect(permissionsPolicy("/dashboard/shop1/produits")).toContain("camera=()");
    expect(permissionsPolicy("/")).toContain("camera=()");
  });

  it("recognises URLs no page can answer", () => {
    for (const bad of ["/boutiques/%E0%A4%A", "/boutiques/%00", "/x?q=a%00", "/x?q=%ZZ", "/x?callbackUrl=%C0%80", "/x?%00=1"]) expect(url(bad), bad).toBe(true);
    for (const good of ["/", "/boutiques/caf%C3%A9", "/recherche?q=100%25+bio", "/recherche?q=pain+au+chocolat&page=2"]) expect(url(good), good).toBe(false);
  });
});
