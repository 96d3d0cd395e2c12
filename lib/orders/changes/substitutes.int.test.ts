import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { addToCart } from "@/lib/cart/change-cart";
import { parseCsv } from "@/lib/catalog/csv-format";
import { includedVat } from "@/lib/catalog/line-pricing";
import { placeOrders } from "@/lib/orders/checkout/place-orders";
import { transitionOrderByShop } from "@/lib/orders/handover/shop-transitions";
import { captureCheckout } from "@/lib/payments/capture";
import { settleCheckoutSession } from "@/lib/payments/settle-session";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { testDb } from "@/tests/helpers/db";
import { tampered } from "@/tests/helpers/tamper";
import { createShop, createTerritory, guestOwner, openEveryDay, shopMemberActor } from "@/tests/helpers/fixtures";
import { onlinePayments } from "@/tests/helpers/online-payments";
import { person } from "@/tests/helpers/voucher-orders";
import { startTestWorker, waitUntil } from "@/tests/helpers/worker";
import { cancelOrderByCustomer } from "./cancel-order";
import { orderChangesCsv } from "./change-history";
import { shortOrderLine } from "./short-line";
import { answerSubstitute, expireSubstitution, proposeSubstitute, substituteCap, substitutionForLink } from "./substitutes";
import { settleSubstitutePayment, startSubstitutePayment } from "./substitute-payment";

const db = testDb();
const pay = onlinePayments(db);
const MINUTE = 60_000;

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

