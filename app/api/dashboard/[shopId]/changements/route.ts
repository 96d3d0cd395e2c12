import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { orderChangesCsv } from "@/lib/orders/changes/change-history";

/** The changes to the shop's orders (lines short or missing, weighing, slots changed) as CSV. */
export async function GET(_request: Request, context: { params: Promise<{ shopId: string }> }) {
  const { shopId } = await context.params;
  try {
    const csv = await orderChangesCsv(db(), { actor: await getActor(), shopId, now: new Date() });
    return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="changements-commandes.csv"', "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (isDomainError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
