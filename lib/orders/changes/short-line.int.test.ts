import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { includedVat } from "@/lib/catalog/line-pricing";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { transitionOrderByShop } from "@/lib/orders/handover/shop-transitions";
import { captureCheckout } from "@/lib/payments/capture";
import { refundOrder } from "@/lib/payments/refunds";
import { settleCheckoutSession } from "@/lib/payments/settle-session";
import { newVoucherCode } from "@/lib/vouchers/codes";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner, openEveryDay, shopMemberActor } from "@/tests/helpers/fixtures";
import { onlinePayments } from "@/tests/helpers/online-payments";
import { DAY, person, runningTopUp } from "@/tests/helpers/voucher-orders";
import { parseCsv } from "@/lib/catalog/csv-format";
import { orderChangesCsv } from "./change-history";
import { shortOrderLine } from "./short-line";
import { weighOrderLines } from "./weigh-lines";

const db = testDb();
const pay = onlinePayments(db);

/** A grocer with bread (5,5 % VAT), wine (20 %) and cheese by weight, open every day. */
async function grocer(place?: Awaited<ReturnType<typeof createTerritory>>) {
  const town = place ?? (await createTerritory(db));
  const { shop, door } = await createShop(db, town);
  await openEveryDay(db, shop.id, door.id, { capacityPerSlot: 500 });
  const bread = await db.product.create({ data: { shopId: shop.id, name: "Baguette", priceCents: 120, vatRateBp: 550, stock: 10 } });
  const wine = await db.product.create({ data: { shopId: shop.id, name: "Vin rouge", priceCents: 900, vatRateBp: 2000, stock: 10 } });
  const comte = await db.product.create({ data: { shopId: shop.id, name: "Comté", priceCents: 3000, vatRateBp: 550, stock: 10, soldByWeight: true, pieceGrams: 250, unit: "kg" } });
  const staff = await shopMemberActor(db, shop.id, "STAFF");
  return { town, shop, door, bread, wine, comte, staff };
}

type Grocer = Awaited<ReturnType<typeof grocer>>;

