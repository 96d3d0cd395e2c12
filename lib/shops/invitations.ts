import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { MemberRole } from "@/generated/prisma/enums";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { emailSchema } from "@/lib/auth/email";
import { requireShopMember, requireUser } from "@/lib/auth/guards";
import type { Tx } from "@/lib/db/client";
import { DomainError, NotFoundError } from "@/lib/errors";
import { appUrl } from "@/lib/notifications/app-url";
import { queueEmail } from "@/lib/notifications/outbox";

export const INVITATION_DAYS = 7;

/** Invitation links carry a random token; only its hash is stored. */
export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const newInvitationToken = () => randomBytes(24).toString("base64url");
const hashToken = hashInvitationToken;

/**
 * Creates an invitation to join a shop and returns its link. Only the token's
 * hash is stored, so a database reader cannot use the link.
 */
export async function createInvitation(db: PrismaClient | Tx, shopId: string, email: string, role: MemberRole): Promise<{ invitationId: string; url: string }> {
  const token = newInvitationToken();
  const invitation = await db.invitation.create({
    data: { shopId, email, role, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) },
    select: { id: true },
  });
  return { invitationId: invitation.id, url: `${appUrl()}/invitation/${token}` };
}

/** The owner invites a staff member by email. */
export async function inviteStaff(db: PrismaClient, request: { actor: Actor; shopId: string; input: unknown }) {
  requireShopMember(request.actor, request.shopId, { role: "OWNER" });
  const { email } = z.object({ email: emailSchema }).parse(request.input);
  const shop = await db.shop.findUniqueOrThrow({ where: { id: request.shopId }, select: { name: true, territoryId: true, members: { select: { user: { select: { email: true } } } } } });
  if (shop.members.some((m) => m.user.email === email)) throw new DomainError("conflict", "already a member", { reason: "alreadyMember" });
  await db.$transaction(async (tx) => {
    const { url } = await createInvitation(tx, request.shopId, email, "STAFF");
    await queueEmail(tx, {
      to: email,
      subject: `Invitation à rejoindre ${shop.name} sur Comptoir`,
      text: [`Bonjour,`, "", `Vous êtes invité(e) à rejoindre l'équipe de ${shop.name} sur Comptoir.`, "Pour accepter, ouvrez ce lien (valable 7 jours) :", url, "", "—", "Comptoir"].join("\n"),
      kind: "staff-invitation",
      territoryId: shop.territoryId,
    });
  });
}

/** What the invitation page shows; not found for unknown, used or expired links. */
export async function describeInvitation(db: PrismaClient, token: string) {
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { email: true, role: true, acceptedAt: true, expiresAt: true, shop: { select: { name: true } } } });
  if (!invitation) return { state: "unknown" as const };
  if (invitation.acceptedAt) return { state: "used" as const, shopName: invitation.shop.name };
  if (invitation.expiresAt.getTime() < Date.now()) return { state: "expired" as const, shopName: invitation.shop.name };
  return { state: "valid" as const, shopName: invitation.shop.name, email: invitation.email, role: invitation.role };
}

/**
 * The invited person, signed in with the invited address, joins the shop. The
 * acceptance is a conditional update: a link works once, even clicked twice.
 */
export async function acceptInvitation(db: PrismaClient, request: { actor: Actor; token: string }): Promise<{ shopId: string }> {
  const user = requireUser(request.actor);
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(request.token) }, select: { id: true, shopId: true, email: true, role: true, acceptedAt: true, expiresAt: true } });
  if (!invitation) throw new NotFoundError("invitation");
  if (invitation.acceptedAt) throw new DomainError("conflict", "invitation already used", { reason: "invitationUsed" });
  if (invitation.expiresAt.getTime() < Date.now()) throw new DomainError("conflict", "invitation expired", { reason: "invitationExpired" });
  if (invitation.email !== user.email) throw new DomainError("forbidden", "signed in with another address", { reason: "invitationOtherEmail", email: invitation.email });
  await db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count === 0) throw new DomainError("conflict", "invitation already used", { reason: "invitationUsed" });
    await tx.shopMember.upsert({
      where: { shopId_userId: { shopId: invitation.shopId, userId: user.userId } },
      create: { shopId: invitation.shopId, userId: user.userId, role: invitation.role },
      update: invitation.role === "OWNER" ? { role: "OWNER" } : {},
    });
  });
  return { shopId: invitation.shopId };
}

/** The owner removes a team member (never themselves, so a shop always keeps its owner). */
export async function removeMember(db: PrismaClient, request: { actor: Actor; shopId: string; memberId: string }) {
  const owner = requireShopMember(request.actor, request.shopId, { role: "OWNER" });
  const member = await db.shopMember.findFirst({ where: { id: request.memberId, shopId: request.shopId }, select: { userId: true } });
  if (!member) throw new NotFoundError("member");
  if (member.userId === owner.userId) throw new DomainError("conflict", "cannot remove yourself", { reason: "cannotRemoveSelf" });
  await db.shopMember.delete({ where: { id: request.memberId } });
}
