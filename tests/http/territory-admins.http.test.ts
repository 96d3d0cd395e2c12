import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionFormBody, listServerActions } from "@/tests/fuzz/next-actions";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { HttpClient } from "@/tests/helpers/http-client";

/**
 * Territory isolation for the admin actions of issue #12 (team, identity, logo,
 * opening, territory switch, preview), over HTTP through the same server actions
 * the console's forms call: Niort's admin can do nothing to Grand Poitiers, even
 * naming it in the console's territory cookie, and Grand Poitiers' admin nothing
 * to Niort.
 */
const db = testDb();
let app: AppServer;
let niortAdmin: HttpClient;
let poitiersAdmin: HttpClient;

const actionId = (name: string) => {
  const action = listServerActions().find((a) => a.name === name);
  if (!action) throw new Error(`no server action ${name} in the build`);
  return action.id;
};

async function callAction(client: HttpClient, page: string, name: string, fields: [string, string | Blob][]): Promise<{ status: number; body: string }> {
  const response = await client.fetch(page, { method: "POST", headers: { "next-action": actionId(name), origin: app.url }, body: actionFormBody(fields) });
  return { status: response.status, body: await response.text() };
}

async function signedIn(email: string): Promise<HttpClient> {
  const client = new HttpClient(app.url, { origin: app.url });
  expect((await client.signInWithPassword(email, "comptoir-demo")).status).toBe(200);
  return client;
}

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "false" } });
  const niort = await db.territory.findUniqueOrThrow({ where: { slug: "niort" } });
  const passwordHash = (await db.user.findUniqueOrThrow({ where: { email: "admin@comptoir.local" } })).passwordHash;
  const user = await db.user.create({ data: { email: "mairie@niort.test", passwordHash } });
  await db.roleGrant.create({ data: { userId: user.id, role: "ADMIN", territoryId: niort.id } });
  niortAdmin = await signedIn("mairie@niort.test");
  poitiersAdmin = await signedIn("admin@comptoir.local");
  // Niort's admin names Grand Poitiers as the console's territory (a forged cookie).
  niortAdmin.setCookie("comptoir_admin_territoire", "grand-poitiers");
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

describe("territory admins over HTTP", () => {
  it("cannot switch to, preview, or read the team of a town they do not administer", async () => {
    expect((await niortAdmin.postForm("/api/admin/territoire", { territoire: "grand-poitiers" })).status).toBe(404);
    expect((await niortAdmin.postForm("/api/admin/apercu", { territoire: "grand-poitiers" })).status).toBe(404);
    expect((await poitiersAdmin.postForm("/api/admin/apercu", { territoire: "niort" })).status).toBe(404);
    // The console shows their own town whatever the cookie says.
    const team = await (await niortAdmin.fetch("/admin/equipe")).text();
    expect(team).toContain("Équipe — Niort Agglo");
    expect(team).not.toContain("admin@comptoir.local");
  });

  it("change only their own town through the team, identity, logo and opening actions", async () => {
    const poitiers = await db.territory.findUniqueOrThrow({ where: { slug: "grand-poitiers" } });
    const poitiersGrant = await db.roleGrant.findFirstOrThrow({ where: { territoryId: poitiers.id, role: "ADMIN" } });
    const poitiersInvitation = await db.territoryInvitation.create({ data: { territoryId: poitiers.id, email: "x@poitiers.test", role: "OPERATOR", tokenHash: "h".repeat(64), expiresAt: new Date(Date.now() + 86_400_000) } });

    const removal = await callAction(niortAdmin, "/admin/equipe", "removeTerritoryMemberAction", [["grantId", poitiersGrant.id]]);
    expect(removal.body).toContain('"error":"notFound"');
    const revoke = await callAction(niortAdmin, "/admin/equipe", "revokeTerritoryInvitationAction", [["invitationId", poitiersInvitation.id]]);
    expect(revoke.body).toContain('"error":"notFound"');
    expect(await db.roleGrant.count({ where: { id: poitiersGrant.id } })).toBe(1);
    expect(await db.territoryInvitation.count({ where: { id: poitiersInvitation.id } })).toBe(1);

    const identity = await callAction(niortAdmin, "/admin/identite", "updateTerritoryIdentityAction", [["name", "Niort Agglo"], ["welcomeText", "Bienvenue à Niort."], ["primaryColor", "#0b4f8a"], ["contactEmail", "commerces@niort.test"], ["contactPhone", ""], ["contactAddress", ""], ["legalPublisher", "Mairie de Niort"], ["publicationDirector", "Le maire"]]);
    expect(identity.body).toContain('"ok":true');
    expect(await db.territory.findUniqueOrThrow({ where: { id: poitiers.id }, select: { welcomeText: true, primaryColor: true, legalPublisher: true } })).toEqual({ welcomeText: poitiers.welcomeText, primaryColor: poitiers.primaryColor, legalPublisher: poitiers.legalPublisher });
    expect((await db.territory.findUniqueOrThrow({ where: { slug: "niort" } })).primaryColor).toBe("#0b4f8a");

    // An SVG logo (script risk) and a fake image are refused with a message; nothing stored.
    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'], { type: "image/svg+xml" });
    expect((await callAction(niortAdmin, "/admin/identite", "uploadTerritoryLogoAction", [["logo", svg]])).body).toContain('"error":"photoNotImage"');
    expect((await callAction(niortAdmin, "/admin/identite", "uploadTerritoryLogoAction", [["logo", new Blob(["GIF89a but not really"], { type: "image/gif" })]])).body).toContain('"error":"photoNotImage"');
    expect((await db.territory.findUniqueOrThrow({ where: { slug: "niort" } })).logoKey).toBeNull();

    // Opening: Niort is not ready, and Grand Poitiers is not Niort's to touch.
    expect((await callAction(niortAdmin, "/admin/ouverture", "openTerritoryAction", [])).body).toContain('"error":"openingIncomplete"');
    expect((await db.territory.findUniqueOrThrow({ where: { slug: "niort" } })).status).toBe("PREPARATION");

    // Grand Poitiers' admin, the other way round: Niort's members are out of reach.
    const niortGrant = await db.roleGrant.findFirstOrThrow({ where: { user: { email: "mairie@niort.test" } } });
    expect((await callAction(poitiersAdmin, "/admin/equipe", "removeTerritoryMemberAction", [["grantId", niortGrant.id]])).body).toContain('"error":"notFound"');
    expect(await db.roleGrant.count({ where: { id: niortGrant.id } })).toBe(1);
  });
});
