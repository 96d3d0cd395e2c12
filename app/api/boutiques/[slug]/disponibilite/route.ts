import { z } from "zod";
import { getShopAvailability } from "@/lib/catalog/shop-page";
import { db } from "@/lib/db/prisma";
import { toLocale } from "@/lib/i18n/locales";
import { now } from "@/lib/time/clock";
import { formatClockRange, formatSlot } from "@/lib/time/format";
import { requestTerritory } from "@/lib/territory/request";

export const dynamic = "force-dynamic";

const slugSchema = z.string().min(1).max(120).regex(/^[a-z0-9-]+$/);

/**
 * Today's hours and the next free pickup slot of a shop, for the cached shop
 * page's island (components/catalog/ShopAvailability.tsx). Never cached: it
 * moves with the clock and every booking.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = slugSchema.safeParse((await params).slug);
  const locale = toLocale(new URL(request.url).searchParams.get("locale"));
  const territory = slug.success ? await requestTerritory() : null;
  const availability = territory && slug.success ? await getShopAvailability(db(), territory.id, slug.data, now()) : null;
  if (!availability) return Response.json({ error: "not_found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return Response.json(
    {
      todayHours: availability.todayHours.map((h) => formatClockRange(h.opens, h.closes, locale)).join(", "),
      nextSlot: availability.nextSlot ? formatSlot(availability.nextSlot.startsAt, availability.nextSlot.endsAt, locale) : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
