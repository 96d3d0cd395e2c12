import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { DomainError } from "@/lib/errors";
import { readScheduleDefaults, scheduleDefaultsInput } from "@/lib/territory/schedule-defaults";
import { audit } from "./audit";

/**
 * Opening a town, step by step (issue #12): what its admins must do between
 * "the super-admin created the territory" and "residents order from its first
 * shop". Each step is read from the data itself, never ticked by hand.
 */
export const OPENING_STEPS = ["communes", "categories", "relayPoints", "scheduleDefaults", "identity", "legal", "team", "firstShopInvited", "firstShopLive"] as const;
export type OpeningStep = (typeof OPENING_STEPS)[number];

/** Steps a town can open without (a town may have no relay point, its shops their own hours, no phone line yet). */
export const OPTIONAL_STEPS = new Set<OpeningStep>(["relayPoints", "scheduleDefaults", "team"]);

export type OpeningChecklist = { status: "PREPARATION" | "LIVE"; steps: { step: OpeningStep; done: boolean; optional: boolean; count?: number }[]; missing: OpeningStep[]; canOpen: boolean };

export async function getOpeningChecklist(db: PrismaClient, request: { actor: Actor; territoryId: string }): Promise<OpeningChecklist> {
  requireAdmin(request.actor, request.territoryId);
  const territoryId = request.territoryId;
  const [territory, communes, categories, relayPoints, operators, shops, liveShops] = await Promise.all([
    db.territory.findUniqueOrThrow({ where: { id: territoryId }, select: { status: true, logoKey: true, primaryColor: true, welcomeText: true, contactEmail: true, contactPhone: true, legalPublisher: true, publicationDirector: true, defaultSchedule: true } }),
    db.commune.count({ where: { territoryId } }),
    db.category.count({ where: { territoryId } }),
    db.pickupPoint.count({ where: { territoryId, kind: "RELAY_POINT", active: true } }),
    db.roleGrant.count({ where: { territoryId, role: "OPERATOR" } }),
    db.shop.count({ where: { territoryId } }),
    // Orderable: published, active, with a product in stock and pickup hours.
    db.shop.count({ where: { territoryId, status: "ACTIVE", publishedAt: { not: null }, products: { some: { active: true, stock: { gt: 0 } } }, scheduleRules: { some: {} } } }),
  ]);
  const done: Record<OpeningStep, boolean> = {
    communes: communes > 0,
    categories: categories > 0,
    relayPoints: relayPoints > 0,
    scheduleDefaults: readScheduleDefaults(territory.defaultSchedule) !== null,
    identity: Boolean((territory.logoKey || territory.primaryColor) && territory.welcomeText && (territory.contactEmail || territory.contactPhone)),
    legal: Boolean(territory.legalPublisher && territory.publicationDirector),
    team: operators > 0,
    firstShopInvited: shops > 0,
    firstShopLive: liveShops > 0,
  };
  const counts: Partial<Record<OpeningStep, number>> = { communes, categories, relayPoints, team: operators, firstShopInvited: shops, firstShopLive: liveShops };
  const missing = OPENING_STEPS.filter((step) => !done[step] && !OPTIONAL_STEPS.has(step));
  return {
    status: territory.status,
    steps: OPENING_STEPS.map((step) => ({ step, done: done[step], optional: OPTIONAL_STEPS.has(step), ...(counts[step] === undefined ? {} : { count: counts[step] }) })),
    missing,
    canOpen: missing.length === 0,
  };
}

/** The pickup hours the town suggests to its new shops (filled in their schedule editor until they save their own). */
export async function saveScheduleDefaults(db: PrismaClient, request: { actor: Actor; territoryId: string; input: unknown }) {
  requireAdmin(request.actor, request.territoryId);
  const defaults = scheduleDefaultsInput.parse(request.input);
  await db.$transaction(async (tx) => {
    const before = await tx.territory.findUniqueOrThrow({ where: { id: request.territoryId }, select: { defaultSchedule: true } });
    await tx.territory.update({ where: { id: request.territoryId }, data: { defaultSchedule: defaults } });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "territory.scheduleDefaults", entityType: "Territory", entityId: request.territoryId, before: before.defaultSchedule ?? undefined, after: defaults });
  });
}

/**
 * The town's admins open it to the public once every required step is done
 * (checked here again, never trusted from the page); the conditional update
 * makes a double click open it once. The super-admin can still take it back.
 */
export async function openTerritory(db: PrismaClient, request: { actor: Actor; territoryId: string }) {
  const checklist = await getOpeningChecklist(db, request);
  if (checklist.status === "LIVE") throw new DomainError("conflict", "already open", { reason: "townAlreadyOpen" });
  if (!checklist.canOpen) throw new DomainError("conflict", "opening incomplete", { reason: "openingIncomplete", missing: checklist.missing });
  await db.$transaction(async (tx) => {
    const opened = await tx.territory.updateMany({ where: { id: request.territoryId, status: "PREPARATION" }, data: { status: "LIVE" } });
    if (opened.count === 0) throw new DomainError("conflict", "already open", { reason: "townAlreadyOpen" });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "territory.open", entityType: "Territory", entityId: request.territoryId, before: { status: "PREPARATION" }, after: { status: "LIVE" } });
  });
}
