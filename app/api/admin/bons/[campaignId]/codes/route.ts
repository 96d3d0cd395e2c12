import { requestAdminTerritory } from "@/lib/admin/request-admin-territory";
import { getActor } from "@/lib/auth/session";
import { toCsv } from "@/lib/catalog/csv-format";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { formatVoucherCode } from "@/lib/vouchers/codes";
import { listVoucherCodes } from "@/lib/vouchers/issue-codes";
import { euroInputValue } from "@/lib/money/format";

/** A campaign's codes as CSV (for a mail merge or a printer): its town's admins only; never cached. */
export async function GET(_request: Request, { params }: { params: Promise<{ campaignId: string }> }) {
  try {
    const actor = await getActor();
    const territory = await requestAdminTerritory(actor);
    const { campaign, vouchers } = await listVoucherCodes(db(), { actor, territoryId: territory.id, campaignId: (await params).campaignId });
    const csv = toCsv([
      ["code", "valeur_eur", "solde_eur", "envoye_a", "cree_le"],
      ...vouchers.map((v) => [formatVoucherCode(v.code), euroInputValue(v.valueCents), euroInputValue(v.balanceCents), v.recipientEmail ?? "", v.createdAt.toISOString()]),
    ]);
    const name = campaign.name.normalize("NFD").replace(/[^\w]+/g, "-").toLowerCase().replace(/^-|-$/g, "");
    return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="bons-${name}.csv"`, "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (isDomainError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
