import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { getTerritoryHome } from "@/lib/catalog/territory-home";
import { NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { listApplications } from "./review-application";
import { addCommune, createTerritory, listTerritories, setTerritoryLive } from "./territories";
import { addTerritoryDomain, removeTerritoryDomain } from "./territory-domains";
import { acceptTerritoryInvitation } from "./territory-team";
import { ZodError } from "zod";

const db = testDb();
let superAdmin: Actor;
let plainAdmin: Actor;

beforeAll(async () => {
  const root = await db.user.create({ data: { email: `root-${randomUUID()}@example.fr` } });
  await db.roleGrant.create({ data: { userId: root.id, role: "SUPER_ADMIN", territoryId: null } });
  superAdmin = await loadActor(db, root.id);
  const someone = await db.territory.create({ data: { slug: `t-${randomUUID().slice(0, 6)}`, name: "Ailleurs" } });
  const admin = await db.user.create({ data: { email: `admin-${randomUUID()}@example.fr` } });
  await db.roleGrant.create({ data: { userId: admin.id, role: "ADMIN", territoryId: someone.id } });
  plainAdmin = await loadActor(db, admin.id);
});

describe("territories", () => {
  it("lets a super-admin open a neighbouring town with communes, categories and its own admin, isolated from others", async () => {
    const adminEmail = `mairie-${randomUUID()}@niort.fr`;
    const input = { slug: "la-rochelle", name: "La Rochelle", communes: [{ name: "La Rochelle", postalCode: "17000" }, { name: "Aytré", postalCode: "17440" }], adminEmails: [adminEmail] };
    await expect(createTerritory(db, { actor: plainAdmin, input })).rejects.toBeInstanceOf(NotFoundError);
    const { id } = await createTerritory(db, { actor: superAdmin, input });
    await expect(createTerritory(db, { actor: superAdmin, input })).rejects.toMatchObject({ details: { reason: "slugTaken" } });
    expect(await db.category.count({ where: { territoryId: id } })).toBe(5);
    expect((await getTerritoryHome(db, "la-rochelle"))?.territory.status).toBe("PREPARATION"); // seen by its team only (proxy.ts)
    await setTerritoryLive(db, { actor: superAdmin, territoryId: id, live: true });
    expect((await getTerritoryHome(db, "la-rochelle"))?.territory).toMatchObject({ name: "La Rochelle", status: "LIVE" });

    // The admin named at creation is invited by email and joins by accepting, signed in with that address.
    const invitationEmail = await db.outgoingEmail.findFirstOrThrow({ where: { toAddress: adminEmail, kind: "territory-invitation" } });
    const token = /\/invitation\/equipe\/([\w-]+)/.exec(invitationEmail.text)?.[1] ?? "";
    const invited = await db.user.create({ data: { email: adminEmail } });
    await acceptTerritoryInvitation(db, { actor: await loadActor(db, invited.id), token });
    const newAdmin = await loadActor(db, invited.id);
    await expect(listApplications(db, { actor: newAdmin, territoryId: id })).resolves.toEqual([]);
    await addCommune(db, { actor: newAdmin, territoryId: id, input: { name: "Lagord", postalCode: "17140" } });
    await expect(addCommune(db, { actor: newAdmin, territoryId: id, input: { name: "Lagord", postalCode: "17140" } })).rejects.toMatchObject({ details: { reason: "communeExists" } });
    await expect(addCommune(db, { actor: plainAdmin, territoryId: id, input: { name: "Périgny", postalCode: "17180" } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listTerritories(db, superAdmin)).find((t) => t.id === id)?._count.communes).toBe(3);
    await expect(listTerritories(db, newAdmin)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a town's own address", () => {
  it("is set and removed by the super-admin only, written as browsers send it, unique, never the platform's, audited", async () => {
    const { id } = await createTerritory(db, { actor: superAdmin, input: { slug: `saintes-${randomUUID().slice(0, 4)}`, name: "Saintes", communes: [{ name: "Saintes", postalCode: "17100" }], adminEmails: [] } });
    await expect(addTerritoryDomain(db, { actor: plainAdmin, territoryId: id, host: "commerces.saintes.fr" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await addTerritoryDomain(db, { actor: superAdmin, territoryId: id, host: " https://Commerces.Saintes.FR/accueil " })).toEqual({ host: "commerces.saintes.fr" });
    await expect(addTerritoryDomain(db, { actor: superAdmin, territoryId: id, host: "commerces.saintes.fr" })).rejects.toMatchObject({ details: { reason: "hostTaken" } });
    for (const bad of ["saintes", "-x.fr", "a..fr", "commerces saintes.fr", "x".repeat(250) + ".fr"]) {
      await expect(addTerritoryDomain(db, { actor: superAdmin, territoryId: id, host: bad }), bad).rejects.toBeInstanceOf(ZodError);
    }
    await expect(addTerritoryDomain(db, { actor: superAdmin, territoryId: id, host: "localhost" })).rejects.toBeInstanceOf(ZodError);
    expect((await listTerritories(db, superAdmin)).find((t) => t.id === id)?.domains.map((d) => d.host)).toEqual(["commerces.saintes.fr"]);
    await removeTerritoryDomain(db, { actor: superAdmin, territoryId: id, host: "commerces.saintes.fr" });
    await expect(removeTerritoryDomain(db, { actor: superAdmin, territoryId: id, host: "commerces.saintes.fr" })).rejects.toMatchObject({ details: { reason: "hostUnknown" } });
    expect(await db.auditLog.count({ where: { territoryId: id, action: { in: ["territory.domain.add", "territory.domain.remove"] } } })).toBeGreaterThanOrEqual(2);
  });

  it("needs a slug that is not one of the site's own paths (a town lives at /<slug>)", async () => {
    for (const slug of ["admin", "boutiques", "villes", "api"]) {
      await expect(createTerritory(db, { actor: superAdmin, input: { slug, name: "Piège", communes: [{ name: "Piège", postalCode: "17000" }], adminEmails: [] } }), slug).rejects.toBeInstanceOf(ZodError);
    }
  });
});
