import Stripe from "stripe";

/**
 * What Comptoir asks of its payment provider, in its own words. One implementation
 * speaks to Stripe through the official SDK — real Stripe, or the local double
 * (scripts/stripe-double) on loopback for tests and the demo. Every call that moves
 * money carries an idempotency key, so a retry never moves it twice. No call is
 * made inside a database transaction.
 */
export type SessionState = { id: string; status: "open" | "complete" | "expired"; paymentIntentId: string | null; url: string | null };
export type AuthorizationState = {
  id: string;
  status: "requires_payment_method" | "requires_capture" | "succeeded" | "canceled" | "other";
  amountCapturable: number;
  amountReceived: number;
  chargeId: string | null;
  captureBefore: Date | null;
};
export type AccountState = { id: string; chargesEnabled: boolean; payoutsEnabled: boolean; detailsSubmitted: boolean };
export type RefundState = { id: string; amountCents: number; status: string; comptoirKey: string | null };
export type DisputeState = { id: string; paymentIntentId: string; amountCents: number; reason: string; status: string };
export type WebhookEvent = { id: string; type: string; objectId: string; object: Record<string, unknown> };

export interface PaymentGateway {
  createCheckoutSession(input: {
    checkoutId: string;
    lines: { name: string; amountCents: number }[];
    customerEmail: string | null;
    successUrl: string;
    cancelUrl: string;
    expiresAt: Date;
    /** One page per checkout by default; a later page for the same checkout (a new authorization) names its own */
    idempotencyKey?: string;
  }): Promise<SessionState>;
  getCheckoutSession(id: string): Promise<SessionState>;
  expireCheckoutSession(id: string): Promise<void>;
  getAuthorization(paymentIntentId: string): Promise<AuthorizationState>;
  capture(paymentIntentId: string, amountCents: number, idempotencyKey: string): Promise<AuthorizationState>;
  cancelAuthorization(paymentIntentId: string, idempotencyKey: string): Promise<void>;
  /** Refunds carry their key in metadata (comptoirKey): a refund without one was made outside Comptoir */
  refund(paymentIntentId: string, amountCents: number, idempotencyKey: string): Promise<{ id: string }>;
  listRefunds(paymentIntentId: string): Promise<RefundState[]>;
  /** A chargeback, as Stripe has it now (the webhook only says which one to read) */
  getDispute(id: string): Promise<DisputeState>;
  transfer(input: { amountCents: number; destination: string; chargeId: string; group: string; idempotencyKey: string }): Promise<{ id: string }>;
  reverseTransfer(transferId: string, amountCents: number, idempotencyKey: string): Promise<{ id: string }>;
  createAccount(input: { email: string; shopId: string; idempotencyKey: string }): Promise<AccountState>;
  getAccount(id: string): Promise<AccountState>;
  createAccountLink(input: { accountId: string; returnUrl: string; refreshUrl: string }): Promise<string>;
  /** Verifies the signature (400 on failure, by throwing) and reads the event */
  parseWebhook(rawBody: string, signature: string): WebhookEvent;
}

export type StripeSettings = { secretKey: string; webhookSecret: string; apiBase?: string };

