import { figuresCsv, getPlatformFigures } from "@/lib/admin/figures";
import { requestAdminTerritory } from "@/lib/admin/request-admin-territory";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";

/** The admin's platform figures as CSV. */
export async function GET() {
  try {
    const actor = await getActor();
    const territory = await requestAdminTerritory(actor);
    const csv = figuresCsv(await getPlatformFigures(db(), { actor, territoryId: territory.id }));
    return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="chiffres-${territory.slug}.csv"`, "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (isDomainError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
