import { requestAdminTerritory } from "@/lib/admin/request-admin-territory";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { campaignFiguresCsv, getCampaignFigures } from "@/lib/vouchers/figures";

/** A campaign's figures as CSV, for the admins of its town (the admin's current one). */
export async function GET(_request: Request, context: { params: Promise<{ campaignId: string }> }) {
  const { campaignId } = await context.params;
  try {
    const actor = await getActor();
    const territory = await requestAdminTerritory(actor);
    const figures = await getCampaignFigures(db(), { actor, territoryId: territory.id, campaignId });
    return new Response(campaignFiguresCsv(figures), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="chiffres-bons-${territory.slug}.csv"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (isDomainError(error)) return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
    throw error;
  }
}