export function stripeGateway(settings: StripeSettings): PaymentGateway {
  const base = settings.apiBase ? new URL(settings.apiBase) : null;
  const stripe = new Stripe(settings.secretKey, {
    maxNetworkRetries: 3,
    timeout: 15_000,
    telemetry: false,
    ...(base ? { host: base.hostname, port: Number(base.port), protocol: "http" as const } : {}),
  });

  const session = (s: Stripe.Checkout.Session): SessionState => ({
    id: s.id,
    status: s.status === "complete" ? "complete" : s.status === "expired" ? "expired" : "open",
    paymentIntentId: typeof s.payment_intent === "string" ? s.payment_intent : (s.payment_intent?.id ?? null),
    url: s.url,
  });

  const authorization = (intent: Stripe.PaymentIntent): AuthorizationState => {
    const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
    const captureBefore = charge?.payment_method_details?.card?.capture_before;
    const known = ["requires_payment_method", "requires_capture", "succeeded", "canceled"] as const;
    return {
      id: intent.id,
      status: (known as readonly string[]).includes(intent.status) ? (intent.status as AuthorizationState["status"]) : "other",
      amountCapturable: intent.amount_capturable,
      amountReceived: intent.amount_received,
      chargeId: typeof intent.latest_charge === "string" ? intent.latest_charge : (charge?.id ?? null),
      captureBefore: captureBefore ? new Date(captureBefore * 1000) : null,
    };
  };

  const account = (a: Stripe.Account): AccountState => ({ id: a.id, chargesEnabled: a.charges_enabled, payoutsEnabled: a.payouts_enabled, detailsSubmitted: a.details_submitted });

  return {
    async createCheckoutSession(input) {
      const created = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: input.lines.map((line) => ({ quantity: 1, price_data: { currency: "eur", unit_amount: line.amountCents, product_data: { name: line.name } } })),
          payment_intent_data: { capture_method: "manual", transfer_group: input.checkoutId, metadata: { checkoutId: input.checkoutId } },
          metadata: { checkoutId: input.checkoutId },
          client_reference_id: input.checkoutId,
          ...(input.customerEmail ? { customer_email: input.customerEmail } : {}),
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          expires_at: Math.floor(input.expiresAt.getTime() / 1000),
          locale: "fr",
        },
        { idempotencyKey: input.idempotencyKey ?? `checkout-session:${input.checkoutId}` },
      );
      return session(created);
    },
    async getCheckoutSession(id) {
      return session(await stripe.checkout.sessions.retrieve(id));
    },
    async expireCheckoutSession(id) {
      const current = await stripe.checkout.sessions.retrieve(id);
      if (current.status === "open") await stripe.checkout.sessions.expire(id, {}, { idempotencyKey: `expire-session:${id}` });
    },
    async getAuthorization(id) {
      return authorization(await stripe.paymentIntents.retrieve(id, { expand: ["latest_charge"] }));
    },
    async capture(id, amountCents, idempotencyKey) {
      await stripe.paymentIntents.capture(id, { amount_to_capture: amountCents }, { idempotencyKey });
      return authorization(await stripe.paymentIntents.retrieve(id, { expand: ["latest_charge"] }));
    },
    async cancelAuthorization(id, idempotencyKey) {
      const current = await stripe.paymentIntents.retrieve(id);
      if (current.status === "canceled" || current.status === "succeeded") return;
      await stripe.paymentIntents.cancel(id, {}, { idempotencyKey });
    },
    async refund(id, amountCents, idempotencyKey) {
      const refund = await stripe.refunds.create({ payment_intent: id, amount: amountCents, metadata: { comptoirKey: idempotencyKey } }, { idempotencyKey });
      return { id: refund.id };
    },
    async listRefunds(id) {
      const refunds = await stripe.refunds.list({ payment_intent: id, limit: 100 });
      return refunds.data.map((r) => ({ id: r.id, amountCents: r.amount, status: r.status ?? "pending", comptoirKey: r.metadata?.comptoirKey ?? null }));
    },
    async getDispute(id) {
      const dispute = await stripe.disputes.retrieve(id);
      const paymentIntentId = typeof dispute.payment_intent === "string" ? dispute.payment_intent : (dispute.payment_intent?.id ?? "");
      return { id: dispute.id, paymentIntentId, amountCents: dispute.amount, reason: dispute.reason, status: dispute.status };
    },
    async transfer(input) {
      const transfer = await stripe.transfers.create(
        { amount: input.amountCents, currency: "eur", destination: input.destination, source_transaction: input.chargeId, transfer_group: input.group },
        { idempotencyKey: input.idempotencyKey },
      );
      return { id: transfer.id };
    },
    async reverseTransfer(transferId, amountCents, idempotencyKey) {
      const reversal = await stripe.transfers.createReversal(transferId, { amount: amountCents }, { idempotencyKey });
      return { id: reversal.id };
    },
    async createAccount(input) {
      return account(
        await stripe.accounts.create(
          { type: "express", country: "FR", email: input.email, capabilities: { transfers: { requested: true } }, metadata: { shopId: input.shopId } },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
    },
    async getAccount(id) {
      return account(await stripe.accounts.retrieve(id));
    },
    async createAccountLink(input) {
      const link = await stripe.accountLinks.create({ account: input.accountId, type: "account_onboarding", return_url: input.returnUrl, refresh_url: input.refreshUrl });
      return link.url;
    },
    parseWebhook(rawBody, signature) {
      const event = stripe.webhooks.constructEvent(rawBody, signature, settings.webhookSecret);
      const object = event.data.object as unknown as Record<string, unknown> & { id?: string };
      return { id: event.id, type: event.type, objectId: String(object.id ?? ""), object };
    },
  };
}
