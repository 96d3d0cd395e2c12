/**
 * How online payment runs, decided once at start: real Stripe with its keys; on
 * the embedded demo without keys, the local Stripe double (every page says
 * "paiement de démonstration"); on a real database without keys, not at all —
 * a fake provider in production would hand goods out for free.
 */
export type PaymentPolicy = { mode: "stripe" | "demo" | "none" };

export function decidePaymentPolicy(options: { embeddedDatabase: boolean; stripeKeys: boolean }): PaymentPolicy {
  if (options.stripeKeys) return { mode: "stripe" };
  return { mode: options.embeddedDatabase ? "demo" : "none" };
}
