import { describe, expect, it } from "vitest";
import { buildDirectory } from "./directory";

const rows = [
  { slug: "grand-poitiers", status: "LIVE" as const, hosts: [] },
  { slug: "niort", status: "PREPARATION" as const, hosts: ["commerces.niort.fr", "achats.niort.fr"] },
];

describe("the territory directory", () => {
  it("maps each domain to its town and takes the first domain (alphabetically) as the canonical one", () => {
    const directory = buildDirectory(rows, { defaultSlug: "grand-poitiers", platformUrl: "https://comptoir.example:8443/" });
    expect(directory.hosts).toEqual({ "achats.niort.fr": "niort", "commerces.niort.fr": "niort" });
    expect(directory.territories.niort).toEqual({ slug: "niort", open: false, domain: "achats.niort.fr" });
    expect(directory.platformHosts).toEqual(["comptoir.example", "localhost", "127.0.0.1", "[::1]"]);
    expect(directory.rootSlug).toBe("grand-poitiers");
  });

  it("roots the only open town when no default exists, and none when several are open", () => {
    expect(buildDirectory(rows, { defaultSlug: "absent", platformUrl: "http://localhost:3000" }).rootSlug).toBe("grand-poitiers");
    const twoOpen = [rows[0]!, { ...rows[1]!, status: "LIVE" as const }];
    expect(buildDirectory(twoOpen, { defaultSlug: null, platformUrl: "http://localhost:3000" }).rootSlug).toBeNull();
    expect(buildDirectory(twoOpen, { defaultSlug: "niort", platformUrl: "http://localhost:3000" }).rootSlug).toBe("niort");
  });
});
