import type { PrismaClient } from "@/generated/prisma/client";
import type { CartView } from "@/lib/cart/get-cart";
import type { Locale } from "@/lib/i18n/locales";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { formatDay, formatTime } from "@/lib/time/format";

export type SlotOption = { value: string; day: string; label: string; remaining: number };
/** A shop's delivery terms, for the customer to see before choosing (checked again on the server). */
export type DeliveryOption = { zones: { communeId: string; feeCents: number }[]; minimumCents: number; freeFromCents: number | null };
export type PointOption = { id: string; kind: "SHOP_DOOR" | "RELAY_POINT" | "DELIVERY"; name: string; address: string; slots: SlotOption[]; delivery: DeliveryOption | null };
export type ShopOptions = {
  shopId: string;
  shopName: string;
  itemCount: number;
  /** What is being ordered, shown again before confirming */
  lines: { name: string; quantity: number; unit: string; lineTotalCents: number; estimated: boolean }[];
  subtotalCents: number;
  /** What an online payment authorizes (weighed lines at their tolerance) */
  maxSubtotalCents: number;
  hasWeighedLines: boolean;
  /** Kept from an online-paid order not collected (told before ordering) */
  noShowFeeCents: number | null;
  paymentMethods: ("PAY_AT_PICKUP" | "ONLINE")[];
  points: PointOption[];
};

/**
 * For each shop of the cart: where its order can be collected, and the free slots
 * there up to the booking horizon the shop set ("réservable jusqu'à N jours").
 */
export async function getCheckoutOptions(db: PrismaClient, cart: CartView, locale: Locale, now: Date, options: { onlinePayment?: boolean } = {}): Promise<ShopOptions[]> {
  return Promise.all(
    cart.groups.map(async (group) => {
      const points = await db.pickupPoint.findMany({
        where: { active: true, OR: [{ kind: "SHOP_DOOR", shopId: group.shop.id }, { kind: "RELAY_POINT", servedBy: { some: { shopId: group.shop.id } } }, { kind: "DELIVERY", deliveryShopId: group.shop.id }] },
        orderBy: [{ kind: "asc" }, { name: "asc" }],
        select: { id: true, kind: true, name: true, addressLine: true, city: true },
      });
      const delivers = points.some((p) => p.kind === "DELIVERY");
      const delivery: DeliveryOption | null = delivers ? await deliveryOption(db, group.shop.id) : null;
      return {
        shopId: group.shop.id,
        shopName: group.shop.name,
        itemCount: group.lines.reduce((n, l) => n + l.quantity, 0),
        lines: group.lines.map((line) => ({ name: line.name, quantity: line.quantity, unit: line.unit, lineTotalCents: line.lineTotalCents, estimated: line.estimatedGrams !== null })),
        subtotalCents: group.subtotalCents,
        maxSubtotalCents: group.maxSubtotalCents,
        hasWeighedLines: group.lines.some((line) => line.estimatedGrams !== null),
        noShowFeeCents: group.shop.noShowFeeCents,
        // Online payment is offered only where this deployment can take it.
        paymentMethods: group.shop.paymentMethods.filter((m) => m !== "ONLINE" || options.onlinePayment === true),
        points: await Promise.all(
          points.map(async (point) => ({
            id: point.id,
            kind: point.kind,
            name: point.name,
            address: `${point.addressLine}, ${point.city}`,
            delivery: point.kind === "DELIVERY" ? delivery : null,
            slots: (await listAvailableSlots(db, { shopId: group.shop.id, pickupPointId: point.id, now })).map((slot) => ({
              value: slot.startsAt.toISOString(),
              day: formatDay(slot.startsAt, locale),
              label: `${formatTime(slot.startsAt, locale)} – ${formatTime(slot.endsAt, locale)}`,
              remaining: slot.remaining,
            })),
          })),
        ),
      };
    }),
  );
}

async function deliveryOption(db: PrismaClient, shopId: string): Promise<DeliveryOption> {
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: { deliveryMinimumCents: true, deliveryFreeFromCents: true, deliveryZones: { select: { communeId: true, feeCents: true } } },
  });
  return { zones: shop.deliveryZones, minimumCents: shop.deliveryMinimumCents, freeFromCents: shop.deliveryFreeFromCents };
}
