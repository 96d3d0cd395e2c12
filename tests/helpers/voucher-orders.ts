import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { anonymous } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { addToCart } from "@/lib/cart/change-cart";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { spendVoucherUses } from "@/lib/vouchers/settle";
import { createShop, type createTerritory, guestOwner, openEveryDay, shopMemberActor } from "./fixtures";

type Place = Awaited<ReturnType<typeof createTerritory>>;
export const DAY = 86_400_000;

/**
 * Orders with town vouchers for integration tests, placed through the real
 * checkout (lib/orders/place-orders.ts) so the vouchers are applied as customers
 * get them; collection goes through lib/vouchers/settle.ts at a chosen instant.
 */
export function voucherOrders(db: PrismaClient) {
  async function shopSelling(place: Place, priceCents: number, name?: string) {
    const { shop, door } = await createShop(db, place, name);
    await openEveryDay(db, shop.id, door.id, { capacityPerSlot: 500 });
    const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
    const product = await db.product.create({ data: { shopId: shop.id, name: "Article", priceCents, vatRateBp: 550, stock: 1000 } });
    return { place, shop, door, slot: slot!, product };
  }

  type Shop = Awaited<ReturnType<typeof shopSelling>>;

  /** One checkout of one article from each shop (all of one town), paid at pickup. */
  async function order(shops: Shop[], contact = person(), voucherCode?: string) {
    const owner = guestOwner();
    const territoryId = shops[0]!.place.territory.id;
    for (const s of shops) await addToCart(db, owner, territoryId, { productId: s.product.id, quantity: 1 });
    const placed = await placeOrders(db, { now: new Date(),
      actor: anonymous, owner, territoryId,
      input: { idempotencyKey: randomUUID(), contact, voucherCode, shops: shops.map((s) => ({ shopId: s.shop.id, pickupPointId: s.door.id, slotStartsAt: s.slot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" })) },
    });
    return Object.fromEntries(placed.orders.map((o) => [o.shopId, o]));
  }

  /** The order is collected at `at`: its vouchers become spent, in that instant's month. */
  async function collect(orderId: string, at: Date) {
    await db.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { status: "COLLECTED" } });
      await spendVoucherUses(tx, orderId, at);
    });
  }

  const member = (shopId: string, role: "OWNER" | "STAFF") => shopMemberActor(db, shopId, role);

  async function admin(territoryId: string) {
    const user = await db.user.create({ data: { email: `admin-${randomUUID()}@example.fr` } });
    await db.roleGrant.create({ data: { userId: user.id, role: "ADMIN", territoryId } });
    return loadActor(db, user.id);
  }

  return { shopSelling, order, collect, member, admin };
}

export function person(n = randomUUID().slice(0, 6)) {
  return { name: `Client ${n}`, email: `client-${n}-${randomUUID().slice(0, 6)}@example.fr`, phone: `06 ${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}` };
}

/** A running top-up campaign: 50 % of the basket up to 20 € per person. */
export function runningTopUp(territoryId: string, extra: { name?: string; budgetCents?: number; shopScope?: "ALL" | "CATEGORIES" | "COMMUNES" | "SHOPS"; scopeIds?: string[] } = {}) {
  return {
    territoryId, name: extra.name ?? "Noël en ville", kind: "TOP_UP" as const, budgetCents: extra.budgetCents ?? 100_000,
    startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + 30 * DAY), topUpBp: 5000, topUpCapCents: 2000, minBasketCents: 0,
    shopScope: extra.shopScope ?? "ALL", scopeIds: extra.scopeIds ?? [],
  };
}
