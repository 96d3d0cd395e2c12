import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { queueEmail } from "@/lib/notifications/outbox";
import { audit } from "./audit";

const suspendInput = z.object({ shopId: z.string().min(1).max(64), suspended: z.boolean(), reason: z.string().trim().max(500).optional() });

async function shopWithOwners(db: PrismaClient, shopId: string) {
  const shop = await db.shop.findUnique({
    where: { id: shopId },
    select: { id: true, name: true, status: true, territoryId: true, members: { where: { role: "OWNER" }, select: { user: { select: { email: true } } } } },
  });
  if (!shop) throw new NotFoundError("shop");
  return shop;
}

/**
 * Suspends a shop (it leaves the storefront; its open orders stay visible to
 * their customers) or reinstates it. Owners are emailed; the change is audited.
 */
export async function setShopSuspended(db: PrismaClient, request: { actor: Actor; input: unknown }) {
  const input = suspendInput.parse(request.input);
  const shop = await shopWithOwners(db, input.shopId);
  requireAdmin(request.actor, shop.territoryId);
  if (input.suspended && !input.reason) throw new DomainError("invalidInput", "a reason is required", { reason: "reasonRequired", field: "reason" });
  const from = input.suspended ? "ACTIVE" : "SUSPENDED";
  const to = input.suspended ? "SUSPENDED" : "ACTIVE";
  await db.$transaction(async (tx) => {
    const updated = await tx.shop.updateMany({ where: { id: shop.id, status: from }, data: { status: to } });
    if (updated.count === 0) throw new DomainError("conflict", `shop is not ${from}`, { reason: "shopStatusChanged" });
    await audit(tx, { actor: request.actor, territoryId: shop.territoryId, action: input.suspended ? "shop.suspend" : "shop.reinstate", entityType: "Shop", entityId: shop.id, before: { status: from }, after: { status: to, reason: input.reason ?? null } });
    for (const owner of shop.members) {
      await queueEmail(tx, {
        to: owner.user.email,
        subject: input.suspended ? `${shop.name} est suspendu sur Comptoir` : `${shop.name} est de nouveau en ligne sur Comptoir`,
        text: input.suspended
          ? [`Bonjour,`, "", `${shop.name} a été suspendu par la mairie et n'apparaît plus dans la boutique en ligne.`, `Motif : ${input.reason}`, "Les commandes déjà passées restent visibles pour vos clients : honorez-les ou annulez-les depuis votre espace.", "", "—", "Comptoir"].join("\n")
          : [`Bonjour,`, "", `${shop.name} est de nouveau visible dans la boutique en ligne.`, "", "—", "Comptoir"].join("\n"),
        kind: input.suspended ? "shop-suspended" : "shop-reinstated",
        territoryId: shop.territoryId,
      });
    }
  });
}

/** Reminds a shop's owners of what is missing before it can go live. */
export async function nudgeShop(db: PrismaClient, request: { actor: Actor; shopId: string; missing: string[] }) {
  const shop = await shopWithOwners(db, request.shopId);
  requireAdmin(request.actor, shop.territoryId);
  if (shop.members.length === 0) throw new DomainError("conflict", "no owner yet", { reason: "noOwnerYet" });
  await db.$transaction(async (tx) => {
    await audit(tx, { actor: request.actor, territoryId: shop.territoryId, action: "shop.nudge", entityType: "Shop", entityId: shop.id, after: { missing: request.missing } });
    for (const owner of shop.members) {
      await queueEmail(tx, {
        to: owner.user.email,
        subject: `${shop.name} : encore quelques étapes avant la mise en ligne`,
        text: ["Bonjour,", "", `Pour que ${shop.name} apparaisse sur Comptoir, il reste à compléter :`, ...request.missing.map((m) => `- ${m}`), "", "Rendez-vous dans votre espace commerçant. La mairie reste disponible pour vous aider.", "", "—", "Comptoir"].join("\n"),
        kind: "shop-nudge",
        territoryId: shop.territoryId,
      });
    }
  });
}
