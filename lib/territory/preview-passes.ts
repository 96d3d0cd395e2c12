import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/admin/audit";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { NotFoundError } from "@/lib/errors";
import { PREVIEW_HOURS, signPreviewPass } from "./preview";

/**
 * The live preview passes (issue #23): not revoked, not expired, their session not
 * ended (signing out ends it), their holder still an admin of the town (or a
 * super-admin), the town still in preparation. proxy.ts reads them with the
 * towns' directory, so a revocation takes effect within its refresh (5 s).
 */
export const LIVE_PREVIEW_PASSES_SQL = `
  SELECT p.id, t.slug FROM "PreviewPass" p
  JOIN "Territory" t ON t.id = p."territoryId"
  JOIN "AuthSession" s ON s.id = p."sessionId"
  WHERE p."revokedAt" IS NULL AND p."expiresAt" > now() AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND t.status = 'PREPARATION'
    AND EXISTS (SELECT 1 FROM "RoleGrant" g WHERE g."userId" = p."userId" AND ((g.role = 'ADMIN' AND g."territoryId" = p."territoryId") OR g.role = 'SUPER_ADMIN'))`;

export type LivePassRow = { id: string; slug: string };

/** Live pass ids per town slug. */
export function livePassesBySlug(rows: LivePassRow[]): Record<string, string[]> {
  const bySlug: Record<string, string[]> = {};
  for (const row of rows) (bySlug[row.slug] ??= []).push(row.id);
  return bySlug;
}

export async function livePreviewPassIds(db: PrismaClient, slug: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<LivePassRow[]>(LIVE_PREVIEW_PASSES_SQL);
  return livePassesBySlug(rows)[slug] ?? [];
}

/** Issues a pass to the admin's current session, for 8 hours at most (never past the session's end). */
export async function issuePreviewPass(db: PrismaClient, request: { actor: Actor; territoryId: string; sessionId: string; secret: string; now?: Date }): Promise<string> {
  const admin = requireAdmin(request.actor, request.territoryId);
  const now = request.now ?? new Date();
  const [territory, session] = await Promise.all([
    db.territory.findUnique({ where: { id: request.territoryId }, select: { slug: true } }),
    db.authSession.findFirst({ where: { id: request.sessionId, userId: admin.userId, revokedAt: null, expiresAt: { gt: now } }, select: { expiresAt: true } }),
  ]);
  if (!territory || !session) throw new NotFoundError("territory");
  const expiresAt = new Date(Math.min(now.getTime() + PREVIEW_HOURS * 3_600_000, session.expiresAt.getTime()));
  const pass = await db.$transaction(async (tx) => {
    const row = await tx.previewPass.create({ data: { territoryId: request.territoryId, userId: admin.userId, sessionId: request.sessionId, expiresAt }, select: { id: true } });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "preview.issue", entityType: "PreviewPass", entityId: row.id, after: { expiresAt: expiresAt.toISOString() } });
    return row;
  });
  return signPreviewPass(territory.slug, pass.id, expiresAt, request.secret);
}

/** The passes in use in the admin's town, for its admins to see (and revoke). */
export async function listPreviewPasses(db: PrismaClient, request: { actor: Actor; territoryId: string; now?: Date }) {
  requireAdmin(request.actor, request.territoryId);
  return db.previewPass.findMany({
    where: { territoryId: request.territoryId, revokedAt: null, expiresAt: { gt: request.now ?? new Date() } },
    select: { id: true, createdAt: true, expiresAt: true, user: { select: { name: true, email: true } }, session: { select: { revokedAt: true } } },
    orderBy: { createdAt: "desc" },
  });
}

/** Revokes one pass of the admin's town (audited); revoking one already ended changes nothing. */
export async function revokePreviewPass(db: PrismaClient, request: { actor: Actor; territoryId: string; passId: string; now?: Date }): Promise<void> {
  const admin = requireAdmin(request.actor, request.territoryId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.previewPass.updateMany({ where: { id: request.passId, territoryId: request.territoryId, revokedAt: null }, data: { revokedAt: request.now ?? new Date(), revokedById: admin.userId } });
    if (count === 0) throw new NotFoundError("previewPass");
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "preview.revoke", entityType: "PreviewPass", entityId: request.passId });
  });
}
