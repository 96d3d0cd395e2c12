import { describe, expect, it } from "vitest";
import { isReservedSlug, normalizeHost, resolveTerritoryRoute, territoryBase, territoryPublicUrl, type TerritoryDirectory } from "./routing";

const directory: TerritoryDirectory = {
  rootSlug: "grand-poitiers",
  hosts: { "commerces.niort.fr": "niort", "achats.niort.fr": "niort" },
  territories: {
    "grand-poitiers": { slug: "grand-poitiers", open: true, domain: null },
    niort: { slug: "niort", open: true, domain: "commerces.niort.fr" },
    saintes: { slug: "saintes", open: true, domain: null },
  },
  platformHosts: ["comptoir.example", "localhost"],
};

describe("which town a request is for", () => {
  it("attack: a percent-encoded or mixed-case town segment is sent to the town's canonical address, never treated as 'no town'", () => {
    for (const spelling of ["%73aintes", "s%61intes", "SAINTES", "Saintes", "%2573aintes", "%53AINTES"]) {
      expect(resolveTerritoryRoute(directory, "comptoir.example", `/${spelling}/boutiques/x`, "?q=1"), spelling).toEqual({ kind: "redirect", location: "/saintes/boutiques/x?q=1" });
    }
    expect(resolveTerritoryRoute(directory, "comptoir.example", "/%61pi/x")).toEqual({ kind: "redirect", location: "/api/x" });
    expect(resolveTerritoryRoute(directory, "comptoir.example", "/%E9t%E9")).toEqual({ kind: "global" });
  });

  it("serves a town at its own host name, whatever the path", () => {
    expect(resolveTerritoryRoute(directory, "Commerces.Niort.fr:443", "/boutiques/boulangerie")).toEqual({ kind: "territory", slug: "niort", path: "/boutiques/boulangerie" });
    expect(resolveTerritoryRoute(directory, "achats.niort.fr", "/")).toEqual({ kind: "territory", slug: "niort", path: "/" });
  });

  it("serves the root town unprefixed at the platform's address, the others under /<slug>", () => {
    expect(resolveTerritoryRoute(directory, "comptoir.example", "/")).toEqual({ kind: "territory", slug: "grand-poitiers", path: "/" });
    expect(resolveTerritoryRoute(directory, "localhost:3100", "/panier")).toEqual({ kind: "territory", slug: "grand-poitiers", path: "/panier" });
    expect(resolveTerritoryRoute(directory, "comptoir.example", "/saintes")).toEqual({ kind: "territory", slug: "saintes", path: "/" });
    expect(resolveTerritoryRoute(directory, "comptoir.example", "/saintes/boutiques/x")).toEqual({ kind: "territory", slug: "saintes", path: "/boutiques/x" });
  });

  it("redirects every other address of a town to its canonical one", () => {
    expect(resolveTerritoryRoute(directory, "comptoir.example", "/niort/boutiques/x", "?a=1")).toEqual({ kind: "redirect", location: "https://commerces.niort.fr/boutiques/x?a=1" });
    expect(resolveTerritoryRoute(directory, "comptoir.example", "/grand-poitiers/panier")).toEqual({ kind: "redirect", location: "/panier" });
    const rootWithDomain = { ...directory, territories: { ...directory.territories, "grand-poitiers": { slug: "grand-poitiers", open: true, domain: "commerces.grandpoitiers.fr" } } };
    expect(resolveTerritoryRoute(rootWithDomain, "comptoir.example", "/boutiques/x")).toEqual({ kind: "redirect", location: "https://commerces.grandpoitiers.fr/boutiques/x" });
  });

  it("shows the towns' chooser at '/' when no town is the root, and sends other storefront paths there", () => {
    const noRoot = { ...directory, rootSlug: null };
    expect(resolveTerritoryRoute(noRoot, "comptoir.example", "/")).toEqual({ kind: "chooser" });
    expect(resolveTerritoryRoute(noRoot, "comptoir.example", "/panier")).toEqual({ kind: "redirect", location: "/" });
  });

  it("leaves pages of no town alone, on any known host", () => {
    for (const path of ["/compte", "/connexion/suite", "/dashboard/abc", "/admin", "/api/visiteur", "/robots.txt", "/icon-192.png", "/_next/static/x.js"]) {
      expect(resolveTerritoryRoute(directory, "comptoir.example", path)).toEqual({ kind: "global" });
      expect(resolveTerritoryRoute(directory, "commerces.niort.fr", path)).toEqual({ kind: "global" });
    }
    expect(resolveTerritoryRoute(directory, "comptoir.example", "/nulle-part")).toEqual({ kind: "global" });
  });

  it("answers a host name no town uses with the unknown-town page", () => {
    expect(resolveTerritoryRoute(directory, "evil.example", "/")).toEqual({ kind: "unknownHost" });
    expect(resolveTerritoryRoute(directory, "", "/boutiques/x")).toEqual({ kind: "unknownHost" });
  });
});

describe("a town's links and public address", () => {
  it("are unprefixed at a domain or for the root town, under /<slug> otherwise", () => {
    expect(territoryBase(directory, { slug: "grand-poitiers", domain: null })).toBe("");
    expect(territoryBase(directory, { slug: "niort", domain: "commerces.niort.fr" })).toBe("");
    expect(territoryBase(directory, { slug: "saintes", domain: null })).toBe("/saintes");
    expect(territoryPublicUrl("https://comptoir.example/", directory, { slug: "saintes", domain: null })).toBe("https://comptoir.example/saintes");
    expect(territoryPublicUrl("https://comptoir.example", directory, { slug: "niort", domain: "commerces.niort.fr" })).toBe("https://commerces.niort.fr");
    expect(territoryPublicUrl("http://localhost:3000", directory, { slug: "grand-poitiers", domain: null })).toBe("http://localhost:3000");
  });

  it("reserve the slugs of the site's own pages", () => {
    expect(isReservedSlug("admin")).toBe(true);
    expect(isReservedSlug("boutiques")).toBe(true);
    expect(isReservedSlug("niort")).toBe(false);
    expect(normalizeHost(" Commerces.Niort.FR.:8080 ")).toBe("commerces.niort.fr");
  });
});
