import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { HttpClient } from "@/tests/helpers/http-client";
import { signedDelivery, startPaymentsDouble, TEST_WEBHOOK_SECRET } from "@/tests/helpers/payments";
import { waitUntil } from "@/tests/helpers/worker";
import { actionFormBody, checkoutNext, listServerActions } from "@/tests/fuzz/next-actions";
import type { StripeDouble } from "@/scripts/stripe-double/server";

const db = testDb();
let app: AppServer;
let double: StripeDouble;
const actionId = (name: string) => listServerActions().find((a) => a.name === name)?.id ?? "";

beforeAll(async () => {
  ({ double } = await startPaymentsDouble());
  app = await startApp({ env: { STRIPE_SECRET_KEY: "sk_test_comptoir", STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, STRIPE_API_BASE: double.url, PAYMENT_DEMO: "true" } });
  double.setWebhookUrl(`${app.url}/api/paiements/stripe/webhook`);
});
afterAll(async () => {
  await app.stop();
  await double.close();
});

describe("online payment over HTTP, through the Stripe double", () => {
  it("the webhook endpoint refuses unsigned, wrongly signed and altered deliveries with 400, and changes nothing", async () => {
    const client = new HttpClient(app.url);
    const payload = JSON.stringify({ id: `evt_${randomUUID()}`, object: "event", type: "account.updated", data: { object: { id: "acct_x" } } });
    const post = (body: string, signature?: string) => client.fetch("/api/paiements/stripe/webhook", { method: "POST", body, headers: signature ? { "stripe-signature": signature } : {} });
    expect((await post(payload)).status).toBe(400);
    expect((await post(payload, signedDelivery(payload, { secret: "whsec_someone_else" }).signature)).status).toBe(400);
    expect((await post(payload.replace("acct_x", "acct_y"), signedDelivery(payload).signature)).status).toBe(400);
    expect((await post(payload, signedDelivery(payload, { timestamp: Math.floor(Date.now() / 1000) - 400 }).signature)).status).toBe(400);
    expect(await db.processedWebhookEvent.count()).toBe(0);
    const signed = signedDelivery(payload);
    expect((await post(signed.body, signed.signature)).status).toBe(200);
    expect(await db.processedWebhookEvent.count()).toBe(1);
    expect(await (await post(signed.body, signed.signature)).json()).toMatchObject({ outcome: "already" });
  });

  it("a guest pays online on the payment page; the signed webhook confirms the order", async () => {
    const shop = await db.shop.findFirstOrThrow({ where: { slug: "librairie-la-belle-aventure" }, select: { id: true, slug: true, doorPoint: { select: { id: true } } } });
    const product = await db.product.findFirstOrThrow({ where: { shopId: shop.id, active: true, stock: { gte: 5 } }, select: { id: true } });
    const slot = (await listAvailableSlots(db, { shopId: shop.id, pickupPointId: shop.doorPoint?.id ?? "" }))[2];
    const guest = new HttpClient(app.url, { origin: app.url });
    expect(await (await guest.fetch(`/boutiques/${shop.slug}`, { method: "POST", headers: { "next-action": actionId("addToCartAction") }, body: actionFormBody([["productId", product.id], ["quantity", "1"]]) })).text()).toContain('"ok":true');
    expect(await (await guest.fetch("/commande")).text()).toContain('value="ONLINE"');
    const email = `online-${randomUUID()}@example.fr`;
    const placed = await guest.fetch("/commande", {
      method: "POST",
      headers: { "next-action": actionId("placeOrdersAction") },
      body: actionFormBody([
        ["idempotencyKey", randomUUID()], ["name", "Client En Ligne"], ["email", email], ["phone", "0612345678"], ["shopId", shop.id],
        [`shop.${shop.id}.pickupPointId`, shop.doorPoint?.id ?? ""], [`shop.${shop.id}.slotStartsAt`, slot?.startsAt.toISOString() ?? ""], [`shop.${shop.id}.paymentMethod`, "ONLINE"],
        ["amountCents", "1"], ["currency", "usd"],
      ]),
    });
    const redirect = checkoutNext(await placed.text());
    expect(redirect).toContain("/pay/cs_");
    const order = await db.order.findFirstOrThrow({ where: { contactEmail: email } });
    expect(order.status).toBe("AWAITING_PAYMENT");
    const sessionId = /\/pay\/([^;/?]+)/.exec(redirect)?.[1] ?? "";
    expect(double.state.sessions.get(sessionId)?.amount_total).toBe(order.maxTotalCents);

    const paid = await fetch(`${double.url}/pay/${sessionId}/pay`, { method: "POST", redirect: "manual" });
    expect(paid.headers.get("location")).toContain(`/commandes/confirmation/${order.checkoutId}`);
    await waitUntil(async () => (await db.order.findUniqueOrThrow({ where: { id: order.id } })).status === "CONFIRMED", 15_000, "the webhook's confirmation");
    expect(await db.outgoingEmail.count({ where: { orderId: order.id, kind: "order-confirmed" } })).toBe(1);
  });
});

describe("without Stripe keys", () => {
  it("offers pay at pickup only, even for a shop whose payments account is active", async () => {
    const plain = await startApp({ env: { STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "", STRIPE_API_BASE: "", PAYMENT_DEMO: "false" } });
    try {
      const shop = await db.shop.findFirstOrThrow({ where: { slug: "fromagerie-des-halles" }, select: { id: true, slug: true, stripeStatus: true } });
      expect(shop.stripeStatus).toBe("ACTIVE");
      const product = await db.product.findFirstOrThrow({ where: { shopId: shop.id, active: true, stock: { gte: 5 } }, select: { id: true } });
      const guest = new HttpClient(plain.url, { origin: plain.url });
      await guest.fetch(`/boutiques/${shop.slug}`, { method: "POST", headers: { "next-action": actionId("addToCartAction") }, body: actionFormBody([["productId", product.id], ["quantity", "1"]]) });
      const page = await (await guest.fetch("/commande")).text();
      expect(page).toContain('value="PAY_AT_PICKUP"');
      expect(page).not.toContain('value="ONLINE"');
      expect((await guest.fetch("/api/paiements/stripe/webhook", { method: "POST", body: "{}" })).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
