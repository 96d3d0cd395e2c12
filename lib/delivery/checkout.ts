import type { PrismaClient } from "@/generated/prisma/client";
import type { CheckoutProblem } from "@/lib/orders/checkout/checkout-error";
import { deliveryFeeCents } from "./fee";

type Address = { communeId: string; addressLine: string; instructions?: string } | undefined;
type Delivery = { communeId: string; addressLine: string; instructions: string; feeCents: number };

/**
 * Whether the shop delivers this basket to this address, and for what fee. The zone is a list of communes of
 * the shop's own territory, so a commune of another town is simply outside it.
 */
export async function deliveryFor(
  db: PrismaClient,
  request: { shopId: string; goodsCents: number; address: Address },
): Promise<{ delivery: Delivery } | { problem: CheckoutProblem }> {
  const { shopId, address } = request;
  if (!address) return { problem: { kind: "deliveryAddressMissing", shopId } };
  const [zone, shop] = await Promise.all([
    db.deliveryZone.findUnique({ where: { shopId_communeId: { shopId, communeId: address.communeId } }, select: { feeCents: true } }),
    db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { deliveryMinimumCents: true, deliveryFreeFromCents: true } }),
  ]);
  if (!zone) return { problem: { kind: "deliveryOutsideZone", shopId } };
  if (request.goodsCents < shop.deliveryMinimumCents) return { problem: { kind: "deliveryBelowMinimum", shopId, minimumCents: shop.deliveryMinimumCents } };
  const feeCents = deliveryFeeCents({ zoneFeeCents: zone.feeCents, freeFromCents: shop.deliveryFreeFromCents }, request.goodsCents);
  return { delivery: { communeId: address.communeId, addressLine: address.addressLine, instructions: address.instructions ?? "", feeCents } };
}

/**
 * The town's communes for the delivery address's list, when a shop of the checkout delivers at all. All of them,
 * not only those delivered: a customer finds their own commune and is told plainly which shop does not go there.
 */
export async function deliveryCommunesOf(db: PrismaClient, territoryId: string, shops: { points: { kind: string }[] }[]) {
  if (!shops.some((shop) => shop.points.some((point) => point.kind === "DELIVERY"))) return [];
  const communes = await db.commune.findMany({ where: { territoryId }, orderBy: { name: "asc" }, select: { id: true, name: true, postalCode: true } });
  return communes.map((commune) => ({ id: commune.id, label: `${commune.name} (${commune.postalCode})` }));
}
