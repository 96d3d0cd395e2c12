import type { PrismaClient } from "@/generated/prisma/client";
import type { CartView } from "@/lib/cart/get-cart";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { deliveryFor } from "@/lib/delivery/checkout";
import { toLocal } from "@/lib/time/zoned";
import { CheckoutError, type CheckoutProblem } from "./checkout-error";
import type { PlaceOrdersInput } from "./place-orders-input";

export type ShopCheckout = {
  shopId: string;
  shopName: string;
  pickupPointId: string;
  pickupPointKind: "SHOP_DOOR" | "RELAY_POINT" | "DELIVERY";
  relayCapacity: number | null;
  slot: { startsAt: Date; endsAt: Date; capacity: number };
  paymentMethod: "PAY_AT_PICKUP" | "ONLINE";
  acceptSubstitutes: boolean;
  lines: { productId: string; quantity: number }[];
  /** Set when the shop delivers this order: where, and the fee computed here from the shop's terms */
  delivery: { communeId: string; addressLine: string; instructions: string; feeCents: number } | null;
};

/** Payment methods Comptoir can take without an online payment provider configured. */
const OFFLINE_METHODS: ReadonlySet<string> = new Set(["PAY_AT_PICKUP"]);
const ALL_METHODS: ReadonlySet<string> = new Set(["PAY_AT_PICKUP", "ONLINE"]);

/**
 * Checks a checkout against the cart and the catalog before any write: the
 * chosen shops are exactly the cart's, each pickup point is served by its shop,
 * each slot exists in the shop's schedule now, each payment method is accepted,
 * and a delivery goes to a commune of the shop's zone, for a basket it delivers.
 */
export async function validateCheckout(db: PrismaClient, cart: CartView, input: PlaceOrdersInput, now: Date, options: { onlinePayment?: boolean } = {}): Promise<ShopCheckout[]> {
  const supportedMethods = options.onlinePayment ? ALL_METHODS : OFFLINE_METHODS;
  const problems: CheckoutProblem[] = [];
  const cartShopIds = cart.groups.map((g) => g.shop.id).sort();
  const chosenShopIds = input.shops.map((s) => s.shopId).sort();
  if (cartShopIds.length === 0 || cartShopIds.join() !== chosenShopIds.join()) throw new CheckoutError([{ kind: "shopMismatch" }]);
  for (const group of cart.groups) {
    for (const line of group.lines) {
      if (line.problem === "unavailable") problems.push({ kind: "unavailableProduct", productId: line.productId, name: line.name });
      if (line.problem === "notEnoughStock") problems.push({ kind: "stock", productId: line.productId, name: line.name, available: line.stock ?? 0 });
    }
  }

  const result: ShopCheckout[] = [];
  for (const choice of input.shops) {
    const group = cart.groups.find((g) => g.shop.id === choice.shopId);
    if (!group) continue;
    const point = await db.pickupPoint.findFirst({
      where: {
        id: choice.pickupPointId,
        active: true,
        OR: [{ kind: "SHOP_DOOR", shopId: choice.shopId }, { kind: "RELAY_POINT", servedBy: { some: { shopId: choice.shopId } } }, { kind: "DELIVERY", deliveryShopId: choice.shopId }],
      },
      select: { id: true, kind: true, capacityPerSlot: true },
    });
    if (!point) {
      problems.push({ kind: "pickupPointInvalid", shopId: choice.shopId });
      continue;
    }
    let delivery: ShopCheckout["delivery"] = null;
    if (point.kind === "DELIVERY") {
      const outcome = await deliveryFor(db, { shopId: choice.shopId, goodsCents: group.subtotalCents, address: input.delivery });
      if ("problem" in outcome) problems.push(outcome.problem);
      else delivery = outcome.delivery;
    }
    if (!group.shop.paymentMethods.includes(choice.paymentMethod) || !supportedMethods.has(choice.paymentMethod)) {
      problems.push({ kind: "paymentMethodInvalid", shopId: choice.shopId });
    }
    const wanted = new Date(choice.slotStartsAt).getTime();
    // Only the wanted slot's day: the engine need not lay out the whole horizon to check one slot.
    const day = Number.isNaN(wanted) ? undefined : toLocal(new Date(wanted)).date;
    const slots = await listAvailableSlots(db, { shopId: choice.shopId, pickupPointId: point.id, now, fromDate: day, toDate: day, includeFull: true });
    const slot = slots.find((s) => s.startsAt.getTime() === wanted);
    if (!slot) {
      problems.push({ kind: "slotInvalid", shopId: choice.shopId });
      continue;
    }
    if (slot.remaining <= 0) problems.push({ kind: "slotFull", shopId: choice.shopId });
    result.push({
      shopId: choice.shopId,
      shopName: group.shop.name,
      pickupPointId: point.id,
      pickupPointKind: point.kind,
      relayCapacity: point.kind === "RELAY_POINT" ? point.capacityPerSlot : null,
      slot: { startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: slot.capacity },
      paymentMethod: choice.paymentMethod,
      acceptSubstitutes: choice.acceptSubstitutes,
      lines: group.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      delivery,
    });
  }
  if (problems.length > 0) throw new CheckoutError(problems);
  return result;
}
