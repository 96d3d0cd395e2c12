import { z } from "zod";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireSuperAdmin } from "@/lib/auth/guards";
import { DomainError } from "@/lib/errors";
import { appUrl } from "@/lib/notifications/app-url";
import { forgetTerritoryDirectory } from "@/lib/territory/proxy-directory";
import { normalizeHost } from "@/lib/territory/routing";
import { audit } from "./audit";

/** A host name as browsers send it: labels of letters, digits and hyphens (63 at most), at least one dot. */
const hostInput = z
  .string()
  .max(260, "hostInvalid")
  .transform((value) => normalizeHost(value.trim().replace(/^https?:\/\//i, "").replace(/\/.*$/, "")))
  .pipe(z.string().max(253, "hostInvalid").regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/, "hostInvalid"));

/**
 * The super-admin serves a town at its own address (e.g. commerces.niort.fr,
 * pointed at the platform by the town's DNS). The platform's own host names stay
 * the platform's. Every instance's router sees the change within seconds
 * (lib/territory/proxy-directory.ts); this one at once.
 */
export async function addTerritoryDomain(db: PrismaClient, request: { actor: Actor; territoryId: string; host: unknown }) {
  requireSuperAdmin(request.actor);
  const host = hostInput.parse(request.host);
  if (host === normalizeHost(new URL(appUrl()).host) || host === "localhost") throw new DomainError("invalidInput", "the platform's own host", { reason: "hostIsPlatform", field: "host" });
  try {
    await db.$transaction(async (tx) => {
      await tx.territoryDomain.create({ data: { host, territoryId: request.territoryId } });
      await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "territory.domain.add", entityType: "Territory", entityId: request.territoryId, after: { host } });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError("conflict", "host taken", { reason: "hostTaken", field: "host" });
    throw error;
  }
  forgetTerritoryDirectory();
  return { host };
}

export async function removeTerritoryDomain(db: PrismaClient, request: { actor: Actor; territoryId: string; host: unknown }) {
  requireSuperAdmin(request.actor);
  const host = hostInput.parse(request.host);
  await db.$transaction(async (tx) => {
    const removed = await tx.territoryDomain.deleteMany({ where: { host, territoryId: request.territoryId } });
    if (removed.count === 0) throw new DomainError("notFound", "no such domain", { reason: "hostUnknown", field: "host" });
    await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "territory.domain.remove", entityType: "Territory", entityId: request.territoryId, before: { host } });
  });
  forgetTerritoryDirectory();
}
