import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStripeDouble, type StripeDouble } from "./server";

const SECRET = "whsec_double_test";
let double: StripeDouble;
let stripe: Stripe;
const received: Stripe.Event[] = [];
let receiver: http.Server;

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push(stripe.webhooks.constructEvent(body, String(request.headers["stripe-signature"]), SECRET));
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", () => resolve()));
  double = await startStripeDouble({ webhookSecret: SECRET, webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/` });
  stripe = new Stripe("sk_test_comptoir", { host: "127.0.0.1", port: double.port, protocol: "http", maxNetworkRetries: 2, timeout: 1500 });
});

afterAll(async () => {
  await double.close();
  receiver.close();
});

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe("Stripe double through the real SDK", () => {
  it("runs a checkout: session, payment on the hosted flow, partial capture, refund, transfer and reversal, with signed webhooks", async () => {
    const account = await stripe.accounts.create({ type: "express", country: "FR", email: "shop@example.fr" });
    expect(account.charges_enabled).toBe(false);
    const link = await stripe.accountLinks.create({ account: account.id, type: "account_onboarding", return_url: "http://app/ok", refresh_url: "http://app/again" });
    expect(link.url).toContain(`/connect/${account.id}`);
    double.api.completeOnboarding(account.id);
    expect((await stripe.accounts.retrieve(account.id)).payouts_enabled).toBe(true);

    const session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 1250, product_data: { name: "Fromagerie — commande A" } } }, { quantity: 2, price_data: { currency: "eur", unit_amount: 500, product_data: { name: "Boulangerie" } } }],
        payment_intent_data: { capture_method: "manual", transfer_group: "checkout_1", metadata: { checkoutId: "checkout_1" } },
        success_url: "http://app/merci?session={CHECKOUT_SESSION_ID}",
        cancel_url: "http://app/panier",
        expires_at: Math.floor(Date.now() / 1000) + 1800,
      },
      { idempotencyKey: "session:checkout_1" },
    );
    expect(session).toMatchObject({ status: "open", amount_total: 2250 });
    const again = await stripe.checkout.sessions.create({ mode: "payment", line_items: [], success_url: "x" }, { idempotencyKey: "session:checkout_1" }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);

    double.api.pay(session.id);
    const completed = await stripe.checkout.sessions.retrieve(session.id);
    expect(completed.status).toBe("complete");
    const intent = await stripe.paymentIntents.retrieve(String(completed.payment_intent), { expand: ["latest_charge"] });
    expect(intent).toMatchObject({ status: "requires_capture", amount_capturable: 2250 });
    const charge = intent.latest_charge as Stripe.Charge;
    expect(charge.payment_method_details?.card?.capture_before).toBeGreaterThan(Date.now() / 1000 + 6 * 86400);

    const captured = await stripe.paymentIntents.capture(intent.id, { amount_to_capture: 2000 }, { idempotencyKey: "capture:checkout_1" });
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 2000 });
    expect((await stripe.paymentIntents.capture(intent.id, { amount_to_capture: 2000 }, { idempotencyKey: "capture:checkout_1" })).amount_received).toBe(2000);
    await expect(stripe.paymentIntents.capture(intent.id, { amount_to_capture: 2000 })).rejects.toThrow(/status of succeeded/);

    const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 500 }, { idempotencyKey: "refund:order_b" });
    expect(refund.amount).toBe(500);
    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 5000 })).rejects.toThrow(/greater than unrefunded/);
    const transfer = await stripe.transfers.create({ amount: 1250, currency: "eur", destination: account.id, source_transaction: charge.id, transfer_group: "checkout_1" }, { idempotencyKey: "transfer:order_a" });
    await expect(stripe.transfers.create({ amount: 1000, currency: "eur", destination: account.id, source_transaction: charge.id })).rejects.toThrow(/Insufficient funds/);
    const reversal = await stripe.transfers.createReversal(transfer.id, { amount: 250 }, { idempotencyKey: "reversal:order_a" });
    expect(reversal.amount).toBe(250);

    await waitFor(() => received.some((e) => e.type === "checkout.session.completed"));
    expect(received.map((e) => e.type)).toEqual(expect.arrayContaining(["account.updated", "checkout.session.completed", "payment_intent.amount_capturable_updated", "charge.refunded"]));
  });

  it("retries through injected 500s and timeouts with the same idempotency key, creating one object", async () => {
    double.fail("/v1/checkout/sessions", { count: 1, status: 500 });
    double.fail("/v1/checkout/sessions", { count: 1, mode: "timeout" });
    const session = await stripe.checkout.sessions.create(
      { mode: "payment", line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 100, product_data: { name: "Pain" } } }], payment_intent_data: { capture_method: "manual" }, success_url: "http://app/ok" },
      { idempotencyKey: "session:retry" },
    );
    expect([...double.state.sessions.values()].filter((s) => s.amount_total === 100)).toHaveLength(1);
    expect(session.amount_total).toBe(100);
  });

  it("expires open sessions and cancels authorizations past capture_before as time passes", async () => {
    const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 300, product_data: { name: "Livre" } } }], payment_intent_data: { capture_method: "manual" }, success_url: "http://app/ok", expires_at: Math.floor(Date.now() / 1000) + 1800 });
    const paid = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 400, product_data: { name: "Jeu" } } }], payment_intent_data: { capture_method: "manual" }, success_url: "http://app/ok" });
    double.api.pay(paid.id);
    double.state.clockOffset += 1801;
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");
    double.state.clockOffset += 8 * 86400;
    expect((await stripe.paymentIntents.retrieve(String((await stripe.checkout.sessions.retrieve(paid.id)).payment_intent))).status).toBe("canceled");
  });
});
