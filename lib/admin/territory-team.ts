import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor, UserActor } from "@/lib/auth/actor";
import { emailSchema } from "@/lib/auth/email";
import { isSuperAdmin, requireAdmin, requireUser } from "@/lib/auth/guards";
import type { Tx } from "@/lib/db/client";
import { DomainError, NotFoundError } from "@/lib/errors";
import { appUrl } from "@/lib/notifications/app-url";
import { queueEmail } from "@/lib/notifications/outbox";
import { INVITATION_DAYS, hashInvitationToken, newInvitationToken } from "@/lib/shops/invitations";
import { audit } from "./audit";

/** The roles a territory's team is made of (super-admins are not invited: they run the platform). */
export const TEAM_ROLES = ["ADMIN", "OPERATOR"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

const invitationInput = z.object({ email: emailSchema, role: z.enum(TEAM_ROLES, { error: "roleInvalid" }) });

const ROLE_WORDS: Record<TeamRole, string> = { ADMIN: "administrer", OPERATOR: "tenir la ligne téléphonique de commande de" };

/** Admins and operators of a territory, with the invitations still waiting for an answer. */
export async function listTerritoryTeam(db: PrismaClient, request: { actor: Actor; territoryId: string; now?: Date }) {
  requireAdmin(request.actor, request.territoryId);
  const [members, invitations] = await Promise.all([
    db.roleGrant.findMany({
      where: { territoryId: request.territoryId, role: { in: [...TEAM_ROLES] } },
      orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
      select: { id: true, role: true, user: { select: { id: true, email: true, name: true } } },
    }),
    db.territoryInvitation.findMany({
      where: { territoryId: request.territoryId, acceptedAt: null, expiresAt: { gt: request.now ?? new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return { members, invitations };
}

/**
 * An admin of the territory (or a super-admin) invites a co-admin or a phone
 * operator by email. A new invitation to the same person for the same role
 * replaces the one still pending, so only the latest link works.
 */
export async function inviteTerritoryMember(db: PrismaClient, request: { actor: Actor; territoryId: string; input: unknown }): Promise<{ invitationId: string; url: string }> {
  const inviter = requireAdmin(request.actor, request.territoryId);
  const { email, role } = invitationInput.parse(request.input);
  const territory = await db.territory.findUnique({ where: { id: request.territoryId }, select: { name: true } });
  if (!territory) throw new NotFoundError("territory");
  const already = await db.roleGrant.findFirst({ where: { territoryId: request.territoryId, role, user: { email } }, select: { id: true } });
  if (already) throw new DomainError("conflict", "already in the team", { reason: "alreadyInTeam" });
  return db.$transaction((tx) => issueTeamInvitation(tx, { actor: request.actor, inviter, territory: { id: request.territoryId, name: territory.name }, email, role }));
}

/**
 * Creates the invitation, queues its email and audits it, in the caller's
 * transaction; an invitation still pending for the same person and role is
 * replaced, so only the latest link works.
 */
export async function issueTeamInvitation(tx: Tx, request: { actor: Actor; inviter: UserActor; territory: { id: string; name: string }; email: string; role: TeamRole }): Promise<{ invitationId: string; url: string }> {
  const { territory, email, role, inviter } = request;
  const token = newInvitationToken();
  const url = `${appUrl()}/invitation/equipe/${token}`;
  await tx.territoryInvitation.deleteMany({ where: { territoryId: territory.id, email, role, acceptedAt: null } });
  const invitation = await tx.territoryInvitation.create({
    data: { territoryId: territory.id, email, role, tokenHash: hashInvitationToken(token), invitedById: inviter.userId, expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) },
    select: { id: true },
  });
  await queueEmail(tx, {
    to: email,
    subject: `Invitation : ${territory.name} sur Comptoir`,
    text: [
      "Bonjour,",
      "",
      `${inviter.name ?? inviter.email} vous invite à ${ROLE_WORDS[role]} ${territory.name} sur Comptoir.`,
      `Pour accepter, ouvrez ce lien (valable ${INVITATION_DAYS} jours) et connectez-vous avec cette adresse (${email}) :`,
      url,
      "",
      "Si vous n'attendiez pas cette invitation, ignorez ce message.",
      "",
      "—",
      "Comptoir",
    ].join("\n"),
    kind: "territory-invitation",
    territoryId: territory.id,
  });
  await audit(tx, { actor: request.actor, territoryId: territory.id, action: "team.invite", entityType: "TerritoryInvitation", entityId: invitation.id, after: { email, role } });
  return { invitationId: invitation.id, url };
}

/** Withdraws a pending invitation: its link stops working. */
export async function revokeTerritoryInvitation(db: PrismaClient, request: { actor: Actor; territoryId: string; invitationId: string }) {
  requireAdmin(request.actor, request.territoryId);
  await db.$transaction(async (tx) => {
    const removed = await tx.territoryInvitation.deleteMany({ where: { id: request.invitationId, territoryId: request.territoryId, acceptedAt: null } });
    if (removed.count === 0) throw new NotFoundError("invitation");
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "team.revokeInvitation", entityType: "TerritoryInvitation", entityId: request.invitationId });
  });
}

/**
 * Removes an admin or operator from the territory. An admin cannot remove their
 * own admin role (so a territory is never left without the person who acts);
 * the super-admin can remove anyone.
 */
export async function removeTerritoryMember(db: PrismaClient, request: { actor: Actor; territoryId: string; grantId: string }) {
  const user = requireAdmin(request.actor, request.territoryId);
  await db.$transaction(async (tx) => {
    const grant = await tx.roleGrant.findFirst({ where: { id: request.grantId, territoryId: request.territoryId, role: { in: [...TEAM_ROLES] } }, select: { id: true, role: true, userId: true, user: { select: { email: true } } } });
    if (!grant) throw new NotFoundError("member");
    if (grant.userId === user.userId && grant.role === "ADMIN" && !isSuperAdmin(user)) throw new DomainError("conflict", "cannot remove yourself", { reason: "cannotRemoveSelf" });
    await tx.roleGrant.delete({ where: { id: grant.id } });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "team.remove", entityType: "RoleGrant", entityId: grant.id, before: { email: grant.user.email, role: grant.role } });
  });
}

/** What the invitation page shows; "unknown" for links that never existed or were replaced or withdrawn. */
export async function describeTerritoryInvitation(db: PrismaClient, token: string, now = new Date()) {
  const invitation = await db.territoryInvitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, select: { email: true, role: true, acceptedAt: true, expiresAt: true, territory: { select: { name: true } } } });
  if (!invitation) return { state: "unknown" as const };
  const territoryName = invitation.territory.name;
  if (invitation.acceptedAt) return { state: "used" as const, territoryName };
  if (invitation.expiresAt <= now) return { state: "expired" as const, territoryName };
  return { state: "valid" as const, territoryName, email: invitation.email, role: invitation.role as TeamRole };
}

