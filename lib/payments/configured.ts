import { env, type Env } from "@/lib/env";
import { stripeGateway, type PaymentGateway } from "./gateway";

const cache = new Map<string, PaymentGateway>();

/**
 * The payment provider this process talks to: Stripe when STRIPE_SECRET_KEY and
 * STRIPE_WEBHOOK_SECRET are set (the local double when STRIPE_API_BASE also is, for
 * the demo and tests), else none — and then only pay at pickup is offered.
 */
export function configuredGateway(config: Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_API_BASE"> = env()): PaymentGateway | null {
  if (!config.STRIPE_SECRET_KEY || !config.STRIPE_WEBHOOK_SECRET) return null;
  const key = `${config.STRIPE_SECRET_KEY}|${config.STRIPE_API_BASE ?? ""}`;
  let gateway = cache.get(key);
  if (!gateway) {
    gateway = stripeGateway({ secretKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET, apiBase: config.STRIPE_API_BASE });
    cache.set(key, gateway);
  }
  return gateway;
}

export function onlinePaymentEnabled(config: Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_API_BASE"> = env()): boolean {
  return configuredGateway(config) !== null;
}
