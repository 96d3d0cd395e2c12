import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/admin/audit";
import type { Actor } from "@/lib/auth/actor";
import { emailSchema } from "@/lib/auth/email";
import { requireAdmin } from "@/lib/auth/guards";
import { euroAmount } from "@/lib/catalog/product-input";
import { DomainError, NotFoundError } from "@/lib/errors";
import { fromLocal } from "@/lib/time/zoned";
import { wholeNumber } from "@/lib/validation/fields";

/** A calendar day "YYYY-MM-DD" that exists (no 13th month, no 30 February). */
const localDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid")
  .refine((day) => {
    const noon = new Date(`${day}T12:00:00Z`);
    return !Number.isNaN(noon.getTime()) && noon.toISOString().slice(0, 10) === day;
  }, "dateInvalid");
const optionalEuros = z.union([z.literal("").transform(() => null), euroAmount]).optional().transform((v) => v ?? null);
const ids = z.array(z.string().min(1).max(64)).max(500).default([]);

/** A campaign as the admin's form sends it: euros as typed, days in the town's time (a campaign ends at the end of its last day). */
export const campaignInput = z
  .object({
    name: z.string().trim().min(2, "nameRequired").max(100, "nameTooLong"),
    kind: z.enum(["CODES", "TOP_UP"], { message: "campaignKindRequired" }),
    budget: euroAmount.refine((cents) => cents > 0, "budgetInvalid"),
    startsOn: localDate,
    endsOn: localDate,
    shopScope: z.enum(["ALL", "CATEGORIES", "COMMUNES", "SHOPS"]).default("ALL"),
    scopeIds: ids,
    voucherValue: optionalEuros,
    topUpPercent: z.union([z.literal("").transform(() => null), wholeNumber(1, 100, "topUpPercentInvalid")]).optional().transform((v) => v ?? null),
    topUpCap: optionalEuros,
    minBasket: optionalEuros,
  })
  .refine((c) => c.startsOn <= c.endsOn, { path: ["endsOn"], message: "campaignDatesInvalid" })
  .refine((c) => c.kind !== "CODES" || (c.voucherValue ?? 0) > 0, { path: ["voucherValue"], message: "voucherValueRequired" })
  .refine((c) => c.kind !== "TOP_UP" || (c.topUpPercent !== null && (c.topUpCap ?? 0) > 0), { path: ["topUpPercent"], message: "topUpRequired" })
  .refine((c) => c.shopScope === "ALL" || c.scopeIds.length > 0, { path: ["scopeIds"], message: "scopeEmpty" });

export type CampaignInput = z.input<typeof campaignInput>;

