import type { NextRequest } from "next/server";
import { directoryCsv, publicDirectory } from "@/lib/catalog/open-data";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { appUrl } from "@/lib/notifications/app-url";

/** Open data: the public shop directory as JSON (default) or CSV (?format=csv). */
export async function GET(request: NextRequest) {
  const format = request.nextUrl.searchParams.get("format") === "csv" ? "csv" : "json";
  const entries = await publicDirectory(db(), env().DEFAULT_TERRITORY, appUrl());
  const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" };
  if (format === "csv") {
    return new Response(directoryCsv(entries), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="commerces.csv"' } });
  }
  return Response.json({ territory: env().DEFAULT_TERRITORY, generatedAt: new Date().toISOString(), shops: entries }, { headers });
}
