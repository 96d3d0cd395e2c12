import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { landingPathFor } from "./landing";

const user = (overrides: Partial<Extract<Actor, { kind: "user" }>> = {}): Actor => ({ kind: "user", userId: "u1", email: "a@example.fr", name: null, roles: [], memberships: [], ...overrides });

describe("where a sign-in lands", () => {
  it("takes a shopkeeper to the dashboard, before any other role they hold", () => {
    expect(landingPathFor(user({ memberships: [{ shopId: "s1", role: "STAFF" }] }))).toBe("/dashboard");
    expect(landingPathFor(user({ memberships: [{ shopId: "s1", role: "OWNER" }], roles: [{ role: "ADMIN", territoryId: "t1" }] }))).toBe("/dashboard");
  });

  it("takes a territory admin or the super-admin to the admin pages", () => {
    expect(landingPathFor(user({ roles: [{ role: "ADMIN", territoryId: "t1" }] }))).toBe("/admin");
    expect(landingPathFor(user({ roles: [{ role: "SUPER_ADMIN", territoryId: null }] }))).toBe("/admin");
  });

  it("takes customers and phone operators to their account, and nobody signed in back to the form", () => {
    expect(landingPathFor(user())).toBe("/compte");
    expect(landingPathFor(user({ roles: [{ role: "OPERATOR", territoryId: "t1" }] }))).toBe("/compte");
    expect(landingPathFor({ kind: "anonymous" })).toBe("/connexion");
  });
});
