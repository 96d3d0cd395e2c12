import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { acceptTerritoryInvitation, describeTerritoryInvitation, inviteTerritoryMember, listTerritoryTeam, removeTerritoryMember, revokeTerritoryInvitation } from "./territory-team";

const db = testDb();
let territoryId: string;
let otherTerritoryId: string;
let superAdmin: Actor;
let outsider: Actor;

const tokenOf = (url: string) => url.split("/").pop() ?? "";
const userActor = async (email: string) => loadActor(db, (await db.user.upsert({ where: { email }, create: { email }, update: {} })).id);

beforeAll(async () => {
  territoryId = (await db.territory.create({ data: { slug: `niort-${randomUUID().slice(0, 6)}`, name: "Niort" } })).id;
  otherTerritoryId = (await db.territory.create({ data: { slug: `autre-${randomUUID().slice(0, 6)}`, name: "Ailleurs" } })).id;
  const root = await db.user.create({ data: { email: `root-${randomUUID()}@example.fr` } });
  await db.roleGrant.create({ data: { userId: root.id, role: "SUPER_ADMIN", territoryId: null } });
  superAdmin = await loadActor(db, root.id);
  const other = await db.user.create({ data: { email: `ailleurs-${randomUUID()}@example.fr` } });
  await db.roleGrant.create({ data: { userId: other.id, role: "ADMIN", territoryId: otherTerritoryId } });
  outsider = await loadActor(db, other.id);
});

