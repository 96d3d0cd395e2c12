import type { PrismaClient } from "@/generated/prisma/client";

/** Categories and communes a shopkeeper can pick when applying to a territory. */
export async function getApplicationOptions(db: PrismaClient, territorySlug: string) {
  const territory = await db.territory.findUnique({
    where: { slug: territorySlug },
    select: {
      name: true,
      categories: { orderBy: { position: "asc" }, select: { id: true, nameFr: true, nameEn: true } },
      communes: { orderBy: { name: "asc" }, select: { id: true, name: true, postalCode: true } },
    },
  });
  return territory;
}