/** The instants a campaign runs between: from its first day's midnight to the midnight after its last day, in Paris. */
function campaignInstants(startsOn: string, endsOn: string) {
  const startsAt = fromLocal(startsOn, 0);
  const lastDay = new Date(`${endsOn}T12:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() + 1);
  const endsAt = fromLocal(lastDay.toISOString().slice(0, 10), 0);
  if (!startsAt || !endsAt) throw new DomainError("invalidInput", "bad dates", { reason: "dateInvalid", field: "startsOn" });
  return { startsAt, endsAt };
}

/** The scope's ids must be this town's categories, communes or shops. */
async function checkScope(db: PrismaClient, territoryId: string, scope: string, scopeIds: string[]): Promise<string[]> {
  if (scope === "ALL") return [];
  const unique = [...new Set(scopeIds)];
  const where = { id: { in: unique }, territoryId };
  const found = scope === "CATEGORIES" ? await db.category.count({ where }) : scope === "COMMUNES" ? await db.commune.count({ where }) : await db.shop.count({ where });
  if (found !== unique.length) throw new DomainError("invalidInput", "scope outside the town", { reason: "scopeInvalid", field: "scopeIds" });
  return unique;
}

/** Creates a campaign in the admin's town (audited). */
export async function createCampaign(db: PrismaClient, request: { actor: Actor; territoryId: string; input: unknown }): Promise<{ id: string }> {
  requireAdmin(request.actor, request.territoryId);
  const input = campaignInput.parse(request.input);
  const scopeIds = await checkScope(db, request.territoryId, input.shopScope, input.scopeIds);
  const data = {
    territoryId: request.territoryId, name: input.name, kind: input.kind, budgetCents: input.budget, ...campaignInstants(input.startsOn, input.endsOn),
    shopScope: input.shopScope, scopeIds,
    voucherValueCents: input.kind === "CODES" ? input.voucherValue : null,
    topUpBp: input.kind === "TOP_UP" && input.topUpPercent ? input.topUpPercent * 100 : null,
    topUpCapCents: input.kind === "TOP_UP" ? input.topUpCap : null,
    minBasketCents: input.minBasket ?? 0,
  };
  return db.$transaction(async (tx) => {
    // One top-up at a time: a customer is helped by one rule, the one the shops and the statement show.
    if (data.kind === "TOP_UP") {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`top-up:${request.territoryId}`}, 0))`;
      const overlapping = await tx.voucherCampaign.findFirst({ where: { territoryId: request.territoryId, kind: "TOP_UP", startsAt: { lt: data.endsAt }, endsAt: { gt: data.startsAt } }, select: { name: true } });
      if (overlapping) throw new DomainError("conflict", "another top-up runs then", { reason: "topUpOverlap", field: "startsOn", campaign: overlapping.name });
    }
    const campaign = await tx.voucherCampaign.create({ data, select: { id: true } });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "voucher.campaign.create", entityType: "VoucherCampaign", entityId: campaign.id, after: { ...data, startsAt: data.startsAt.toISOString(), endsAt: data.endsAt.toISOString() } });
    return campaign;
  });
}

export const campaignChangeInput = z.object({
  name: z.string().trim().min(2, "nameRequired").max(100, "nameTooLong"),
  budget: euroAmount.refine((cents) => cents > 0, "budgetInvalid"),
  endsOn: localDate,
});

/**
 * Renames a campaign, changes its budget or its last day (audited). A budget
 * below what orders already hold or used is refused with the figures; the
 * conditional update makes that true even against a checkout committing now.
 */
export async function changeCampaign(db: PrismaClient, request: { actor: Actor; territoryId: string; campaignId: string; input: unknown }): Promise<void> {
  requireAdmin(request.actor, request.territoryId);
  const input = campaignChangeInput.parse(request.input);
  await db.$transaction(async (tx) => {
    const before = await tx.voucherCampaign.findFirst({ where: { id: request.campaignId, territoryId: request.territoryId }, select: { name: true, budgetCents: true, startsAt: true, endsAt: true } });
    if (!before) throw new NotFoundError("campaign");
    const { endsAt } = campaignInstants(input.endsOn, input.endsOn);
    if (endsAt <= before.startsAt) throw new DomainError("invalidInput", "ends before it starts", { reason: "campaignDatesInvalid", field: "endsOn" });
    const changed = await tx.$executeRaw`
      UPDATE "VoucherCampaign" SET "name" = ${input.name}, "budgetCents" = ${input.budget}, "endsAt" = ${endsAt}, "updatedAt" = now()
      WHERE "id" = ${request.campaignId} AND "committedCents" + "spentCents" <= ${input.budget}`;
    if (changed !== 1) {
      const now = await tx.voucherCampaign.findUniqueOrThrow({ where: { id: request.campaignId }, select: { committedCents: true, spentCents: true } });
      throw new DomainError("conflict", "budget below what is used", { reason: "budgetBelowUsed", field: "budget", committed: (now.committedCents / 100).toFixed(2), spent: (now.spentCents / 100).toFixed(2) });
    }
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "voucher.campaign.change", entityType: "VoucherCampaign", entityId: request.campaignId, before: { name: before.name, budgetCents: before.budgetCents, endsAt: before.endsAt.toISOString() }, after: { name: input.name, budgetCents: input.budget, endsAt: endsAt.toISOString() } });
  });
}