describe("a substitute with the customer's consent (issue #24, item 2)", () => {
  it("accepted from the email's link: the line becomes the substitute, its stock taken, totals and VAT recomputed, the customer told — once", async () => {
    const c = await cheesemonger();
    const now = new Date();
    const order = await orderAtPickup(c, [{ productId: c.comte.id, quantity: 2 }, { productId: c.cider.id, quantity: 1 }], { now });
    expect(order.totalCents).toBe(2 * 520 + 400);
    const proposal = await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: order.id, lineId: lineOf(order, "Comté 250 g"), productId: c.beaufort.id, quantity: "2", reason: "Plus de Comté à la coupe" } });
    expect(proposal.applied).toBe(false);
    // Two hours by default, never past the slot's start.
    expect(proposal.expiresAt.getTime()).toBe(Math.min(now.getTime() + 120 * MINUTE, order.slotStartsAt.getTime()));
    const link = await emailedLink(order.id);
    expect(link.substitutionId).toBe(proposal.substitutionId);
    expect(link.email.subject).toContain("un remplacement vous est proposé");
    expect(link.email.text).toContain("2 × Beaufort 250 g, pour 11,20");
    expect(link.email.text).toContain("Plus de Comté à la coupe");

    // Opening the link reads; it changes nothing.
    expect(await substitutionForLink(db, link)).toMatchObject({ status: "PROPOSED", productName: "Beaufort 250 g", lineTotalCents: 1120, order: { reference: order.reference } });
    expect(await db.orderLine.findUniqueOrThrow({ where: { id: lineOf(order, "Comté 250 g") } })).toMatchObject({ productName: "Comté 250 g" });
    // Ready waits for the answer.
    await transitionOrderByShop(db, { now, actor: c.staff, input: { orderId: order.id, action: "startPreparing" } });
    await expect(transitionOrderByShop(db, { now, actor: c.staff, input: { orderId: order.id, action: "markReady" } })).rejects.toMatchObject({ details: { reason: "substituteAwaitingAnswer" } });

    const answered = await answerSubstitute(db, { now, actor: anonymous, input: { substitutionId: link.substitutionId, secret: link.secret, answer: "accept" } });
    expect(answered).toEqual({ outcome: "accepted", totalCents: 1120 + 400 });
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: { orderBy: { productName: "asc" } } } });
    expect(after).toMatchObject({ totalCents: 1520, maxTotalCents: 1520, subtotalCents: 1520, vatCents: includedVat(1120, 550) + includedVat(400, 2000) });
    expect(after.lines.map((l) => [l.productName, l.quantity, l.unitPriceCents, l.lineTotalCents, l.deliveredQuantity])).toEqual([["Beaufort 250 g", 2, 560, 1120, null], ["Cidre", 1, 400, 400, null]]);
    // The substitute's stock is taken; the Comté is not there, so not given back.
    expect(await stockOf(c.beaufort.id)).toBe(8);
    expect(await stockOf(c.comte.id)).toBe(8);
    const applied = await db.outgoingEmail.findFirstOrThrow({ where: { orderId: order.id, kind: "substitute-applied" } });
    expect(applied.subject).toContain("Comté 250 g remplacé par Beaufort 250 g");
    expect(applied.text).toContain("Nouveau total : 15,20");

    // The same link again, or the other button: nothing more happens.
    await expect(answerSubstitute(db, { now, actor: anonymous, input: { ...link, answer: "refuse" } })).rejects.toMatchObject({ details: { reason: "substituteDecided" } });
    expect(await substitutionForLink(db, link)).toMatchObject({ status: "ACCEPTED" });
    expect(await stockOf(c.beaufort.id)).toBe(8);
    expect(await db.orderEvent.count({ where: { orderId: order.id, change: "SUBSTITUTED" } })).toBe(1);

    await transitionOrderByShop(db, { now, actor: c.staff, input: { orderId: order.id, action: "markReady" } });
    const rows = parseCsv(await orderChangesCsv(db, { actor: c.staff, shopId: c.shop.id, now }));
    expect(rows.slice(1).map((row) => row.slice(2, 9))).toEqual([
      ["remplacement proposé", "Comté 250 g", "2 × Comté 250 g", "2 × Beaufort 250 g", "Plus de Comté à la coupe", "", ""],
      ["remplacement", "Comté 250 g", "2 × Comté 250 g", "2 × Beaufort 250 g", "Plus de Comté à la coupe", "14.40", "15.20"],
    ]);
  });

  it("refused from the order's page, or left unanswered until the deadline job: the line is removed as a missing one", async () => {
    const c = await cheesemonger();
    const now = new Date();
    const refused = await orderAtPickup(c, [{ productId: c.comte.id, quantity: 1 }, { productId: c.cider.id, quantity: 2 }], { now });
    const first = await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: refused.id, lineId: lineOf(refused, "Comté 250 g"), productId: c.beaufort.id, quantity: 1, reason: "Rupture" } });
    // The order's own link proves the customer as well as the email's.
    expect(await answerSubstitute(db, { now, actor: anonymous, input: { substitutionId: first.substitutionId, token: refused.accessToken, answer: "refuse" } })).toEqual({ outcome: "refused", totalCents: 800 });
    expect(await db.orderLine.findUniqueOrThrow({ where: { id: lineOf(refused, "Comté 250 g") } })).toMatchObject({ productName: "Comté 250 g", deliveredQuantity: 0, lineTotalCents: 0, shortReason: "Rupture (remplacement par Beaufort 250 g refusé)" });
    expect(await stockOf(c.beaufort.id)).toBe(10);
    expect((await db.outgoingEmail.findFirstOrThrow({ where: { orderId: refused.id, kind: "order-lines-changed" } })).text).toContain("Comté 250 g : manquant");

    // Unanswered: the worker's job at the deadline removes the line.
    const silent = await orderAtPickup(c, [{ productId: c.comte.id, quantity: 1 }, { productId: c.cider.id, quantity: 1 }], { now });
    const second = await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: silent.id, lineId: lineOf(silent, "Comté 250 g"), productId: c.beaufort.id, quantity: 1, reason: "Rupture", answerWithinMinutes: "15" } });
    expect(second.expiresAt.getTime()).toBe(Math.min(now.getTime() + 15 * MINUTE, silent.slotStartsAt.getTime()));
    const jobs = await db.$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker._private_jobs WHERE key = ${`substitution:${second.substitutionId}`}`;
    expect(jobs).toHaveLength(1);
    const worker = await startTestWorker({ now: () => new Date(now.getTime() + 16 * MINUTE) });
    try {
      await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = ${`substitution:${second.substitutionId}`}`;
      await db.$executeRaw`SELECT pg_notify('jobs:insert', '{"r":0,"count":1}')`;
      await waitUntil(async () => (await db.substitution.findUniqueOrThrow({ where: { id: second.substitutionId } })).status === "EXPIRED", 20_000, "the deadline job");
    } finally {
      await worker.stop();
    }
    expect(await db.order.findUniqueOrThrow({ where: { id: silent.id } })).toMatchObject({ totalCents: 400 });
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: lineOf(silent, "Comté 250 g") } })).shortReason).toContain("sans réponse");
    // Too late now: the link says so and changes nothing.
    const link = await emailedLink(silent.id);
    await expect(answerSubstitute(db, { now: new Date(now.getTime() + 17 * MINUTE), actor: anonymous, input: { ...link, answer: "accept" } })).rejects.toMatchObject({ details: { reason: "substituteDecided" } });
    await expect(answerSubstitute(db, { now: new Date(now.getTime() + 20 * MINUTE), actor: anonymous, input: { substitutionId: first.substitutionId, token: refused.accessToken, answer: "accept" } })).rejects.toMatchObject({ details: { reason: "substituteDecided" } });
  });

  it("refused on the order's only line left: nothing to hand over, the order is cancelled — not left with every line missing", async () => {
    const c = await cheesemonger();
    const now = new Date();
    const order = await orderAtPickup(c, [{ productId: c.comte.id, quantity: 1 }], { now });
    const made = await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: order.id, lineId: lineOf(order, "Comté 250 g"), productId: c.beaufort.id, quantity: 1, reason: "Rupture" } });
    expect(await answerSubstitute(db, { now, actor: anonymous, input: { substitutionId: made.substitutionId, token: order.accessToken, answer: "refuse" } })).toEqual({ outcome: "refused", totalCents: 0 });
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true } });
    expect(after).toMatchObject({ status: "CANCELLED", cancelReason: expect.stringContaining("Plus rien à vous remettre") });
    expect(after.lines[0]).toMatchObject({ deliveredQuantity: 0 });
    // The missing Comté is not put back on sale; the Beaufort was never taken.
    expect([await stockOf(c.comte.id), await stockOf(c.beaufort.id)]).toEqual([9, 10]);
    expect(await db.outgoingEmail.count({ where: { orderId: order.id, kind: "order-lines-changed" } })).toBe(0);
    expect(await db.outgoingEmail.count({ where: { orderId: order.id, kind: "order-cancelled" } })).toBe(1);
  });

  it("an order cancelled while a substitute waits asks nothing more: the proposal closed, its link answers 'decided', its deadline job gone", async () => {
    const c = await cheesemonger();
    const now = new Date();
    const order = await orderAtPickup(c, [{ productId: c.comte.id, quantity: 1 }, { productId: c.cider.id, quantity: 1 }], { now });
    const made = await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: order.id, lineId: lineOf(order, "Comté 250 g"), productId: c.beaufort.id, quantity: 1, reason: "Rupture" } });
    expect(await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`substitution:${made.substitutionId}`}`).toEqual([{ n: 1n }]);
    await cancelOrderByCustomer(db, { now, actor: anonymous, input: { orderId: order.id, token: order.accessToken, reason: "Plus besoin" } });
    expect(await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } })).toMatchObject({ status: "EXPIRED", decidedAt: now });
    expect(await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`substitution:${made.substitutionId}`}`).toEqual([{ n: 0n }]);
    await expect(answerSubstitute(db, { now, actor: anonymous, input: { substitutionId: made.substitutionId, token: order.accessToken, answer: "accept" } })).rejects.toMatchObject({ details: { reason: "substituteDecided" } });
    expect(await stockOf(c.beaufort.id)).toBe(10);
  });

  it("sold out meanwhile: accepting is refused with that reason and changes nothing; the customer can still refuse", async () => {
    const c = await cheesemonger();
    const now = new Date();
    const order = await orderAtPickup(c, [{ productId: c.comte.id, quantity: 1 }, { productId: c.cider.id, quantity: 1 }], { now });
    await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: order.id, lineId: lineOf(order, "Comté 250 g"), productId: c.beaufort.id, quantity: 2, reason: "Rupture" } });
    await db.product.update({ where: { id: c.beaufort.id }, data: { stock: 1 } });
    const link = await emailedLink(order.id);
    await expect(answerSubstitute(db, { now, actor: anonymous, input: { ...link, answer: "accept" } })).rejects.toMatchObject({ details: { reason: "substituteSoldOut" } });
    expect(await substitutionForLink(db, link)).toMatchObject({ status: "PROPOSED" });
    expect(await stockOf(c.beaufort.id)).toBe(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ totalCents: 920 });
    expect((await answerSubstitute(db, { now, actor: anonymous, input: { ...link, answer: "refuse" } })).outcome).toBe("refused");
  });

  it("refuses bad proposals and bad links with their reason, and changes nothing", async () => {
    const c = await cheesemonger();
    const other = await cheesemonger(c.town);
    const now = new Date();
    const order = await orderAtPickup(c, [{ productId: c.comte.id, quantity: 1 }, { productId: c.cider.id, quantity: 1 }], { now });
    const comte = lineOf(order, "Comté 250 g");
    const propose = (input: Record<string, unknown>, actor = c.staff) => proposeSubstitute(db, { now, actor, input: { orderId: order.id, lineId: comte, productId: c.beaufort.id, quantity: 1, reason: "Rupture", ...input } });
    await expect(propose({ productId: other.beaufort.id })).rejects.toMatchObject({ details: { reason: "substituteNotInShop" } });
    await expect(propose({ quantity: -1 })).rejects.toThrow(/quantityInvalid/);
    await expect(propose({ quantity: 0 })).rejects.toThrow(/quantityInvalid/);
    await expect(propose({ productId: c.comte.id })).rejects.toMatchObject({ details: { reason: "sameProduct" } });
    await expect(propose({ reason: " " })).rejects.toThrow(/shortReasonRequired/);
    await expect(propose({ answerWithinMinutes: "5" })).rejects.toThrow(/answerWithinInvalid/);
    await expect(propose({}, other.staff)).rejects.toMatchObject({ code: "notFound" });
    await db.product.update({ where: { id: c.dearer.id }, data: { stock: 0 } });
    await expect(propose({ productId: c.dearer.id })).rejects.toMatchObject({ details: { reason: "substituteSoldOut" } });
    await shortOrderLine(db, { now, actor: c.staff, input: { orderId: order.id, lineId: lineOf(order, "Cidre"), deliveredQuantity: 0, reason: "Cassé" } });
    await expect(propose({ lineId: lineOf(order, "Cidre") })).rejects.toMatchObject({ details: { reason: "lineAlreadyChanged" } });
    expect(await db.substitution.count({ where: { orderId: order.id } })).toBe(0);

    const made = await propose({});
    await db.product.update({ where: { id: c.dearer.id }, data: { stock: 10 } });
    await expect(propose({ productId: c.dearer.id })).rejects.toMatchObject({ details: { reason: "substitutePending" } });
    const link = await emailedLink(order.id);
    // Tampered, for another proposal, with another order's link, or by its shop: a 404, nothing changed.
    const elsewhere = await orderAtPickup(c, [{ productId: c.cider.id, quantity: 1 }, { productId: c.comte.id, quantity: 1 }], { now });
    await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: elsewhere.id, lineId: lineOf(elsewhere, "Comté 250 g"), productId: c.beaufort.id, quantity: 1, reason: "Rupture" } });
    const foreign = await emailedLink(elsewhere.id);
    await expect(substitutionForLink(db, { substitutionId: made.substitutionId, secret: tampered(link.secret) })).rejects.toMatchObject({ code: "notFound" });
    await expect(substitutionForLink(db, { substitutionId: made.substitutionId, secret: foreign.secret })).rejects.toMatchObject({ code: "notFound" });
    await expect(substitutionForLink(db, { substitutionId: made.substitutionId, secret: undefined })).rejects.toMatchObject({ code: "notFound" });
    await expect(answerSubstitute(db, { now, actor: anonymous, input: { substitutionId: made.substitutionId, secret: foreign.secret, answer: "accept" } })).rejects.toMatchObject({ code: "notFound" });
    await expect(answerSubstitute(db, { now, actor: anonymous, input: { substitutionId: made.substitutionId, token: elsewhere.accessToken, answer: "accept" } })).rejects.toMatchObject({ code: "notFound" });
    await expect(answerSubstitute(db, { now, actor: c.staff, input: { substitutionId: made.substitutionId, answer: "accept" } })).rejects.toMatchObject({ code: "notFound" });
    await expect(answerSubstitute(db, { now, actor: anonymous, input: { ...link, answer: "maybe" } })).rejects.toThrow(/answerInvalid/);
    // Expired by the clock even before the job ran.
    await expect(answerSubstitute(db, { now: new Date(made.expiresAt.getTime() + 1), actor: anonymous, input: { ...link, answer: "accept" } })).rejects.toMatchObject({ details: { reason: "substituteExpired" } });
    expect(await substitutionForLink(db, link)).toMatchObject({ status: "PROPOSED" });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ totalCents: 520 });
    // Cancelled by the shop: the proposal is closed with it; the link and the deadline find it decided.
    await transitionOrderByShop(db, { now, actor: c.staff, input: { orderId: order.id, action: "cancel", reason: "Fermeture" } });
    await expect(answerSubstitute(db, { now, actor: anonymous, input: { ...link, answer: "accept" } })).rejects.toMatchObject({ details: { reason: "substituteDecided" } });
    expect(await expireSubstitution(db, { substitutionId: made.substitutionId, now: new Date(made.expiresAt.getTime() + 1) })).toEqual({ outcome: "decided" });
    expect(await stockOf(c.beaufort.id)).toBe(10);
  });

  it("with the customer's standing consent: a substitute up to the line's price + 10 % applies at once; a dearer one is asked", async () => {
    const c = await cheesemonger();
    const now = new Date();
    const order = await orderAtPickup(c, [{ productId: c.comte.id, quantity: 2 }, { productId: c.cider.id, quantity: 2 }], { now, acceptSubstitutes: true });
    expect(order.acceptSubstitutes).toBe(true);
    // 2 × 5,60 = 11,20 ≤ 10,40 + 10 % = 11,44: applied.
    const reasonable = await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: order.id, lineId: lineOf(order, "Comté 250 g"), productId: c.beaufort.id, quantity: 2, reason: "Rupture" } });
    expect(reasonable.applied).toBe(true);
    expect(await db.substitution.findUniqueOrThrow({ where: { id: reasonable.substitutionId } })).toMatchObject({ status: "ACCEPTED", automatic: true });
    expect(await db.outgoingEmail.count({ where: { orderId: order.id, kind: "substitute-proposed" } })).toBe(0);
    expect((await db.outgoingEmail.findFirstOrThrow({ where: { orderId: order.id, kind: "substitute-applied" } })).text).toContain("comme vous l’aviez accepté en commandant");
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ totalCents: 1120 + 800 });
    // 2 cider (8,00) → 2 Beaufort d'alpage (13,80): far above + 10 %, so the customer is asked.
    const dear = await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: order.id, lineId: lineOf(order, "Cidre"), productId: c.dearer.id, quantity: 2, reason: "Rupture" } });
    expect(dear.applied).toBe(false);
    expect(await db.outgoingEmail.count({ where: { orderId: order.id, kind: "substitute-proposed" } })).toBe(1);
    expect(substituteCap({ lineTotalCents: 1040, maxLineTotalCents: 1040 }, { online: false, automatic: true })).toBe(1144);
  });

  it("paid online: within the card's room a substitute is asked as usual and captured at its price; dearer, the room left by a missing line counts", async () => {
    const cheese = await pay.onlineShop("Fromagerie");
    const comte = await db.product.create({ data: { shopId: cheese.shop.id, name: "Comté", priceCents: 520, stock: 50 } });
    const beaufort = await db.product.create({ data: { shopId: cheese.shop.id, name: "Beaufort", priceCents: 480, stock: 50 } });
    const butter = await db.product.create({ data: { shopId: cheese.shop.id, name: "Beurre", priceCents: 450, stock: 50 } });
    const now = new Date();
    const paid = await pay.checkoutOnline([{ shop: cheese, productId: comte.id, quantity: 1 }, { shop: cheese, productId: butter.id, quantity: 1 }], now);
    pay.double.api.pay(paid.checkout.stripeSessionId ?? "");
    expect(await settleCheckoutSession(db, pay.gateway, { sessionId: paid.checkout.stripeSessionId ?? "", now })).toBe("confirmed");
    const order = await pay.orderOf(paid.placed.checkoutId, cheese.shop.id);
    const made = await proposeSubstitute(db, { now, actor: cheese.owner, input: { orderId: order.id, lineId: lineOf(order, "Comté"), productId: beaufort.id, quantity: 1, reason: "Rupture" } });
    expect(await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } })).toMatchObject({ reauthorizeCents: null });
    const link = await emailedLink(order.id);
    await answerSubstitute(db, { now, actor: anonymous, input: { ...link, answer: "accept" } });
    await pay.as(cheese.owner, order.id, "startPreparing");
    await pay.as(cheese.owner, order.id, "markReady");
    expect(await captureCheckout(db, pay.gateway, { checkoutId: paid.placed.checkoutId, now })).toBe("captured");
    const intent = pay.double.state.intents.get((await db.checkout.findUniqueOrThrow({ where: { id: paid.placed.checkoutId } })).stripePaymentIntentId ?? "");
    expect(intent?.amount_received).toBe(480 + 450);
  });

  it("paid online, dearer than the card holds: accepted through a new authorization that replaces the old one — charged once, at the new total", async () => {
    const cheese = await pay.onlineShop("Fromagerie");
    const comte = await db.product.create({ data: { shopId: cheese.shop.id, name: "Comté", priceCents: 520, stock: 50 } });
    const dearer = await db.product.create({ data: { shopId: cheese.shop.id, name: "Beaufort d’alpage", priceCents: 690, stock: 50 } });
    const butter = await db.product.create({ data: { shopId: cheese.shop.id, name: "Beurre", priceCents: 450, stock: 50 } });
    const now = new Date();
    const paid = await pay.checkoutOnline([{ shop: cheese, productId: comte.id, quantity: 1 }, { shop: cheese, productId: butter.id, quantity: 1 }], now);
    pay.double.api.pay(paid.checkout.stripeSessionId ?? "");
    await settleCheckoutSession(db, pay.gateway, { sessionId: paid.checkout.stripeSessionId ?? "", now });
    const first = await db.checkout.findUniqueOrThrow({ where: { id: paid.placed.checkoutId } });
    expect(first.authorizedCents).toBe(970);
    const order = await pay.orderOf(paid.placed.checkoutId, cheese.shop.id);
    const made = await proposeSubstitute(db, { now, actor: cheese.owner, input: { orderId: order.id, lineId: lineOf(order, "Comté"), productId: dearer.id, quantity: 1, reason: "Rupture" } });
    expect(await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } })).toMatchObject({ reauthorizeCents: 690 + 450, status: "PROPOSED" });
    const link = await emailedLink(order.id);
    expect(link.email.text).toContain("11,40");
    // A plain "accept" asks for the new authorization and changes nothing.
    expect(await answerSubstitute(db, { now, actor: anonymous, input: { ...link, answer: "accept" } })).toEqual({ outcome: "payment-required", reauthorizeCents: 1140 });
    const page = await startSubstitutePayment(db, pay.gateway, { now, actor: anonymous, input: link });
    expect(page.url).toContain("/pay/");
    expect(await startSubstitutePayment(db, pay.gateway, { now, actor: anonymous, input: link })).toEqual(page); // the same page while open
    const { stripeSessionId } = await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } });
    expect(await settleSubstitutePayment(db, pay.gateway, { sessionId: stripeSessionId ?? "", now })).toBe("pending");
    pay.double.api.pay(stripeSessionId ?? "");
    expect(await settleSubstitutePayment(db, pay.gateway, { sessionId: stripeSessionId ?? "", now })).toBe("accepted");
    expect(await settleSubstitutePayment(db, pay.gateway, { sessionId: stripeSessionId ?? "", now })).toBe("already");
    const after = await db.checkout.findUniqueOrThrow({ where: { id: paid.placed.checkoutId } });
    expect(after.stripePaymentIntentId).not.toBe(first.stripePaymentIntentId);
    expect(after).toMatchObject({ authorizedCents: 1140, paymentStatus: "AUTHORIZED" });
    expect(await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } })).toMatchObject({ status: "ACCEPTED", paymentIntentId: after.stripePaymentIntentId });
    expect(await stockOf(dearer.id)).toBe(49);
    // The old authorization is released by its job.
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`cancel-authorization:${first.stripePaymentIntentId}`}`;
    expect(jobs).toEqual([{ n: 1n }]);
    await pay.gateway.cancelAuthorization(first.stripePaymentIntentId ?? "", "test-cancel-old");
    expect(pay.double.state.intents.get(first.stripePaymentIntentId ?? "")?.status).toBe("canceled");
    await pay.as(cheese.owner, order.id, "startPreparing");
    await pay.as(cheese.owner, order.id, "markReady");
    expect(await captureCheckout(db, pay.gateway, { checkoutId: paid.placed.checkoutId, now })).toBe("captured");
    expect(pay.double.state.intents.get(after.stripePaymentIntentId ?? "")?.amount_received).toBe(690 + 450);
  });

  it("sold out before the new authorization is settled: it is released, nothing else changes, the customer can still refuse", async () => {
    const cheese = await pay.onlineShop("Fromagerie");
    const comte = await db.product.create({ data: { shopId: cheese.shop.id, name: "Comté", priceCents: 520, stock: 50 } });
    const dearer = await db.product.create({ data: { shopId: cheese.shop.id, name: "Beaufort d’alpage", priceCents: 690, stock: 1 } });
    const now = new Date();
    const paid = await pay.checkoutOnline([{ shop: cheese, productId: comte.id, quantity: 1 }], now);
    pay.double.api.pay(paid.checkout.stripeSessionId ?? "");
    await settleCheckoutSession(db, pay.gateway, { sessionId: paid.checkout.stripeSessionId ?? "", now });
    const first = await db.checkout.findUniqueOrThrow({ where: { id: paid.placed.checkoutId } });
    const order = await pay.orderOf(paid.placed.checkoutId, cheese.shop.id);
    const made = await proposeSubstitute(db, { now, actor: cheese.owner, input: { orderId: order.id, lineId: lineOf(order, "Comté"), productId: dearer.id, quantity: 1, reason: "Rupture" } });
    const link = await emailedLink(order.id);
    await startSubstitutePayment(db, pay.gateway, { now, actor: anonymous, input: link });
    const { stripeSessionId } = await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } });
    await db.product.update({ where: { id: dearer.id }, data: { stock: 0 } });
    const session = pay.double.api.pay(stripeSessionId ?? "");
    expect(await settleSubstitutePayment(db, pay.gateway, { sessionId: stripeSessionId ?? "", now })).toBe("released");
    expect(await db.checkout.findUniqueOrThrow({ where: { id: paid.placed.checkoutId } })).toMatchObject({ stripePaymentIntentId: first.stripePaymentIntentId, authorizedCents: 520 });
    expect(await db.substitution.findUniqueOrThrow({ where: { id: made.substitutionId } })).toMatchObject({ status: "PROPOSED", stripeSessionId: null });
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${`cancel-authorization:${String(session.payment_intent)}`}`;
    expect(jobs).toEqual([{ n: 1n }]);
    expect(await answerSubstitute(db, { now, actor: anonymous, input: { ...link, answer: "refuse" } })).toMatchObject({ outcome: "refused" });
  });

  it("the customer accepting while the deadline job removes the line: one outcome each, stock and totals exact — 20 rounds", async () => {
    const c = await cheesemonger();
    await db.product.updateMany({ where: { id: { in: [c.comte.id, c.cider.id, c.beaufort.id] } }, data: { stock: 1000 } });
    const now = new Date();
    const outcomes = { accepted: 0, expired: 0 };
    for (let round = 0; round < 20; round++) {
      const order = await orderAtPickup(c, [{ productId: c.comte.id, quantity: 1 }, { productId: c.cider.id, quantity: 1 }], { now });
      const made = await proposeSubstitute(db, { now, actor: c.staff, input: { orderId: order.id, lineId: lineOf(order, "Comté 250 g"), productId: c.beaufort.id, quantity: 1, reason: "Rupture", answerWithinMinutes: 15 } });
      const link = await emailedLink(order.id);
      const [answer, job] = await Promise.allSettled([
        answerSubstitute(db, { now: new Date(made.expiresAt.getTime() - 1000), actor: anonymous, input: { ...link, answer: "accept" } }),
        expireSubstitution(db, { substitutionId: made.substitutionId, now: new Date(made.expiresAt.getTime() + 1000) }),
      ]);
      const accepted = answer.status === "fulfilled";
      const expired = job.status === "fulfilled" && job.value.outcome === "expired";
      expect(accepted !== expired, `round ${round}: exactly one decides`).toBe(true);
      if (!accepted) expect((answer as PromiseRejectedResult).reason).toMatchObject({ details: { reason: "substituteDecided" } });
      outcomes[accepted ? "accepted" : "expired"]++;
      const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true } });
      expect(after.totalCents, `round ${round}`).toBe(accepted ? 560 + 400 : 400);
      expect(await db.orderEvent.count({ where: { orderId: order.id, change: { in: ["SUBSTITUTED", "LINE_MISSING"] } } })).toBe(1);
    }
    expect(outcomes.accepted + outcomes.expired).toBe(20);
    // The Beaufort taken exactly once per accepted round.
    expect(await stockOf(c.beaufort.id)).toBe(1000 - outcomes.accepted);
  });
});
