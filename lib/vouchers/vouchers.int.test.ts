import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { cancelOrderByCustomer } from "@/lib/orders/changes/cancel-order";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner, openEveryDay } from "@/tests/helpers/fixtures";
import { newVoucherCode } from "./codes";

/**
 * Town vouchers at checkout (issue #14): a top-up split over the basket's shops to
 * the cent, capped per person; codes used until their balance is spent; refusals
 * that take nothing; cancellation that gives back exactly.
 */
const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
const DAY = 86_400_000;

beforeAll(async () => {
  place = await createTerritory(db);
});

async function shopSelling(priceCents: number) {
  const { shop, door } = await createShop(db, place);
  await openEveryDay(db, shop.id, door.id, { capacityPerSlot: 500 });
  const [, slot] = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: door.id });
  const product = await db.product.create({ data: { shopId: shop.id, name: "Article", priceCents, vatRateBp: 550, stock: 1000 } });
  return { shop, door, slot: slot!, product };
}

type Shop = Awaited<ReturnType<typeof shopSelling>>;

async function order(shops: Shop[], contact: { name: string; email: string; phone: string }, extra: { voucherCode?: string; territoryId?: string } = {}) {
  const owner = guestOwner();
  for (const s of shops) await addToCart(db, owner, place.territory.id, { productId: s.product.id, quantity: 1 });
  return placeOrders(db, { now: new Date(),
    actor: anonymous, owner, territoryId: extra.territoryId ?? place.territory.id,
    input: { idempotencyKey: randomUUID(), contact, voucherCode: extra.voucherCode, shops: shops.map((s) => ({ shopId: s.shop.id, pickupPointId: s.door.id, slotStartsAt: s.slot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" })) },
  });
}

const person = (n: string) => ({ name: `Client ${n}`, email: `client-${n}-${randomUUID().slice(0, 6)}@example.fr`, phone: `06 ${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}` });
const campaignOf = (id: string) => db.voucherCampaign.findUniqueOrThrow({ where: { id } });
const voucherOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId } })).voucherCents;

describe("a town's top-up", () => {
  it("adds 50 % up to 20 € per person, split over the two shops in proportion, and never twice beyond the cap for the same email or phone", async () => {
    const a = await shopSelling(3000);
    const b = await shopSelling(1000);
    const campaign = await db.voucherCampaign.create({ data: { territoryId: place.territory.id, name: "Noël en ville", kind: "TOP_UP", budgetCents: 100_000, startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + 30 * DAY), topUpBp: 5000, topUpCapCents: 2000, minBasketCents: 1000 } });
    const camille = person("camille");
    const first = await order([a, b], camille);
    const [orderA, orderB] = [first.orders.find((o) => o.shopId === a.shop.id)!, first.orders.find((o) => o.shopId === b.shop.id)!];
    // 40 € basket → 20 € (the cap), 3/4 and 1/4.
    expect([await voucherOf(orderA.id), await voucherOf(orderB.id)]).toEqual([1500, 500]);
    expect((await campaignOf(campaign.id)).committedCents).toBe(2000);

    // The same person again, by email (another phone) or by phone (another email): nothing more.
    const again = await order([b], { ...camille, phone: "07 00 00 00 01" });
    expect(await voucherOf(again.orders[0]!.id)).toBe(0);
    const samePhone = await order([b], { ...person("x"), phone: camille.phone });
    expect(await voucherOf(samePhone.orders[0]!.id)).toBe(0);
    // Below the minimum basket: nothing; someone else: their own 50 %.
    const small = await shopSelling(900);
    expect(await voucherOf((await order([small], person("d"))).orders[0]!.id)).toBe(0);
    expect(await voucherOf((await order([b], person("e"))).orders[0]!.id)).toBe(500);
    expect((await campaignOf(campaign.id)).committedCents).toBe(2500);

    // Cancelling gives back exactly, and the person may use their cap again.
    await cancelOrderByCustomer(db, { now: new Date(), actor: anonymous, input: { orderId: orderA.id, token: orderA.accessToken } });
    expect((await campaignOf(campaign.id)).committedCents).toBe(1000);
    expect(await voucherOf(orderA.id)).toBe(0);
    expect(await voucherOf((await order([b], camille)).orders[0]!.id)).toBe(500);
    await db.voucherCampaign.update({ where: { id: campaign.id }, data: { endsAt: new Date(Date.now() - 1000), startsAt: new Date(Date.now() - DAY) } });
  });
});

