import type { NextRequest } from "next/server";
import { deliveriesCsv, publicDeliveries } from "@/lib/delivery/open-data";
import { db } from "@/lib/db/prisma";
import { requestTerritorySite } from "@/lib/territory/site";

/** Open data: the town's home deliveries per commune and per shop as counts (no personal data), JSON (default) or CSV (?format=csv). */
export async function GET(request: NextRequest) {
  const format = request.nextUrl.searchParams.get("format") === "csv" ? "csv" : "json";
  const territory = await requestTerritorySite();
  if (!territory || territory.status !== "LIVE") return Response.json({ error: "not_found" }, { status: 404 });
  const deliveries = await publicDeliveries(db(), territory.slug);
  const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" };
  if (format === "csv") {
    return new Response(deliveriesCsv(deliveries), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="livraisons.csv"' } });
  }
  return Response.json({ territory: territory.slug, generatedAt: new Date().toISOString(), deliveries }, { headers });
}
