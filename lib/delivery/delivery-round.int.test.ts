import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { markNoShowAutomatically } from "@/lib/orders/holds/automatic-no-show";
import { transitionOrderByShop } from "@/lib/orders/handover/shop-transitions";
import { toLocal } from "@/lib/time/zoned";
import { testDb } from "@/tests/helpers/db";
import { deliveryContact, deliveryTown } from "@/tests/helpers/delivery";
import { createShop } from "@/tests/helpers/fixtures";
import { getDeliveryRounds, startDeliveryRound } from "./round";

/** Issue #15: the delivery round — states with the customer's code, absent customers, the round sheet. */
const db = testDb();
const { town, setUp, deliveringShop, basket, deliver, checkout, member } = deliveryTown(db);

beforeAll(setUp);

describe("the delivery round", () => {
  async function readyDelivery() {
    const shop = await deliveringShop();
    const staff = await member(shop.shop.id, "STAFF");
    const honey = await db.product.create({ data: { shopId: shop.shop.id, name: "Miel", priceCents: 1100, stock: 10 } });
    const placed = await checkout(await basket([{ productId: honey.id, quantity: 1 }]), [deliver(shop)], { communeId: town.rural.id, addressLine: "8 rue des Écoles" });
    const orderId = placed.orders[0]?.id ?? "";
    for (const action of ["startPreparing", "markReady"]) await transitionOrderByShop(db, { now: new Date(), actor: staff, input: { orderId, action } });
    return { shop, staff, honey, orderId, code: placed.orders[0]?.pickupCode ?? "" };
  }

  it("goes out for delivery and is handed over against the customer's code, emailing each step", async () => {
    const { staff, orderId, code } = await readyDelivery();
    // Not at the counter: a delivery is handed over at the address.
    await expect(transitionOrderByShop(db, { now: new Date(), actor: staff, input: { orderId, action: "markCollected", pickupCode: code } })).rejects.toMatchObject({ details: { reason: "useDelivered" } });
    await expect(transitionOrderByShop(db, { now: new Date(), actor: staff, input: { orderId, action: "markDelivered", pickupCode: code } })).rejects.toMatchObject({ details: { reason: "notOutForDelivery" } });
    await transitionOrderByShop(db, { now: new Date(), actor: staff, input: { orderId, action: "startDelivery" } });
    await expect(transitionOrderByShop(db, { now: new Date(), actor: staff, input: { orderId, action: "markDelivered", pickupCode: "ZZZ999" } })).rejects.toMatchObject({ details: { reason: "wrongPickupCode" } });
    await expect(transitionOrderByShop(db, { now: new Date(), actor: staff, input: { orderId, action: "markDelivered", pickupCode: code.toLowerCase() } })).resolves.toMatchObject({ from: "OUT_FOR_DELIVERY", to: "COLLECTED" });
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { events: { orderBy: { createdAt: "asc" } }, emails: true } });
    expect(order.events.map((e) => e.toStatus)).toEqual(["CONFIRMED", "PREPARING", "READY", "OUT_FOR_DELIVERY", "COLLECTED"]);
    const subjects = order.emails.map((e) => e.subject);
    expect(subjects.some((s) => s.includes("en cours de livraison"))).toBe(true);
    expect(subjects.some((s) => s.includes(" livrée "))).toBe(true);
    // "Ready" is the shop's step before the round, not the customer's news.
    expect(subjects.some((s) => s.includes("prête à retirer"))).toBe(false);
  });

  it("records an absent customer with the driver's note under the shop's no-show rule; the clock never does", async () => {
    const { shop, staff, honey, orderId } = await readyDelivery();
    // Past the slot and its grace, a delivery is not closed automatically.
    expect(await markNoShowAutomatically(db, { orderId, now: new Date(Date.now() + 30 * 86_400_000) })).toEqual({ outcome: "not-applicable" });
    await transitionOrderByShop(db, { now: new Date(), actor: staff, input: { orderId, action: "startDelivery" } });
    await expect(transitionOrderByShop(db, { now: new Date(), actor: staff, input: { orderId, action: "markAbsent" } })).rejects.toMatchObject({ details: { reason: "reasonRequired" } });
    await transitionOrderByShop(db, { now: new Date(), actor: staff, input: { orderId, action: "markAbsent", reason: "Personne, avis laissé dans la boîte" } });
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { events: { orderBy: { createdAt: "desc" }, take: 1 }, emails: { where: { kind: "order-no-show" } } } });
    expect(order.status).toBe("NO_SHOW");
    expect(order.events[0]).toMatchObject({ fromStatus: "OUT_FOR_DELIVERY", toStatus: "NO_SHOW", note: "Personne, avis laissé dans la boîte" });
    expect(order.emails[0]?.subject).toContain("non livrée");
    expect(order.emails[0]?.text).toContain("Note du livreur : Personne, avis laissé dans la boîte");
    // The slot place is given back, and the goods go back on the shelf (the shop's default rule).
    expect((await db.slotCounter.findFirstOrThrow({ where: { shopId: shop.shop.id, pickupPointId: shop.pointId, startsAt: shop.slot.startsAt } })).booked).toBe(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: honey.id } })).stock).toBe(10);
  });

  it("lays the day's round out by commune with what to collect, and sends out only what is ready", async () => {
    const shop = await deliveringShop();
    const staff = await member(shop.shop.id, "STAFF");
    const outsider = await member((await createShop(db, town.place)).shop.id, "OWNER");
    const eggs = await db.product.create({ data: { shopId: shop.shop.id, name: "Œufs", priceCents: 1500, stock: 20 } });
    const placed = [];
    for (const [communeId, addressLine] of [[town.rural.id, "2 rue du Château"], [town.place.commune.id, "40 Grand Rue"], [town.rural.id, "9 impasse des Lilas"]] as const) {
      placed.push(await checkout(await basket([{ productId: eggs.id, quantity: 1 }]), [deliver(shop)], { communeId, addressLine, instructions: addressLine.startsWith("9") ? "Sonner fort" : undefined }));
    }
    const [first = "", second = "", third = ""] = placed.map((p) => p.orders[0]?.id ?? "");
    for (const orderId of [first, second]) for (const action of ["startPreparing", "markReady"]) await transitionOrderByShop(db, { now: new Date(), actor: staff, input: { orderId, action } });

    const day = toLocal(shop.slot.startsAt).date;
    await expect(getDeliveryRounds(db, { actor: outsider, shopId: shop.shop.id, day })).rejects.toBeInstanceOf(NotFoundError);
    const { rounds } = await getDeliveryRounds(db, { actor: staff, shopId: shop.shop.id, day });
    expect(rounds).toHaveLength(1);
    const round = rounds[0]!;
    expect(round).toMatchObject({ ready: 2, toPrepare: 1 });
    expect(round.communes.map((c) => [c.name, c.orders.map((o) => o.address)])).toEqual([
      ["Gençay", ["2 rue du Château", "9 impasse des Lilas"]],
      ["Poitiers", ["40 Grand Rue"]],
    ]);
    // Gençay: 15 € + 4,50 € to collect at the door; Poitiers delivers free.
    expect(round.communes[0]?.orders.map((o) => [o.toCollectCents, o.instructions, o.contactPhone])).toEqual([[1950, "", deliveryContact.phone], [1950, "Sonner fort", deliveryContact.phone]]);
    expect(round.communes[1]?.orders[0]?.toCollectCents).toBe(1500);

    await expect(startDeliveryRound(db, { actor: staff, input: { shopId: shop.shop.id, slotStartsAt: shop.slot.startsAt.toISOString() } })).resolves.toEqual({ started: 2, leftBehind: 1 });
    const statuses = await db.order.findMany({ where: { id: { in: [first, second, third] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((o) => [o.id, o.status]))).toEqual({ [first]: "OUT_FOR_DELIVERY", [second]: "OUT_FOR_DELIVERY", [third]: "CONFIRMED" });
    // Nothing left ready: a second departure is refused, and says why.
    await expect(startDeliveryRound(db, { actor: staff, input: { shopId: shop.shop.id, slotStartsAt: shop.slot.startsAt.toISOString() } })).rejects.toMatchObject({ details: { reason: "roundNothingReady" } });
    await expect(startDeliveryRound(db, { actor: outsider, input: { shopId: shop.shop.id, slotStartsAt: shop.slot.startsAt.toISOString() } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists the past rounds' deliveries left open, for the shop to close them", async () => {
    const shop = await deliveringShop();
    const staff = await member(shop.shop.id, "STAFF");
    const bought = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
    const yesterday = new Date(Date.now() - 86_400_000 - 3_600_000);
    const forgotten = await db.order.create({
      data: {
        reference: `T-${randomUUID().slice(0, 8)}`, territoryId: town.place.territory.id, shopId: shop.shop.id, checkoutId: bought.id, contactName: "Oublié", status: "OUT_FOR_DELIVERY",
        pickupPointId: shop.pointId, slotStartsAt: yesterday, slotEndsAt: new Date(yesterday.getTime() + 3_600_000), pickupCode: "ABC234", paymentMethod: "PAY_AT_PICKUP",
        subtotalCents: 1000, vatCents: 0, totalCents: 1000, accessToken: randomUUID(), deliveryCommuneId: town.rural.id, deliveryAddress: "1 rue Oubliée",
      },
    });
    const { unsettled } = await getDeliveryRounds(db, { actor: staff, shopId: shop.shop.id });
    expect(unsettled.map((o) => [o.reference, o.status])).toEqual([[forgotten.reference, "OUT_FOR_DELIVERY"]]);
    await transitionOrderByShop(db, { now: new Date(), actor: staff, input: { orderId: forgotten.id, action: "markAbsent", reason: "Tournée d'hier : personne" } });
    expect((await getDeliveryRounds(db, { actor: staff, shopId: shop.shop.id })).unsettled).toEqual([]);
  });
});
