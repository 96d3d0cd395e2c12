import { getActor } from "@/lib/auth/session";
import { exportCatalog } from "@/lib/catalog/import-products";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";

/** The shop's catalog as CSV (same columns as the import). */
export async function GET(_request: Request, context: { params: Promise<{ shopId: string }> }) {
  const { shopId } = await context.params;
  try {
    const csv = await exportCatalog(db(), { actor: await getActor(), shopId });
    return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="catalogue.csv"', "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (isDomainError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
