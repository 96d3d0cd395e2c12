import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { saveDeliverySettings } from "@/lib/delivery/settings";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { createShop, createTerritory, guestOwner, openEveryDay, shopMemberActor } from "./fixtures";

export type Address = { communeId: string; addressLine: string; instructions?: string };

export const deliveryContact = { name: "Lucienne Moreau", email: "lucienne@example.fr", phone: "05 49 12 34 56" };

/**
 * A town with a rural commune delivered (Gençay) and one nobody delivers (Civray), and what the delivery tests
 * build in it: shops that deliver, baskets, checkouts. Call `setUp` in beforeAll.
 */
export function deliveryTown(db: PrismaClient) {
  const town = {} as { place: Awaited<ReturnType<typeof createTerritory>>; rural: { id: string }; unserved: { id: string } };

  async function setUp() {
    town.place = await createTerritory(db);
    town.rural = await db.commune.create({ data: { territoryId: town.place.territory.id, name: "Gençay", postalCode: "86160" } });
    town.unserved = await db.commune.create({ data: { territoryId: town.place.territory.id, name: "Civray", postalCode: "86400" } });
  }

  /** A shop delivering to Poitiers (free) and Gençay (4,50 €, free from 40 €), 10 € minimum, slots every hour. */
  async function deliveringShop(options: { capacityPerSlot?: number } = {}) {
    const { shop, door } = await createShop(db, town.place);
    const owner = await shopMemberActor(db, shop.id, "OWNER");
    const { pointId } = await saveDeliverySettings(db, {
      actor: owner,
      shopId: shop.id,
      input: { enabled: true, minimum: "10", freeFrom: "40", zones: [{ communeId: town.place.commune.id, fee: "0" }, { communeId: town.rural.id, fee: "4,50" }] },
    });
    await openEveryDay(db, shop.id, pointId, options);
    await openEveryDay(db, shop.id, door.id);
    const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: pointId });
    const [, doorSlot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
    if (!slot || !doorSlot) throw new Error("fixture has no slot");
    return { shop, door, pointId, slot, doorSlot, owner };
  }

  async function basket(lines: { productId: string; quantity: number }[]) {
    const owner = guestOwner();
    for (const line of lines) await addToCart(db, owner, town.place.territory.id, line);
    return owner;
  }

  /** The shop's part of a checkout: its delivery point and its second free delivery slot, paid at handover. */
  function deliver(shop: { shop: { id: string }; pointId: string; slot: { startsAt: Date } }) {
    return { shopId: shop.shop.id, pickupPointId: shop.pointId, slotStartsAt: shop.slot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" };
  }

  async function checkout(owner: ReturnType<typeof guestOwner>, shops: ReturnType<typeof deliver>[], address?: Address) {
    return placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: town.place.territory.id, input: { idempotencyKey: randomUUID(), contact: deliveryContact, delivery: address, shops } });
  }

  return { town, setUp, deliveringShop, basket, deliver, checkout, member: (shopId: string, role: "OWNER" | "STAFF") => shopMemberActor(db, shopId, role) };
}