async function orderAtPickup(g: Grocer, items: { productId: string; quantity: number }[], extra: { voucherCode?: string } = {}) {
  const owner = guestOwner();
  for (const item of items) await addToCart(db, owner, g.town.territory.id, item);
  const [, slot] = await listAvailableSlots(db, { shopId: g.shop.id, pickupPointId: g.door.id });
  const placed = await placeOrders(db, {
    now: new Date(), actor: anonymous, owner, territoryId: g.town.territory.id,
    input: { idempotencyKey: randomUUID(), contact: person(), voucherCode: extra.voucherCode, shops: [{ shopId: g.shop.id, pickupPointId: g.door.id, slotStartsAt: slot!.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] },
  });
  return db.order.findFirstOrThrow({ where: { checkoutId: placed.checkoutId }, include: { lines: true } });
}

const lineOf = (order: { lines: { id: string; productName: string }[] }, name: string) => order.lines.find((line) => line.productName === name)!.id;
const stockOf = async (productId: string) => (await db.product.findUniqueOrThrow({ where: { id: productId } })).stock;

describe("a line short or missing at preparation (issue #24, item 1)", () => {
  it("recomputes the totals and VAT by rate, fits the town's top-up to the goods left, emails the customer, restocks a short line only when asked", async () => {
    const g = await grocer();
    const campaign = await db.voucherCampaign.create({ data: runningTopUp(g.town.territory.id) });
    // 3 baguettes (3,60 €) + 2 bottles (18,00 €) = 21,60 €; the top-up pays 50 %: 10,80 €.
    const order = await orderAtPickup(g, [{ productId: g.bread.id, quantity: 3 }, { productId: g.wine.id, quantity: 2 }]);
    expect(order).toMatchObject({ totalCents: 2160, voucherCents: 1080 });
    expect((await db.voucherCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).committedCents).toBe(1080);
    await transitionOrderByShop(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, action: "startPreparing" } });

    // One baguette only (two went to the counter): the shop puts the two set aside back on sale.
    const short = await shortOrderLine(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, lineId: lineOf(order, "Baguette"), deliveredQuantity: "1", reason: "Partie au comptoir", restock: true } });
    expect(short).toEqual({ totalCents: 120 + 1800, voucherReleasedCents: 1080 - 960 });
    expect(await stockOf(g.bread.id)).toBe(10 - 3 + 2);
    // The wine is missing: not back in stock (it is not there).
    const missing = await shortOrderLine(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, lineId: lineOf(order, "Vin rouge"), deliveredQuantity: 0, reason: "Bouteille cassée", restock: true } });
    expect(missing).toEqual({ totalCents: 120, voucherReleasedCents: 960 - 60 });
    expect(await stockOf(g.wine.id)).toBe(10 - 2);

    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true, voucherUses: true } });
    expect(after).toMatchObject({ status: "PREPARING", subtotalCents: 120, totalCents: 120, maxTotalCents: 120, vatCents: includedVat(120, 550), voucherCents: 60 });
    expect(after.lines.find((l) => l.productName === "Vin rouge")).toMatchObject({ quantity: 2, deliveredQuantity: 0, lineTotalCents: 0, shortReason: "Bouteille cassée" });
    expect(after.voucherUses.map((use) => [use.status, use.amountCents])).toEqual([["COMMITTED", 60]]);
    expect((await db.voucherCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).committedCents).toBe(60);

    const events = await db.orderEvent.findMany({ where: { orderId: order.id, change: { not: null } }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.change, e.fromStatus, e.toStatus, e.actorUserId])).toEqual([["LINE_SHORT", "PREPARING", "PREPARING", g.staff.kind === "user" ? g.staff.userId : null], ["LINE_MISSING", "PREPARING", "PREPARING", g.staff.kind === "user" ? g.staff.userId : null]]);
    expect(events[0]?.details).toMatchObject({ ordered: 3, before: 3, after: 1, restocked: 2, totalBefore: 2160, totalAfter: 1920 });
    const emails = await db.outgoingEmail.findMany({ where: { orderId: order.id, kind: "order-lines-changed" }, orderBy: { createdAt: "asc" } });
    expect(emails).toHaveLength(2);
    expect(emails[1]?.subject).toContain("nouveau total 1,20");
    expect(emails[1]?.text).toContain("Vin rouge : manquant (Bouteille cassée)");
    expect(emails[1]?.text).toContain("À régler au retrait : 0,60");

    // Collected: the vouchers spent are what was left, the campaign's committed budget back to zero.
    await transitionOrderByShop(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, action: "markReady" } });
    await transitionOrderByShop(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, action: "markCollected", pickupCode: after.pickupCode } });
    expect(await db.voucherCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ committedCents: 0, spentCents: 60 });
  });

  it("lists every change in the shop's CSV export, for its members only", async () => {
    const g = await grocer();
    const order = await orderAtPickup(g, [{ productId: g.bread.id, quantity: 3 }, { productId: g.wine.id, quantity: 1 }]);
    await shortOrderLine(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, lineId: lineOf(order, "Baguette"), deliveredQuantity: 2, reason: "Partie au comptoir" } });
    await shortOrderLine(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, lineId: lineOf(order, "Vin rouge"), deliveredQuantity: 0, reason: "Bouteille cassée" } });
    const rows = parseCsv(await orderChangesCsv(db, { actor: g.staff, shopId: g.shop.id, now: new Date() }));
    expect(rows[0]).toEqual(["date", "commande", "changement", "produit", "avant", "apres", "raison", "total_avant_euros", "total_apres_euros", "par"]);
    expect(rows.slice(1).map((row) => row.slice(1, 9))).toEqual([
      [order.reference, "ligne incomplète", "Baguette", "3", "2", "Partie au comptoir", "12.60", "11.40"],
      [order.reference, "ligne manquante", "Vin rouge", "1", "0", "Bouteille cassée", "11.40", "2.40"],
    ]);
    const stranger = await grocer(g.town);
    await expect(orderChangesCsv(db, { actor: stranger.staff, shopId: g.shop.id, now: new Date() })).rejects.toMatchObject({ code: "notFound" });
  });

  it("gives a code's balance back for the goods that are no longer there", async () => {
    const g = await grocer();
    const campaign = await db.voucherCampaign.create({ data: { territoryId: g.town.territory.id, name: "Bons solidaires", kind: "CODES", budgetCents: 5000, startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + DAY), voucherValueCents: 2000 } });
    const code = newVoucherCode();
    const voucher = await db.voucher.create({ data: { campaignId: campaign.id, code, valueCents: 2000, balanceCents: 2000 } });
    // 1 bottle (9,00 €) + 5 baguettes (6,00 €): the 20 € code pays the 15 € basket whole.
    const order = await orderAtPickup(g, [{ productId: g.wine.id, quantity: 1 }, { productId: g.bread.id, quantity: 5 }], { voucherCode: code });
    expect(order.voucherCents).toBe(1500);
    expect((await db.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).balanceCents).toBe(500);
    await shortOrderLine(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, lineId: lineOf(order, "Vin rouge"), deliveredQuantity: 0, reason: "Rupture" } });
    expect((await db.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).balanceCents).toBe(500 + 900);
    expect(await db.voucherCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ committedCents: 600 });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ totalCents: 600, voucherCents: 600 });
  });

  it("refuses with its reason and changes nothing: above or equal to what is handed over, negative, no reason, a weighed line short, everything missing, another shop, an order already ready", async () => {
    const g = await grocer();
    const other = await grocer(g.town);
    const order = await orderAtPickup(g, [{ productId: g.bread.id, quantity: 2 }, { productId: g.comte.id, quantity: 2 }]);
    const bread = lineOf(order, "Baguette");
    const comte = lineOf(order, "Comté");
    const attempt = (input: Record<string, unknown>, actor = g.staff) => shortOrderLine(db, { now: new Date(), actor, input: { orderId: order.id, reason: "Rupture", ...input } });
    await expect(attempt({ lineId: bread, deliveredQuantity: 2 })).rejects.toMatchObject({ details: { reason: "quantityNotBelow", max: 1 } });
    await expect(attempt({ lineId: bread, deliveredQuantity: 3 })).rejects.toMatchObject({ details: { reason: "quantityNotBelow" } });
    await expect(attempt({ lineId: bread, deliveredQuantity: -1 })).rejects.toThrow(/quantityInvalid/);
    await expect(attempt({ lineId: bread, deliveredQuantity: "1", reason: "  " })).rejects.toThrow(/shortReasonRequired/);
    await expect(attempt({ lineId: comte, deliveredQuantity: 1 })).rejects.toMatchObject({ details: { reason: "weighInstead" } });
    await expect(attempt({ lineId: lineOf(await orderAtPickup(other, [{ productId: other.bread.id, quantity: 1 }]), "Baguette"), deliveredQuantity: 0 })).rejects.toMatchObject({ details: { reason: "lineNotInOrder" } });
    await expect(attempt({ lineId: bread, deliveredQuantity: 0 }, other.staff)).rejects.toMatchObject({ code: "notFound" });
    await attempt({ lineId: comte, deliveredQuantity: 0 });
    await expect(attempt({ lineId: bread, deliveredQuantity: 0 })).rejects.toMatchObject({ details: { reason: "allLinesMissing" } });
    // A missing weighed line is not weighed afterwards.
    await expect(weighOrderLines(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, weights: [{ lineId: comte, grams: "240" }] } })).rejects.toMatchObject({ details: { reason: "lineMissing" } });
    await transitionOrderByShop(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, action: "startPreparing" } });
    await transitionOrderByShop(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, action: "markReady" } });
    await expect(attempt({ lineId: bread, deliveredQuantity: 1 })).rejects.toMatchObject({ details: { reason: "notBeingPrepared" } });
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: { orderBy: { productName: "asc" } } } });
    expect(after.lines.map((l) => [l.productName, l.deliveredQuantity, l.lineTotalCents])).toEqual([["Baguette", null, 240], ["Comté", 0, 0]]);
    expect(after.totalCents).toBe(240);
    expect(await db.orderEvent.count({ where: { orderId: order.id, change: { not: null } } })).toBe(1);
  });

  it("two staff shortening the same line at once: one wins, the other is told the line changed — 20 rounds, totals and history exact", async () => {
    const g = await grocer();
    const second = await shopMemberActor(db, g.shop.id, "OWNER");
    await db.product.updateMany({ where: { id: { in: [g.bread.id, g.wine.id] } }, data: { stock: 1000 } });
    let raced = 0;
    for (let round = 0; round < 20; round++) {
      const order = await orderAtPickup(g, [{ productId: g.bread.id, quantity: 4 }, { productId: g.wine.id, quantity: 1 }]);
      const line = lineOf(order, "Baguette");
      // Both hand over 2 of the 4: whoever comes second must not shorten it again (nor restock twice).
      const outcomes = await Promise.allSettled([
        shortOrderLine(db, { now: new Date(), actor: g.staff, input: { orderId: order.id, lineId: line, deliveredQuantity: 2, reason: "Rupture", restock: true } }),
        shortOrderLine(db, { now: new Date(), actor: second, input: { orderId: order.id, lineId: line, deliveredQuantity: 2, reason: "Plus en rayon", restock: true } }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled"), `round ${round}`).toHaveLength(1);
      const lost = (outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason as { details?: { reason?: string } };
      // At the same instant the line changed under it; a moment later it reads 2 already.
      expect(["lineChanged", "quantityNotBelow"]).toContain(lost.details?.reason);
      if (lost.details?.reason === "lineChanged") raced++;
      const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true } });
      expect(after.totalCents).toBe(2 * 120 + 900);
      expect(after.lines.find((l) => l.id === line)?.deliveredQuantity).toBe(2);
      expect(await db.orderEvent.count({ where: { orderId: order.id, change: "LINE_SHORT" } })).toBe(1);
    }
    // Each round restocked 2 once: 1000 − 20 × 4 + 20 × 2.
    expect(await stockOf(g.bread.id)).toBe(1000 - 80 + 40);
    expect(raced, "rounds where both were in flight together").toBeGreaterThan(0);
  });
});

