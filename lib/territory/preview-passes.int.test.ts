import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { openAuthSession, revokeAuthSession } from "@/lib/auth/auth-sessions";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { createTerritory } from "@/tests/helpers/fixtures";
import { previewAllows, readPreviewPass } from "./preview";
import { issuePreviewPass, listPreviewPasses, livePreviewPassIds, revokePreviewPass } from "./preview-passes";

/** Issue #23, item 8: a preview pass opens its town only while its issuer's session and role last, and until revoked. */
const db = testDb();
const secret = "a-test-secret-for-preview-passes";
let place: Awaited<ReturnType<typeof createTerritory>>;

beforeAll(async () => {
  place = await createTerritory(db);
  await db.territory.update({ where: { id: place.territory.id }, data: { status: "PREPARATION" } });
});

async function admin(): Promise<{ actor: Actor; userId: string; sessionId: string; grantId: string }> {
  const user = await db.user.create({ data: { email: `admin-${randomUUID()}@example.fr` } });
  const grant = await db.roleGrant.create({ data: { userId: user.id, role: "ADMIN", territoryId: place.territory.id } });
  const session = await openAuthSession(db, user.id);
  return { actor: await loadActor(db, user.id), userId: user.id, sessionId: session.id, grantId: grant.id };
}

const opens = async (pass: string) => previewAllows(pass, place.territory.slug, secret, await livePreviewPassIds(db, place.territory.slug));

describe("attack: a copied preview pass keeps opening the town", () => {
  it("stops opening it when its issuer signs out", async () => {
    const a = await admin();
    const pass = await issuePreviewPass(db, { actor: a.actor, territoryId: place.territory.id, sessionId: a.sessionId, secret });
    expect(await opens(pass)).toBe(true);
    await revokeAuthSession(db, a.sessionId);
    expect(await opens(pass)).toBe(false);
  });

  it("stops opening it when its issuer loses the role", async () => {
    const a = await admin();
    const pass = await issuePreviewPass(db, { actor: a.actor, territoryId: place.territory.id, sessionId: a.sessionId, secret });
    expect(await opens(pass)).toBe(true);
    await db.roleGrant.delete({ where: { id: a.grantId } });
    expect(await opens(pass)).toBe(false);
  });

  it("is listed to the town's admins, who revoke it; an admin elsewhere can do neither", async () => {
    const a = await admin();
    const colleague = await admin();
    const pass = await issuePreviewPass(db, { actor: a.actor, territoryId: place.territory.id, sessionId: a.sessionId, secret });
    const passId = readPreviewPass(pass, secret)?.passId ?? "";
    expect((await listPreviewPasses(db, { actor: colleague.actor, territoryId: place.territory.id })).map((p) => p.id)).toContain(passId);

    const elsewhere = await createTerritory(db);
    const stranger = await db.user.create({ data: { email: `other-${randomUUID()}@example.fr` } });
    await db.roleGrant.create({ data: { userId: stranger.id, role: "ADMIN", territoryId: elsewhere.territory.id } });
    const strangerActor = await loadActor(db, stranger.id);
    await expect(listPreviewPasses(db, { actor: strangerActor, territoryId: place.territory.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokePreviewPass(db, { actor: strangerActor, territoryId: elsewhere.territory.id, passId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await opens(pass)).toBe(true);

    await revokePreviewPass(db, { actor: colleague.actor, territoryId: place.territory.id, passId });
    expect(await opens(pass)).toBe(false);
    expect(await db.auditLog.count({ where: { action: "preview.revoke", entityId: passId } })).toBe(1);
  });

  it("is never issued to a session that is not the admin's own and live", async () => {
    const a = await admin();
    const other = await admin();
    await expect(issuePreviewPass(db, { actor: a.actor, territoryId: place.territory.id, sessionId: other.sessionId, secret })).rejects.toBeInstanceOf(NotFoundError);
    await revokeAuthSession(db, a.sessionId);
    await expect(issuePreviewPass(db, { actor: a.actor, territoryId: place.territory.id, sessionId: a.sessionId, secret })).rejects.toBeInstanceOf(NotFoundError);
  });
});
