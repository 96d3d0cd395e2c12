import type { PrismaClient } from "@/generated/prisma/client";
import { DomainError, NotFoundError } from "@/lib/errors";

/**
 * Baskets and orders exist only in an open town: a town in preparation may be
 * previewed by its team, never ordered from (no stock taken, no slot booked, no email).
 */
export async function assertTownOpen(db: PrismaClient, territoryId: string): Promise<void> {
  const territory = await db.territory.findUnique({ where: { id: territoryId }, select: { status: true } });
  if (!territory) throw new NotFoundError("territory");
  if (territory.status !== "LIVE") throw new DomainError("conflict", "town not open", { reason: "townNotOpen" });
}