/**
 * The invited person, signed in with the invited address, joins the team. A
 * conditional update claims the invitation, so a link works once even when
 * its button is pressed twice.
 */
export async function acceptTerritoryInvitation(db: PrismaClient, request: { actor: Actor; token: string }): Promise<{ territoryId: string; role: TeamRole }> {
  const user = requireUser(request.actor);
  const invitation = await db.territoryInvitation.findUnique({ where: { tokenHash: hashInvitationToken(request.token) }, select: { id: true, territoryId: true, email: true, role: true, acceptedAt: true, expiresAt: true } });
  if (!invitation) throw new NotFoundError("invitation");
  if (invitation.acceptedAt) throw new DomainError("conflict", "invitation already used", { reason: "invitationUsed" });
  if (invitation.expiresAt.getTime() <= Date.now()) throw new DomainError("conflict", "invitation expired", { reason: "invitationExpired" });
  if (invitation.email !== user.email) throw new DomainError("forbidden", "signed in with another address", { reason: "invitationOtherEmail", email: invitation.email });
  await db.$transaction(async (tx) => {
    const claimed = await tx.territoryInvitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count === 0) throw new DomainError("conflict", "invitation already used", { reason: "invitationUsed" });
    await tx.roleGrant.createMany({ data: [{ userId: user.userId, role: invitation.role, territoryId: invitation.territoryId }], skipDuplicates: true });
    await audit(tx, { actor: request.actor, territoryId: invitation.territoryId, action: "team.join", entityType: "TerritoryInvitation", entityId: invitation.id, after: { email: user.email, role: invitation.role } });
  });
  return { territoryId: invitation.territoryId, role: invitation.role as TeamRole };
}
