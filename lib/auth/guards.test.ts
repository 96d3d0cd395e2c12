import { describe, expect, it } from "vitest";
import { DomainError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { Actor } from "./actor";
import { requireAdmin, requireOperator, requireShopMember, requireSuperAdmin, requireUser } from "./guards";

const owner: Actor = { kind: "user", userId: "u1", email: "o@x.fr", name: null, roles: [], memberships: [{ shopId: "shopA", role: "OWNER" }] };
const staff: Actor = { kind: "user", userId: "u2", email: "s@x.fr", name: null, roles: [], memberships: [{ shopId: "shopA", role: "STAFF" }] };
const admin: Actor = { kind: "user", userId: "u3", email: "a@x.fr", name: null, roles: [{ role: "ADMIN", territoryId: "poitiers" }], memberships: [] };
const superAdmin: Actor = { kind: "user", userId: "u4", email: "sa@x.fr", name: null, roles: [{ role: "SUPER_ADMIN", territoryId: null }], memberships: [] };

describe("guards", () => {
  it("requires a signed-in user", () => {
    expect(() => requireUser({ kind: "anonymous" })).toThrow(UnauthenticatedError);
    expect(requireUser(owner).userId).toBe("u1");
  });

  it("lets shop members in and answers not-found to everyone else", () => {
    expect(requireShopMember(owner, "shopA").shopRole).toBe("OWNER");
    expect(requireShopMember(staff, "shopA").shopRole).toBe("STAFF");
    expect(() => requireShopMember(owner, "shopB")).toThrow(NotFoundError);
    expect(() => requireShopMember(admin, "shopA")).toThrow(NotFoundError);
  });

  it("keeps owner-only actions from staff", () => {
    expect(requireShopMember(owner, "shopA", { role: "OWNER" }).userId).toBe("u1");
    expect(() => requireShopMember(staff, "shopA", { role: "OWNER" })).toThrow(DomainError);
  });

  it("scopes admins to their territory; super-admins see all", () => {
    expect(requireAdmin(admin, "poitiers").userId).toBe("u3");
    expect(() => requireAdmin(admin, "la-rochelle")).toThrow(NotFoundError);
    expect(requireAdmin(superAdmin, "la-rochelle").userId).toBe("u4");
    expect(() => requireSuperAdmin(admin)).toThrow(NotFoundError);
    expect(() => requireOperator(owner, "poitiers")).toThrow(NotFoundError);
    expect(requireOperator(admin, "poitiers").userId).toBe("u3");
  });
});
