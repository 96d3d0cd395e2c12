import { describe, expect, it } from "vitest";
import { anonymous } from "@/lib/auth/actor";
import { parseCsv } from "@/lib/catalog/csv-format";
import { includedVat } from "@/lib/catalog/line-pricing";
import { transitionOrderByShop } from "@/lib/orders/handover/shop-transitions";
import { testDb } from "@/tests/helpers/db";
import { substituteFixtures } from "@/tests/helpers/substitutes";
import { tampered } from "@/tests/helpers/tamper";
import { startTestWorker, waitUntil } from "@/tests/helpers/worker";
import { cancelOrderByCustomer } from "./cancel-order";
import { orderChangesCsv } from "./change-history";
import { shortOrderLine } from "./short-line";
import { substitutionForLink } from "./substitution-views";
import { answerSubstitute, expireSubstitution, proposeSubstitute } from "./substitutes";

const db = testDb();
const MINUTE = 60_000;
const { cheesemonger, orderAtPickup, lineOf, stockOf, emailedLink } = substituteFixtures(db);

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
});