describe("weighed goods", () => {
  it("a top-up keeps its percentage of the final total when the goods weigh less; the rest goes back to the budget", async () => {
    const cheese = await shopSelling(2000);
    const campaign = await db.voucherCampaign.create({ data: { territoryId: place.territory.id, name: "Fromages aidés", kind: "TOP_UP", budgetCents: 10_000, startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + DAY), topUpBp: 5000, topUpCapCents: 5000 } });
    const placed = await order([cheese], person("w"));
    const orderId = placed.orders[0]!.id;
    expect(await voucherOf(orderId)).toBe(1000);
    // Weighed at 12 € instead of 20 €: the town pays 50 % of 12 €, not 10 €.
    await db.$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { totalCents: 1200, status: "COLLECTED" } });
      const { spendVoucherUses } = await import("./settle");
      await spendVoucherUses(tx, orderId, new Date());
    });
    expect(await voucherOf(orderId)).toBe(600);
    expect(await campaignOf(campaign.id)).toMatchObject({ committedCents: 0, spentCents: 600 });
    await db.voucherCampaign.update({ where: { id: campaign.id }, data: { endsAt: new Date(Date.now() - 1000) } });
  });
});

describe("voucher codes", () => {
  it("pay until their balance is spent, over the participating shops only; collected orders make the amount spent", async () => {
    const bakery = await shopSelling(700);
    const outside = await shopSelling(2000);
    const campaign = await db.voucherCampaign.create({ data: { territoryId: place.territory.id, name: "Bons solidaires", kind: "CODES", budgetCents: 5000, startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + DAY), voucherValueCents: 1000, shopScope: "SHOPS", scopeIds: [bakery.shop.id] } });
    const code = newVoucherCode();
    const voucher = await db.voucher.create({ data: { campaignId: campaign.id, code, valueCents: 1000, balanceCents: 1000 } });
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)}`;
    const first = await order([bakery, outside], person("f"), { voucherCode: typed });
    const onBakery = first.orders.find((o) => o.shopId === bakery.shop.id)!;
    expect(await voucherOf(onBakery.id)).toBe(700);
    expect(await voucherOf(first.orders.find((o) => o.shopId === outside.shop.id)!.id)).toBe(0);
    expect((await db.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).balanceCents).toBe(300);
    const second = await order([bakery], person("g"), { voucherCode: code });
    expect(await voucherOf(second.orders[0]!.id)).toBe(300);
    expect((await db.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).balanceCents).toBe(0);

    // Collected: spent (what the town owes the shop).
    await db.$transaction(async (tx) => {
      await tx.order.update({ where: { id: onBakery.id }, data: { status: "COLLECTED" } });
      const { spendVoucherUses } = await import("./settle");
      await spendVoucherUses(tx, onBakery.id, new Date());
    });
    expect(await campaignOf(campaign.id)).toMatchObject({ committedCents: 300, spentCents: 700 });
  });

  it("unknown, spent, expired and other-town codes are refused with their reason, and nothing is taken", async () => {
    const shop = await shopSelling(500);
    const campaign = await db.voucherCampaign.create({ data: { territoryId: place.territory.id, name: "Bons de printemps", kind: "CODES", budgetCents: 5000, startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + DAY), voucherValueCents: 500 } });
    const spent = await db.voucher.create({ data: { campaignId: campaign.id, code: newVoucherCode(), valueCents: 500, balanceCents: 0 } });
    const expiredCampaign = await db.voucherCampaign.create({ data: { territoryId: place.territory.id, name: "Bons d’hiver", kind: "CODES", budgetCents: 5000, startsAt: new Date(Date.now() - 3 * DAY), endsAt: new Date(Date.now() - DAY), voucherValueCents: 500 } });
    const expired = await db.voucher.create({ data: { campaignId: expiredCampaign.id, code: newVoucherCode(), valueCents: 500, balanceCents: 500 } });
    const elsewhere = await createTerritory(db);
    const otherCampaign = await db.voucherCampaign.create({ data: { territoryId: elsewhere.territory.id, name: "Ailleurs", kind: "CODES", budgetCents: 5000, startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + DAY), voucherValueCents: 500 } });
    const other = await db.voucher.create({ data: { campaignId: otherCampaign.id, code: newVoucherCode(), valueCents: 500, balanceCents: 500 } });
    const stockBefore = (await db.product.findUniqueOrThrow({ where: { id: shop.product.id } })).stock;
    for (const [code, reason] of [["ABCD-EFGH-JKLM-NPQR", "voucherUnknown"], ["pas un code", "voucherUnknown"], [spent.code, "voucherSpent"], [expired.code, "voucherExpired"], [other.code, "voucherOtherTown"]] as const) {
      await expect(order([shop], person("h"), { voucherCode: code }), code).rejects.toMatchObject({ details: { reason } });
    }
    expect((await db.product.findUniqueOrThrow({ where: { id: shop.product.id } })).stock).toBe(stockBefore);
    expect(await db.order.count({ where: { shopId: shop.shop.id } })).toBe(0);
    for (const id of [campaign.id, expiredCampaign.id, otherCampaign.id]) expect((await campaignOf(id)).committedCents).toBe(0);
  });

  it("guessing is rate-limited per customer like sign-in: the eleventh code in an hour is refused", async () => {
    const shop = await shopSelling(500);
    const owner = guestOwner();
    await addToCart(db, owner, place.territory.id, { productId: shop.product.id, quantity: 1 });
    const attempt = () => placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, clientIp: "203.0.113.9", input: { idempotencyKey: randomUUID(), contact: person("i"), voucherCode: newVoucherCode(), shops: [{ shopId: shop.shop.id, pickupPointId: shop.door.id, slotStartsAt: shop.slot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] } });
    for (let i = 0; i < 10; i++) await expect(attempt()).rejects.toMatchObject({ details: { reason: "voucherUnknown" } });
    await expect(attempt()).rejects.toMatchObject({ details: { reason: "rateLimited" } });
  });

  it("attack: 50 wrong codes fired at once by one customer — exactly 10 are read, the other 40 refused", async () => {
    const shop = await shopSelling(500);
    const owner = guestOwner();
    await addToCart(db, owner, place.territory.id, { productId: shop.product.id, quantity: 1 });
    const attempt = () => placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, clientIp: "203.0.113.77", input: { idempotencyKey: randomUUID(), contact: person("burst"), voucherCode: newVoucherCode(), shops: [{ shopId: shop.shop.id, pickupPointId: shop.door.id, slotStartsAt: shop.slot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] } });
    const results = await Promise.allSettled(Array.from({ length: 50 }, attempt));
    const reasons = results.map((r) => (r.status === "rejected" ? String((r.reason as { details?: { reason?: string } }).details?.reason) : "placed"));
    expect(reasons.filter((r) => r === "voucherUnknown")).toHaveLength(10);
    expect(reasons.filter((r) => r === "rateLimited")).toHaveLength(40);
  });

  it("an attempt refused for another reason than its code is given back: only wrong codes count", async () => {
    const shop = await shopSelling(500);
    const owner = guestOwner();
    await addToCart(db, owner, place.territory.id, { productId: shop.product.id, quantity: 1 });
    const input = (voucherCode: string) => ({ idempotencyKey: randomUUID(), contact: person("j"), voucherCode, shops: [{ shopId: shop.shop.id, pickupPointId: shop.door.id, slotStartsAt: shop.slot.startsAt.toISOString(), paymentMethod: "PAY_AT_PICKUP" }] });
    for (let i = 0; i < 9; i++) await expect(placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, clientIp: "203.0.113.78", input: input(newVoucherCode()) })).rejects.toMatchObject({ details: { reason: "voucherUnknown" } });
    // The tenth attempt fails for another reason (the slot is not the shop's): it is given back, so the next wrong code is still read.
    await expect(placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, clientIp: "203.0.113.78", input: { ...input(newVoucherCode()), shops: [{ ...input("").shops[0]!, slotStartsAt: new Date(Date.now() + 400 * DAY).toISOString() }] } })).rejects.not.toMatchObject({ details: { reason: "rateLimited" } });
    await expect(placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, clientIp: "203.0.113.78", input: input(newVoucherCode()) })).rejects.toMatchObject({ details: { reason: "voucherUnknown" } });
    await expect(placeOrders(db, { now: new Date(), actor: anonymous, owner, territoryId: place.territory.id, clientIp: "203.0.113.78", input: input(newVoucherCode()) })).rejects.toMatchObject({ details: { reason: "rateLimited" } });
  });
});

describe("a campaign's budget", () => {
  it("is never overspent by 200 concurrent checkouts for its last 50 €, and cancellations give it back exactly", async () => {
    for (let run = 0; run < 3; run++) {
      const shop = await shopSelling(1000);
      const campaign = await db.voucherCampaign.create({ data: { territoryId: place.territory.id, name: `Course ${run}`, kind: "TOP_UP", budgetCents: 100_000, committedCents: 95_000, startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + DAY), topUpBp: 5000, topUpCapCents: 2000 } });
      const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => order([shop], person(`r${run}-${i}`))));
      const placed = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const after = await campaignOf(campaign.id);
      const uses = await db.voucherUse.aggregate({ where: { campaignId: campaign.id }, _sum: { amountCents: true } });
      expect(after.committedCents).toBeLessThanOrEqual(after.budgetCents);
      expect(after.committedCents).toBe(95_000 + (uses._sum.amountCents ?? 0));
      // 10 customers get 5 € each and exhaust it; the others still order, without help.
      expect(uses._sum.amountCents).toBe(5000);
      const failures = results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error).message).slice(0, 200)] : []));
      expect(failures.slice(0, 3)).toEqual([]);
      expect(placed.length).toBe(200);
      const helped = await db.voucherUse.findMany({ where: { campaignId: campaign.id }, select: { order: { select: { id: true, accessToken: true } } } });
      for (const { order: o } of helped) await cancelOrderByCustomer(db, { now: new Date(), actor: anonymous, input: { orderId: o.id, token: o.accessToken } });
      expect((await campaignOf(campaign.id)).committedCents).toBe(95_000);
      await db.voucherCampaign.update({ where: { id: campaign.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    }
  });
});
