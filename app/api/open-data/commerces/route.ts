import type { NextRequest } from "next/server";
import { directoryCsv, publicDirectory } from "@/lib/catalog/open-data";
import { db } from "@/lib/db/prisma";
import { requestTerritorySite } from "@/lib/territory/site";
import { publicVoucherCampaigns } from "@/lib/vouchers/open-data";

/**
 * Open data: the public shop directory as JSON (default) or CSV (?format=csv).
 * The JSON also carries the town's voucher campaigns as aggregates (their own
 * CSV is /api/open-data/bons-d-achat).
 */
export async function GET(request: NextRequest) {
  const format = request.nextUrl.searchParams.get("format") === "csv" ? "csv" : "json";
  // The town named by the address (its host, or ?territoire=): its shops, with links on its own address.
  const territory = await requestTerritorySite();
  if (!territory || territory.status !== "LIVE") return Response.json({ error: "not_found" }, { status: 404 });
  const entries = await publicDirectory(db(), territory.slug, territory.publicUrl);
  const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" };
  if (format === "csv") {
    return new Response(directoryCsv(entries), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="commerces.csv"' } });
  }
  const voucherCampaigns = await publicVoucherCampaigns(db(), territory.slug);
  return Response.json({ territory: territory.slug, generatedAt: new Date().toISOString(), shops: entries, voucherCampaigns }, { headers });
}
