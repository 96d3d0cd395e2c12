import type { NextRequest } from "next/server";
import { ZodError } from "zod";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { getShopVoucherStatement, statementCsv } from "@/lib/vouchers/statements";

/** The shop's voucher statement of a month (?mois=YYYY-MM) as CSV, for its members. */
export async function GET(request: NextRequest, context: { params: Promise<{ shopId: string }> }) {
  const { shopId } = await context.params;
  try {
    const statement = await getShopVoucherStatement(db(), { actor: await getActor(), shopId, month: request.nextUrl.searchParams.get("mois") });
    return new Response(statementCsv(statement), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="releve-bons-${statement.month}.csv"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof ZodError) return new Response("Bad request: mois=YYYY-MM", { status: 400, headers: { "Cache-Control": "private, no-store" } });
    if (isDomainError(error)) return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
    throw error;
  }
}
