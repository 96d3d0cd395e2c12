import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { wholeNumber } from "@/lib/validation/fields";

/** Grace choices offered to shops: "next" = end of the next opening day. */
export const NO_SHOW_GRACE_CHOICES = ["next", "2", "4", "24", "48"] as const;

const automationInput = z.object({
  noShowGrace: z.enum(NO_SHOW_GRACE_CHOICES, { message: "invalidInput" }),
  noShowRestock: z.boolean(),
  morningDigest: z.boolean(),
  /** How many times a customer may move an order to another slot (issue #24); absent = unchanged */
  maxReschedules: wholeNumber(0, 10, "maxReschedulesInvalid").optional(),
});

export type AutomationSettings = Omit<z.infer<typeof automationInput>, "maxReschedules"> & { maxReschedules: number };

/** What happens on its own for a shop: the no-show rule and the morning digest. Any member may read it. */
export async function getAutomationSettings(db: PrismaClient, request: { actor: Actor; shopId: string }): Promise<AutomationSettings & { canEdit: boolean }> {
  const member = requireShopMember(request.actor, request.shopId);
  const shop = await db.shop.findUniqueOrThrow({ where: { id: request.shopId }, select: { noShowGraceHours: true, noShowRestock: true, morningDigest: true, maxReschedules: true } });
  const grace = shop.noShowGraceHours === null ? "next" : String(shop.noShowGraceHours);
  return {
    noShowGrace: (NO_SHOW_GRACE_CHOICES as readonly string[]).includes(grace) ? (grace as AutomationSettings["noShowGrace"]) : "next",
    noShowRestock: shop.noShowRestock,
    morningDigest: shop.morningDigest,
    maxReschedules: shop.maxReschedules,
    canEdit: member.shopRole === "OWNER",
  };
}

/**
 * The owner sets the no-show grace, whether no-show goods go back on the shelf, and
 * the morning digest. Orders already queued pick the new grace up when their check
 * runs (a later deadline reschedules it; the no-show sweep catches earlier ones).
 */
export async function updateAutomationSettings(db: PrismaClient, request: { actor: Actor; shopId: string; input: unknown }): Promise<void> {
  requireShopMember(request.actor, request.shopId, { role: "OWNER" });
  const input = automationInput.parse(request.input);
  await db.shop.update({
    where: { id: request.shopId },
    data: { noShowGraceHours: input.noShowGrace === "next" ? null : Number(input.noShowGrace), noShowRestock: input.noShowRestock, morningDigest: input.morningDigest, ...(input.maxReschedules === undefined ? {} : { maxReschedules: input.maxReschedules }) },
  });
}