/** The town's campaigns, newest first, with what they hold and used. */
export async function listCampaigns(db: PrismaClient, request: { actor: Actor; territoryId: string }) {
  requireAdmin(request.actor, request.territoryId);
  return db.voucherCampaign.findMany({
    where: { territoryId: request.territoryId },
    orderBy: { startsAt: "desc" },
    select: { id: true, name: true, kind: true, budgetCents: true, committedCents: true, spentCents: true, startsAt: true, endsAt: true, voucherValueCents: true, topUpBp: true, topUpCapCents: true, minBasketCents: true, _count: { select: { vouchers: true } } },
  });
}

/** One campaign of the admin's town, for its page. */
export async function getCampaign(db: PrismaClient, request: { actor: Actor; territoryId: string; campaignId: string }) {
  requireAdmin(request.actor, request.territoryId);
  const campaign = await db.voucherCampaign.findFirst({
    where: { id: request.campaignId, territoryId: request.territoryId },
    include: { _count: { select: { vouchers: true } }, declines: { select: { shop: { select: { name: true } } } } },
  });
  if (!campaign) throw new NotFoundError("campaign");
  const issued = await db.voucher.aggregate({ where: { campaignId: campaign.id }, _sum: { valueCents: true, balanceCents: true } });
  return { ...campaign, issuedValueCents: issued._sum.valueCents ?? 0, unusedBalanceCents: issued._sum.balanceCents ?? 0 };
}

export const issueCodesInput = z.object({
  count: z.union([z.literal("").transform(() => 0), wholeNumber(0, 5000, "codeCountInvalid")]).default(0),
  /** One address per line (or separated by commas): each gets its own code by email */
  emails: z.string().max(200_000, "textTooLong").default(""),
});

/** The addresses of a pasted list, each checked; an invalid one is refused by its line. */
export function parseRecipients(text: string): string[] {
  const entries = text.split(/[\n,;]+/).map((line) => line.trim()).filter(Boolean);
  const addresses: string[] = [];
  for (const [index, entry] of entries.entries()) {
    const parsed = emailSchema.safeParse(entry);
    if (!parsed.success) throw new DomainError("invalidInput", "bad address", { reason: "recipientInvalid", field: "emails", line: index + 1 });
    addresses.push(parsed.data);
  }
  return [...new Set(addresses)];
}

/** What a campaign's scope can name in the admin's town: its categories, communes and shops. */
export async function campaignScopeChoices(db: PrismaClient, request: { actor: Actor; territoryId: string }) {
  requireAdmin(request.actor, request.territoryId);
  const where = { territoryId: request.territoryId };
  const [categories, communes, shops] = await Promise.all([
    db.category.findMany({ where, orderBy: { nameFr: "asc" }, select: { id: true, nameFr: true, nameEn: true } }),
    db.commune.findMany({ where, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.shop.findMany({ where: { ...where, status: "ACTIVE" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { categories, communes, shops };
}

/**
 * Stops a campaign now (a decision of the town, a fraud): no new order takes it;
 * orders that already did keep their share, spent or given back as usual. Audited.
 */
export async function endCampaignNow(db: PrismaClient, request: { actor: Actor; territoryId: string; campaignId: string; now: Date }): Promise<void> {
  requireAdmin(request.actor, request.territoryId);
  await db.$transaction(async (tx) => {
    const campaign = await tx.voucherCampaign.findFirst({ where: { id: request.campaignId, territoryId: request.territoryId }, select: { startsAt: true, endsAt: true } });
    if (!campaign) throw new NotFoundError("campaign");
    if (campaign.endsAt <= request.now) throw new DomainError("conflict", "already over", { reason: "campaignOver" });
    // A campaign that has not started yet ends before it starts: it keeps its dates valid by starting now too.
    const startsAt = campaign.startsAt < request.now ? campaign.startsAt : new Date(request.now.getTime() - 1);
    await tx.voucherCampaign.update({ where: { id: request.campaignId }, data: { startsAt, endsAt: request.now } });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "voucher.campaign.end", entityType: "VoucherCampaign", entityId: request.campaignId, before: { endsAt: campaign.endsAt.toISOString() }, after: { endsAt: request.now.toISOString() } });
  });
}
