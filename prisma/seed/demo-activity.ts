import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { loadActor } from "@/lib/auth/load-actor";
import { addToCart } from "@/lib/cart/change-cart";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { transitionOrderByShop } from "@/lib/orders/handover/shop-transitions";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { addDays, toLocal } from "@/lib/time/zoned";
import { createCampaign } from "@/lib/vouchers/campaigns";
import { issueVoucherCodes } from "@/lib/vouchers/issue-codes";
import { DEMO_ACCOUNTS } from "./accounts";

export const DEMO_CAMPAIGN = "Bons d’achat du commerce local";
/** The shop whose dashboard shows the demo's orders, and what the demo customer ordered there. */
export const DEMO_ORDER_SHOP = "fromagerie-des-halles";
const DEMO_BASKETS = [
  { products: ["Chabichou du Poitou AOP", "Beurre de baratte demi-sel (250 g)"], slotIndex: 2, ready: true },
  { products: ["Mothais sur feuille", "Yaourts fermiers nature (x4)"], slotIndex: 6, ready: false },
];

/**
 * What makes the demo look alive on the day it is seeded, computed from `now` (never
 * from a fixed date, so a demo started next year is as alive as today's): a voucher
 * campaign that started two weeks ago and runs two more months, one code sent to the
 * demo customer, and two of her orders in the fromagerie's coming slots, one already
 * ready. Everything goes through the use cases, so it obeys the rules customers meet.
 */
export async function seedDemoActivity(db: PrismaClient, territoryId: string, now: Date): Promise<void> {
  const users = await db.user.findMany({ where: { email: { in: [DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.customer.email, DEMO_ACCOUNTS.fromagerie.email] } }, select: { id: true, email: true } });
  const idOf = (email: string) => users.find((u) => u.email === email)?.id ?? null;
  const admin = await loadActor(db, idOf(DEMO_ACCOUNTS.admin.email));
  const customer = await loadActor(db, idOf(DEMO_ACCOUNTS.customer.email));
  const shopkeeper = await loadActor(db, idOf(DEMO_ACCOUNTS.fromagerie.email));

  const today = toLocal(now).date;
  const campaign = await createCampaign(db, {
    actor: admin,
    territoryId,
    input: { name: DEMO_CAMPAIGN, kind: "CODES", budget: "5000", startsOn: addDays(today, -14), endsOn: addDays(today, 60), voucherValue: "10", minBasket: "15" },
  });
  await issueVoucherCodes(db, { actor: admin, territoryId, campaignId: campaign.id, input: { count: 0, emails: DEMO_ACCOUNTS.customer.email } });

  if (customer.kind !== "user") throw new Error("Seed: the demo customer is missing");
  const shop = await db.shop.findUniqueOrThrow({ where: { territoryId_slug: { territoryId, slug: DEMO_ORDER_SHOP } }, select: { id: true, doorPoint: { select: { id: true } } } });
  const door = shop.doorPoint;
  if (!door) throw new Error(`Seed: ${DEMO_ORDER_SHOP} has no door`);
  const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id, now });
  const owner = { userId: customer.userId };
  for (const basket of DEMO_BASKETS) {
    const slot = slots[basket.slotIndex] ?? slots.at(-1);
    if (!slot) throw new Error(`Seed: ${DEMO_ORDER_SHOP} has no coming slot`);
    for (const name of basket.products) {
      const product = await db.product.findFirstOrThrow({ where: { shopId: shop.id, name }, select: { id: true } });
      await addToCart(db, owner, territoryId, { productId: product.id, quantity: 1 });
    }
    const placed = await placeOrders(db, {
      actor: customer,
      owner,
      territoryId,
      now,
      input: {
        idempotencyKey: randomUUID(),
        contact: { name: DEMO_ACCOUNTS.customer.name, email: DEMO_ACCOUNTS.customer.email, phone: DEMO_ACCOUNTS.customer.phone },
        shops: [{ shopId: shop.id, pickupPointId: door.id, slotStartsAt: slot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }],
      },
    });
    const order = placed.orders[0];
    if (basket.ready && order) {
      for (const action of ["startPreparing", "markReady"] as const) await transitionOrderByShop(db, { actor: shopkeeper, input: { orderId: order.id, action }, now });
    }
  }
}
