import type { NextRequest } from "next/server";
import { ZodError } from "zod";
import { requestAdminTerritory } from "@/lib/admin/request-admin-territory";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { getTownVoucherStatement, statementCsv } from "@/lib/vouchers/statements";

/** The town's voucher statement of a month (?mois=YYYY-MM) as CSV, for the admin's current town (audited). */
export async function GET(request: NextRequest) {
  try {
    const actor = await getActor();
    const territory = await requestAdminTerritory(actor);
    const statement = await getTownVoucherStatement(db(), { actor, territoryId: territory.id, month: request.nextUrl.searchParams.get("mois"), format: "csv" });
    return new Response(statementCsv(statement), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="releve-bons-${territory.slug}-${statement.month}.csv"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof ZodError) return new Response("Bad request: mois=YYYY-MM", { status: 400, headers: { "Cache-Control": "private, no-store" } });
    if (isDomainError(error)) return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
    throw error;
  }
}
