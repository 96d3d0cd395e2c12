import Stripe from "stripe";
import type { PrismaClient } from "@/generated/prisma/client";
import { stripeGateway, type PaymentGateway } from "@/lib/payments/gateway";
import { handleStripeEvent } from "@/lib/payments/webhook";
import { startStripeDouble, type StripeDouble } from "@/scripts/stripe-double/server";

export const TEST_WEBHOOK_SECRET = "whsec_comptoir_tests";
const signer = new Stripe("sk_test_signer");

/** The Stripe double on loopback and a gateway speaking to it through the real SDK. */
export async function startPaymentsDouble(options: { webhookUrl?: string } = {}): Promise<{ double: StripeDouble; gateway: PaymentGateway }> {
  const double = await startStripeDouble({ webhookSecret: TEST_WEBHOOK_SECRET, webhookUrl: options.webhookUrl });
  const gateway = stripeGateway({ secretKey: "sk_test_comptoir", webhookSecret: TEST_WEBHOOK_SECRET, apiBase: double.url });
  return { double, gateway };
}

/** The signed delivery Stripe would POST for a recorded event. */
export function signedDelivery(payload: string, options: { secret?: string; timestamp?: number } = {}): { body: string; signature: string } {
  return { body: payload, signature: signer.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? TEST_WEBHOOK_SECRET, timestamp: options.timestamp }) };
}

/** Delivers the double's events from `from` on through the app's webhook handling (as the route would). */
export async function deliverEvents(db: PrismaClient, gateway: PaymentGateway, double: StripeDouble, from = 0, now = new Date()): Promise<number> {
  const events = double.events.slice(from);
  for (const event of events) {
    const { body, signature } = signedDelivery(event.payload);
    await handleStripeEvent(db, gateway, gateway.parseWebhook(body, signature), now);
  }
  return double.events.length;
}