describe("a territory's team", () => {
  it("the super-admin gives a town with no admin its first one by email; the admin invites a co-admin and an operator", async () => {
    const mayor = `mairie-${randomUUID()}@niort.fr`;
    const { url } = await inviteTerritoryMember(db, { actor: superAdmin, territoryId, input: { email: ` ${mayor.toUpperCase()} `, role: "ADMIN" } });
    const email = await db.outgoingEmail.findFirstOrThrow({ where: { toAddress: mayor, kind: "territory-invitation" } });
    expect(email.text).toContain(url);
    expect(email.text).toContain("administrer Niort");
    expect(await describeTerritoryInvitation(db, tokenOf(url))).toMatchObject({ state: "valid", territoryName: "Niort", email: mayor, role: "ADMIN" });

    // Signed in with another address: refused, and the link still works for the right person.
    await expect(acceptTerritoryInvitation(db, { actor: await userActor(`autre-${randomUUID()}@niort.fr`), token: tokenOf(url) })).rejects.toMatchObject({ details: { reason: "invitationOtherEmail" } });
    const admin = await userActor(mayor);
    await expect(acceptTerritoryInvitation(db, { actor: admin, token: tokenOf(url) })).resolves.toEqual({ territoryId, role: "ADMIN" });
    await expect(acceptTerritoryInvitation(db, { actor: admin, token: tokenOf(url) })).rejects.toMatchObject({ details: { reason: "invitationUsed" } });
    const mayorActor = await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: mayor } })).id);

    const coAdmin = `adjoint-${randomUUID()}@niort.fr`;
    const operator = `standard-${randomUUID()}@niort.fr`;
    const coAdminLink = await inviteTerritoryMember(db, { actor: mayorActor, territoryId, input: { email: coAdmin, role: "ADMIN" } });
    const operatorLink = await inviteTerritoryMember(db, { actor: mayorActor, territoryId, input: { email: operator, role: "OPERATOR" } });
    await acceptTerritoryInvitation(db, { actor: await userActor(coAdmin), token: tokenOf(coAdminLink.url) });
    await acceptTerritoryInvitation(db, { actor: await userActor(operator), token: tokenOf(operatorLink.url) });
    const team = await listTerritoryTeam(db, { actor: mayorActor, territoryId });
    expect(team.members.map((m) => [m.user.email, m.role]).sort()).toEqual([[coAdmin, "ADMIN"], [mayor, "ADMIN"], [operator, "OPERATOR"]].sort());
    expect(team.invitations).toEqual([]);
    await expect(inviteTerritoryMember(db, { actor: mayorActor, territoryId, input: { email: operator, role: "OPERATOR" } })).rejects.toMatchObject({ details: { reason: "alreadyInTeam" } });

    // Every change is in the territory's journal.
    const actions = (await db.auditLog.findMany({ where: { territoryId }, select: { action: true } })).map((a) => a.action);
    expect(actions.filter((a) => a === "team.invite")).toHaveLength(3);
    expect(actions.filter((a) => a === "team.join")).toHaveLength(3);

    // An admin removes the operator, cannot remove themself; the super-admin can remove anyone.
    const grantOf = (mail: string) => team.members.find((m) => m.user.email === mail)?.id ?? "";
    await expect(removeTerritoryMember(db, { actor: mayorActor, territoryId, grantId: grantOf(mayor) })).rejects.toMatchObject({ details: { reason: "cannotRemoveSelf" } });
    await removeTerritoryMember(db, { actor: mayorActor, territoryId, grantId: grantOf(operator) });
    await removeTerritoryMember(db, { actor: superAdmin, territoryId, grantId: grantOf(coAdmin) });
    expect((await listTerritoryTeam(db, { actor: superAdmin, territoryId })).members.map((m) => m.user.email)).toEqual([mayor]);
  });

  it("is closed to admins of other towns, operators and customers, and to grants of another town", async () => {
    const customer = await userActor(`client-${randomUUID()}@example.fr`);
    for (const actor of [outsider, customer]) {
      await expect(inviteTerritoryMember(db, { actor, territoryId, input: { email: "x@example.fr", role: "ADMIN" } })).rejects.toBeInstanceOf(NotFoundError);
      await expect(listTerritoryTeam(db, { actor, territoryId })).rejects.toBeInstanceOf(NotFoundError);
    }
    const grant = await db.roleGrant.findFirstOrThrow({ where: { territoryId: otherTerritoryId, role: "ADMIN" } });
    await expect(removeTerritoryMember(db, { actor: superAdmin, territoryId, grantId: grant.id })).rejects.toBeInstanceOf(NotFoundError);
    const superGrant = await db.roleGrant.findFirstOrThrow({ where: { role: "SUPER_ADMIN" } });
    await expect(removeTerritoryMember(db, { actor: superAdmin, territoryId, grantId: superGrant.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteTerritoryMember(db, { actor: superAdmin, territoryId, input: { email: "x@example.fr", role: "SUPER_ADMIN" } })).rejects.toMatchObject({ issues: [{ message: "roleInvalid" }] });
    await expect(inviteTerritoryMember(db, { actor: superAdmin, territoryId, input: { email: "pas une adresse", role: "ADMIN" } })).rejects.toMatchObject({ name: "ZodError" });
  });

  it("a new invitation replaces the pending one; a withdrawn or expired link does nothing", async () => {
    const email = `relance-${randomUUID()}@niort.fr`;
    const first = await inviteTerritoryMember(db, { actor: superAdmin, territoryId, input: { email, role: "OPERATOR" } });
    const second = await inviteTerritoryMember(db, { actor: superAdmin, territoryId, input: { email, role: "OPERATOR" } });
    expect(await describeTerritoryInvitation(db, tokenOf(first.url))).toEqual({ state: "unknown" });
    await revokeTerritoryInvitation(db, { actor: superAdmin, territoryId, invitationId: second.invitationId });
    const person = await userActor(email);
    await expect(acceptTerritoryInvitation(db, { actor: person, token: tokenOf(second.url) })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeTerritoryInvitation(db, { actor: outsider, territoryId, invitationId: second.invitationId })).rejects.toBeInstanceOf(NotFoundError);

    const third = await inviteTerritoryMember(db, { actor: superAdmin, territoryId, input: { email, role: "OPERATOR" } });
    await db.territoryInvitation.update({ where: { id: third.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await describeTerritoryInvitation(db, tokenOf(third.url))).toMatchObject({ state: "expired" });
    await expect(acceptTerritoryInvitation(db, { actor: person, token: tokenOf(third.url) })).rejects.toMatchObject({ details: { reason: "invitationExpired" } });
    expect(await db.roleGrant.count({ where: { territoryId, user: { email } } })).toBe(0);
  });

  it("an invitation accepted twice at once grants the role once", async () => {
    const email = `double-${randomUUID()}@niort.fr`;
    const { url } = await inviteTerritoryMember(db, { actor: superAdmin, territoryId, input: { email, role: "OPERATOR" } });
    const person = await userActor(email);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => acceptTerritoryInvitation(db, { actor: person, token: tokenOf(url) })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.roleGrant.count({ where: { territoryId, user: { email } } })).toBe(1);
  });
});
