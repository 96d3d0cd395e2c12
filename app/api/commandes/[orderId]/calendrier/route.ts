import type { NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { pickupEventIcs } from "@/lib/notifications/ics";
import { getOrder } from "@/lib/orders/get-order";
import { publicUrlOfTerritory } from "@/lib/territory/public-url";

/** "Add to calendar": the order's pickup slot as an .ics file. */
export async function GET(request: NextRequest, context: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await context.params;
  const token = request.nextUrl.searchParams.get("t");
  try {
    const order = await getOrder(db(), { actor: await getActor(), orderId, token });
    const place = order.pickupPoint;
    const body = pickupEventIcs({
      uid: `${order.id}@comptoir`,
      sequence: order.rescheduleCount,
      startsAt: order.slotStartsAt,
      endsAt: order.slotEndsAt,
      summary: `Retrait Comptoir — ${order.shop.name}`,
      location: `${place.name}, ${place.addressLine}, ${place.postalCode} ${place.city}`,
      description: `Commande ${order.reference} — code de retrait ${order.pickupCode}`,
      url: `${await publicUrlOfTerritory(db(), order.territoryId)}/commandes/${order.id}${token ? `?t=${token}` : ""}`,
    });
    return new Response(body, {
      headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="retrait-${order.reference}.ics"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (isDomainError(error)) return new Response("Not found", { status: 404 });
    throw error;
  }
}