describe("a missing line paid online (issue #24, item 1)", () => {
  it("captures only the new total when the line goes missing before the capture, and refunds the difference when it goes missing after", async () => {
    const cheese = await pay.onlineShop("Fromagerie");
    const comte = await db.product.create({ data: { shopId: cheese.shop.id, name: "Comté", priceCents: 3000, stock: 50, soldByWeight: true, pieceGrams: 250, unit: "kg" } });
    const butter = await db.product.create({ data: { shopId: cheese.shop.id, name: "Beurre", priceCents: 450, stock: 50 } });
    const now = new Date();
    const before = await pay.checkoutOnline([{ shop: cheese, productId: comte.id, quantity: 2 }, { shop: cheese, productId: butter.id, quantity: 2 }], now);
    pay.double.api.pay(before.checkout.stripeSessionId ?? "");
    expect(await settleCheckoutSession(db, pay.gateway, { sessionId: before.checkout.stripeSessionId ?? "", now })).toBe("confirmed");
    const a = await pay.orderOf(before.placed.checkoutId, cheese.shop.id);
    // The Comté (≈ 15,00 €, at most 17,25 €) is missing: 9,00 € of butter is all that is due.
    await pay.as(cheese.owner, a.id, "startPreparing");
    await shortOrderLine(db, { now, actor: cheese.owner, input: { orderId: a.id, lineId: lineOf(a, "Comté"), deliveredQuantity: 0, reason: "Meule pas à point" } });
    await pay.as(cheese.owner, a.id, "markReady");
    expect(await captureCheckout(db, pay.gateway, { checkoutId: before.placed.checkoutId, now })).toBe("captured");
    const intent = pay.double.state.intents.get((await db.checkout.findUniqueOrThrow({ where: { id: before.placed.checkoutId } })).stripePaymentIntentId ?? "");
    expect(intent?.amount_received).toBe(900);
    expect(await refundOrder(db, pay.gateway, { orderId: a.id })).toBe(0);

    // Captured at the deadline first (the authorization was about to lapse), then a butter goes missing: 4,50 € back.
    const after = await pay.checkoutOnline([{ shop: cheese, productId: butter.id, quantity: 2 }, { shop: cheese, productId: comte.id, quantity: 1 }], now);
    pay.double.api.pay(after.checkout.stripeSessionId ?? "");
    await settleCheckoutSession(db, pay.gateway, { sessionId: after.checkout.stripeSessionId ?? "", now });
    const b = await pay.orderOf(after.placed.checkoutId, cheese.shop.id);
    expect(await captureCheckout(db, pay.gateway, { checkoutId: after.placed.checkoutId, now, deadline: true })).toBe("captured");
    expect((await db.order.findUniqueOrThrow({ where: { id: b.id } })).capturedCents).toBe(900 + 863);
    await shortOrderLine(db, { now, actor: cheese.owner, input: { orderId: b.id, lineId: lineOf(b, "Beurre"), deliveredQuantity: 1, reason: "Un seul en rayon" } });
    await weighOrderLines(db, { now, actor: cheese.owner, input: { orderId: b.id, weights: [{ lineId: lineOf(b, "Comté"), grams: "250" }] } });
    expect(await refundOrder(db, pay.gateway, { orderId: b.id })).toBe(900 + 863 - (450 + 750));
    expect(await refundOrder(db, pay.gateway, { orderId: b.id })).toBe(0);
    const email = await db.outgoingEmail.findFirstOrThrow({ where: { orderId: b.id, kind: "order-lines-changed" } });
    expect(email.text).toContain("nous vous remboursons");
  });
});
