import type { NextRequest } from "next/server";
import { db } from "@/lib/db/prisma";
import { requestTerritorySite } from "@/lib/territory/site";
import { publicVoucherCampaigns, voucherCampaignsCsv } from "@/lib/vouchers/open-data";

/** Open data: the town's voucher campaigns as aggregates (no personal data), JSON (default) or CSV (?format=csv). */
export async function GET(request: NextRequest) {
  const format = request.nextUrl.searchParams.get("format") === "csv" ? "csv" : "json";
  const territory = await requestTerritorySite();
  if (!territory || territory.status !== "LIVE") return Response.json({ error: "not_found" }, { status: 404 });
  const campaigns = await publicVoucherCampaigns(db(), territory.slug);
  const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" };
  if (format === "csv") {
    return new Response(voucherCampaignsCsv(campaigns), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="bons-d-achat.csv"' } });
  }
  return Response.json({ territory: territory.slug, generatedAt: new Date().toISOString(), voucherCampaigns: campaigns }, { headers });
}
