import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { createShop, createTerritory, guestOwner, openEveryDay, shopMemberActor } from "./fixtures";
import { person } from "./voucher-orders";

/** A cheesemonger's shop and its orders for the substitute tests (issue #24, item 2), on the test file's database. */
export function substituteFixtures(db: PrismaClient) {
  /** A cheesemonger open every day: Comté and Beaufort (5,5 %), a dearer Beaufort, cider (20 %). */
  async function cheesemonger(place?: Awaited<ReturnType<typeof createTerritory>>) {
    const town = place ?? (await createTerritory(db));
    const { shop, door } = await createShop(db, town);
    await openEveryDay(db, shop.id, door.id, { capacityPerSlot: 500 });
    const comte = await db.product.create({ data: { shopId: shop.id, name: "Comté 250 g", priceCents: 520, vatRateBp: 550, stock: 10 } });
    const beaufort = await db.product.create({ data: { shopId: shop.id, name: "Beaufort 250 g", priceCents: 560, vatRateBp: 550, stock: 10 } });
    const dearer = await db.product.create({ data: { shopId: shop.id, name: "Beaufort d’alpage 250 g", priceCents: 690, vatRateBp: 550, stock: 10 } });
    const cider = await db.product.create({ data: { shopId: shop.id, name: "Cidre", priceCents: 400, vatRateBp: 2000, stock: 10 } });
    const staff = await shopMemberActor(db, shop.id, "STAFF");
    return { town, shop, door, comte, beaufort, dearer, cider, staff };
  }
  type Cheesemonger = Awaited<ReturnType<typeof cheesemonger>>;

  async function orderAtPickup(c: Cheesemonger, items: { productId: string; quantity: number }[], options: { acceptSubstitutes?: boolean; now?: Date } = {}) {
    const owner = guestOwner();
    for (const item of items) await addToCart(db, owner, c.town.territory.id, item);
    const now = options.now ?? new Date();
    const [, slot] = await listAvailableSlots(db, { shopId: c.shop.id, pickupPointId: c.door.id, now });
    const placed = await placeOrders(db, {
      now, actor: anonymous, owner, territoryId: c.town.territory.id,
      input: { idempotencyKey: randomUUID(), contact: person(), shops: [{ shopId: c.shop.id, pickupPointId: c.door.id, slotStartsAt: slot!.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP", acceptSubstitutes: options.acceptSubstitutes ?? false }] },
    });
    return db.order.findFirstOrThrow({ where: { checkoutId: placed.checkoutId }, include: { lines: true } });
  }

  const lineOf = (order: { lines: { id: string; productName: string }[] }, name: string) => order.lines.find((line) => line.productName === name)!.id;
  const stockOf = async (productId: string) => (await db.product.findUniqueOrThrow({ where: { id: productId } })).stock;

  /** The one-use link of the proposal email, as the customer receives it. */
  async function emailedLink(orderId: string) {
    const email = await db.outgoingEmail.findFirstOrThrow({ where: { orderId, kind: "substitute-proposed" }, orderBy: { createdAt: "desc" } });
    const match = /\/remplacements\/([a-z0-9]+)\?s=([A-Za-z0-9_%-]+)/.exec(email.text);
    if (!match) throw new Error(`no link in ${email.text}`);
    return { substitutionId: match[1]!, secret: decodeURIComponent(match[2]!), email };
  }

  return { cheesemonger, orderAtPickup, lineOf, stockOf, emailedLink };
}
