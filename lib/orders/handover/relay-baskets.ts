import type { Tx } from "@/lib/db/client";
import { newPickupCode } from "../checkout/codes";
import type { ShopCheckout } from "../checkout/validate-checkout";

/**
 * Orders from several shops going to the same relay point get one basket code:
 * the customer collects them together there (each order keeps its own code for
 * the shop door). Written before the confirmations are queued, so their emails
 * carry it.
 */
export async function groupAtRelayPoints(tx: Tx, checkoutId: string, shops: Pick<ShopCheckout, "shopId" | "pickupPointId" | "pickupPointKind">[], orders: { id: string; shopId: string }[]): Promise<void> {
  const byPoint = new Map<string, string[]>();
  for (const shop of shops) {
    if (shop.pickupPointKind !== "RELAY_POINT") continue;
    const order = orders.find((o) => o.shopId === shop.shopId);
    if (order) byPoint.set(shop.pickupPointId, [...(byPoint.get(shop.pickupPointId) ?? []), order.id]);
  }
  for (const [pickupPointId, orderIds] of byPoint) {
    if (orderIds.length < 2) continue;
    const basket = await tx.relayBasket.create({ data: { checkoutId, pickupPointId, code: newPickupCode() }, select: { id: true } });
    await tx.order.updateMany({ where: { id: { in: orderIds } }, data: { relayBasketId: basket.id } });
  }
}
