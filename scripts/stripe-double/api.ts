import { integer, list, object, text, type FormObject } from "./form";
import { DoubleState, newId, StripeError, type Account, type Charge, type Dispute, type PaymentIntent, type Session, type StripeObject } from "./state";

/** What the double's API does for each endpoint Comptoir calls; `emit` sends a webhook event. */
export type Emit = (type: string, object: StripeObject) => void;

const AUTHORIZATION_DAYS = 7;

const metadataOf = (form: FormObject, key = "metadata") => Object.fromEntries(Object.entries(object(form[key])).map(([k, v]) => [k, text(v) ?? ""]));

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new StripeError(404, `No such ${what}`, "invalid_request_error", "resource_missing");
  return value;
}

export class DoubleApi {
  constructor(
    readonly state: DoubleState,
    private readonly publicUrl: () => string,
    private readonly emit: Emit,
  ) {}

  createSession(form: FormObject): Session {
    const lines = list(form.line_items).map((raw) => {
      const item = object(raw);
      const price = object(item.price_data);
      const amount = integer(price.unit_amount);
      const name = text(object(price.product_data).name);
      if (amount === undefined || amount < 0 || !name) throw new StripeError(400, "line_items need price_data.unit_amount and product_data.name");
      return { name, amount, quantity: integer(item.quantity) ?? 1 };
    });
    if (lines.length === 0) throw new StripeError(400, "line_items is required");
    const currency = text(object(object(list(form.line_items)[0]).price_data).currency) ?? "eur";
    const intent = object(form.payment_intent_data);
    if (text(intent.capture_method) !== "manual") throw new StripeError(400, "Comptoir's double only takes payment_intent_data[capture_method]=manual");
    const id = newId("cs");
    const now = this.state.now();
    const session: Session = {
      id,
      object: "checkout.session",
      status: "open",
      payment_status: "unpaid",
      url: `${this.publicUrl()}/pay/${id}`,
      expires_at: integer(form.expires_at) ?? now + 24 * 3600,
      created: now,
      amount_total: lines.reduce((sum, l) => sum + l.amount * l.quantity, 0),
      currency,
      customer_email: text(form.customer_email) ?? null,
      client_reference_id: text(form.client_reference_id) ?? null,
      metadata: metadataOf(form),
      success_url: text(form.success_url) ?? "",
      cancel_url: text(form.cancel_url) ?? "",
      payment_intent: null,
      livemode: false,
      lines,
      intentData: { transfer_group: text(intent.transfer_group) ?? null, metadata: metadataOf(intent) },
    };
    if (!session.success_url) throw new StripeError(400, "success_url is required");
    this.state.sessions.set(id, session);
    return session;
  }

  session(id: string): Session {
    const session = need(this.state.sessions.get(id), "checkout.session");
    this.expireIfDue(session);
    return session;
  }

  expireSession(id: string): Session {
    const session = this.session(id);
    if (session.status !== "open") throw new StripeError(400, `Only an open session can be expired (this one is ${session.status})`);
    this.expire(session);
    return session;
  }

  /** The customer pays on the hosted page: the card is authorized, the session completes. */
  pay(id: string): Session {
    const session = this.session(id);
    if (session.status !== "open") throw new StripeError(400, `This checkout session is ${session.status}`);
    const now = this.state.now();
    const intent: PaymentIntent = {
      id: newId("pi"),
      object: "payment_intent",
      status: "requires_capture",
      amount: session.amount_total,
      amount_capturable: session.amount_total,
      amount_received: 0,
      currency: session.currency,
      capture_method: "manual",
      latest_charge: null,
      transfer_group: session.intentData.transfer_group,
      metadata: session.intentData.metadata,
      canceled_at: null,
      cancellation_reason: null,
      created: now,
      livemode: false,
    };
    const charge: Charge = {
      id: newId("ch"),
      object: "charge",
      amount: intent.amount,
      amount_captured: 0,
      amount_refunded: 0,
      captured: false,
      refunded: false,
      payment_intent: intent.id,
      transfer_group: intent.transfer_group,
      payment_method_details: { type: "card", card: { brand: "visa", last4: "4242", capture_before: now + AUTHORIZATION_DAYS * 86_400 } },
    };
    intent.latest_charge = charge.id;
    this.state.intents.set(intent.id, intent);
    this.state.charges.set(charge.id, charge);
    session.status = "complete";
    session.payment_intent = intent.id;
    this.emit("payment_intent.amount_capturable_updated", intent);
    this.emit("checkout.session.completed", session);
    return session;
  }

  intent(id: string): PaymentIntent {
    const intent = need(this.state.intents.get(id), "payment_intent");
    this.cancelIfPastDeadline(intent);
    return intent;
  }

  /** The PaymentIntent with `latest_charge` expanded, as `expand[]=latest_charge` asks. */
  intentExpanded(id: string, expand: string[]): PaymentIntent | (Omit<PaymentIntent, "latest_charge"> & { latest_charge: Charge | null }) {
    const intent = this.intent(id);
    if (!expand.includes("latest_charge")) return intent;
    return { ...intent, latest_charge: intent.latest_charge ? (this.state.charges.get(intent.latest_charge) ?? null) : null };
  }

  capture(id: string, form: FormObject): PaymentIntent {
    const intent = this.intent(id);
    if (intent.status !== "requires_capture") throw new StripeError(400, `This PaymentIntent could not be captured because it has a status of ${intent.status}.`, "invalid_request_error", "payment_intent_unexpected_state");
    const amount = integer(form.amount_to_capture) ?? intent.amount_capturable;
    if (amount < 0 || amount > intent.amount_capturable) throw new StripeError(400, "amount_to_capture is greater than the amount capturable", "invalid_request_error", "amount_too_large");
    const charge = need(this.state.charges.get(intent.latest_charge ?? ""), "charge");
    intent.status = "succeeded";
    intent.amount_received = amount;
    intent.amount_capturable = 0;
    charge.captured = true;
    charge.amount_captured = amount;
    this.emit("payment_intent.succeeded", intent);
    return intent;
  }

  cancelIntent(id: string, reason = "requested_by_customer"): PaymentIntent {
    const intent = this.intent(id);
    if (intent.status === "succeeded" || intent.status === "canceled") throw new StripeError(400, `You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`, "invalid_request_error", "payment_intent_unexpected_state");
    return this.cancel(intent, reason);
  }

  private cancel(intent: PaymentIntent, reason: string): PaymentIntent {
    intent.status = "canceled";
    intent.amount_capturable = 0;
    intent.canceled_at = this.state.now();
    intent.cancellation_reason = reason;
    this.emit("payment_intent.canceled", intent);
    return intent;
  }

  refund(form: FormObject) {
    const intent = this.intent(text(form.payment_intent) ?? "");
    const charge = need(this.state.charges.get(intent.latest_charge ?? ""), "charge");
    const refundable = charge.amount_captured - charge.amount_refunded;
    const amount = integer(form.amount) ?? refundable;
    if (!charge.captured) throw new StripeError(400, "This PaymentIntent has not been captured: cancel it instead", "invalid_request_error", "charge_not_captured");
    if (amount <= 0 || amount > refundable) throw new StripeError(400, `Refund amount (${amount}) is greater than unrefunded amount on charge (${refundable})`, "invalid_request_error", "amount_too_large");
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount_captured;
    const refund = { id: newId("re"), object: "refund" as const, amount, charge: charge.id, payment_intent: intent.id, status: "succeeded" as const, metadata: metadataOf(form), created: this.state.now() };
    this.state.refunds.set(refund.id, refund);
    this.emit("charge.refunded", charge);
    return refund;
  }

  /** The cardholder's bank opens a chargeback on a captured payment (a test or demo control: Stripe does it, not Comptoir). */
  openDispute(paymentIntentId: string, amount?: number, reason = "fraudulent"): Dispute {
    const intent = this.intent(paymentIntentId);
    const charge = need(this.state.charges.get(intent.latest_charge ?? ""), "charge");
    if (!charge.captured) throw new StripeError(400, "Only a captured charge can be disputed");
    const dispute: Dispute = { id: newId("dp"), object: "dispute", amount: amount ?? charge.amount_captured - charge.amount_refunded, charge: charge.id, payment_intent: intent.id, reason, status: "needs_response", created: this.state.now() };
    this.state.disputes.set(dispute.id, dispute);
    this.emit("charge.dispute.created", dispute);
    return dispute;
  }

  /** The bank decides: won (the money comes back) or lost (it stays with the cardholder). */
  closeDispute(id: string, status: "won" | "lost"): Dispute {
    const dispute = this.dispute(id);
    dispute.status = status;
    this.emit("charge.dispute.closed", dispute);
    return dispute;
  }

  dispute(id: string): Dispute {
    return need(this.state.disputes.get(id), "dispute");
  }

  listRefunds(paymentIntentId: string) {
    const data = [...this.state.refunds.values()].filter((r) => r.payment_intent === paymentIntentId).reverse();
    return { object: "list", url: "/v1/refunds", has_more: false, data };
  }

  transfer(form: FormObject) {
    const amount = integer(form.amount);
    const destination = this.account(text(form.destination) ?? "");
    if (amount === undefined || amount <= 0) throw new StripeError(400, "amount must be a positive integer");
    if (!destination.payouts_enabled) throw new StripeError(400, "The destination account cannot receive transfers", "invalid_request_error", "account_invalid");
    const sourceId = text(form.source_transaction) ?? null;
    if (sourceId) {
      const charge = need(this.state.charges.get(sourceId), "charge");
      const transferred = [...this.state.transfers.values()].filter((t) => t.source_transaction === sourceId).reduce((sum, t) => sum + t.amount - t.amount_reversed, 0);
      if (amount > charge.amount_captured - charge.amount_refunded - transferred) throw new StripeError(400, "Insufficient funds from the source transaction", "invalid_request_error", "insufficient_funds");
    }
    const transfer = {
      id: newId("tr"), object: "transfer" as const, amount, amount_reversed: 0, currency: text(form.currency) ?? "eur", destination: destination.id, source_transaction: sourceId,
      transfer_group: text(form.transfer_group) ?? null, reversed: false, metadata: metadataOf(form), created: this.state.now(),
    };
    this.state.transfers.set(transfer.id, transfer);
    return transfer;
  }

  reverse(transferId: string, form: FormObject) {
    const transfer = need(this.state.transfers.get(transferId), "transfer");
    const amount = integer(form.amount) ?? transfer.amount - transfer.amount_reversed;
    if (amount <= 0 || amount > transfer.amount - transfer.amount_reversed) throw new StripeError(400, "Reversal amount is greater than the amount left on the transfer", "invalid_request_error", "amount_too_large");
    transfer.amount_reversed += amount;
    transfer.reversed = transfer.amount_reversed === transfer.amount;
    const reversal = { id: newId("trr"), object: "transfer_reversal" as const, amount, transfer: transfer.id, created: this.state.now() };
    this.state.reversals.set(reversal.id, reversal);
    return reversal;
  }

  createAccount(form: FormObject): Account {
    const account: Account = {
      id: newId("acct"), object: "account", type: "express", email: text(form.email) ?? null, country: text(form.country) ?? "FR", charges_enabled: false, payouts_enabled: false,
      details_submitted: false, requirements: { currently_due: ["business_profile.url", "external_account"], disabled_reason: "requirements.past_due" }, metadata: metadataOf(form), created: this.state.now(),
    };
    this.state.accounts.set(account.id, account);
    return account;
  }

  account(id: string): Account {
    // The demo's shops come onboarded (prisma/seed): their acct_demo_… accounts exist as soon as they are asked for.
    if (id.startsWith("acct_demo_") && !this.state.accounts.has(id)) {
      this.state.accounts.set(id, { id, object: "account", type: "express", email: null, country: "FR", charges_enabled: true, payouts_enabled: true, details_submitted: true, requirements: { currently_due: [], disabled_reason: null }, metadata: {}, created: this.state.now() });
    }
    return need(this.state.accounts.get(id), "account");
  }

  accountLink(form: FormObject) {
    const account = this.account(text(form.account) ?? "");
    const returnUrl = text(form.return_url) ?? "";
    const refreshUrl = text(form.refresh_url) ?? returnUrl;
    const query = new URLSearchParams({ return_url: returnUrl, refresh_url: refreshUrl });
    return { object: "account_link", url: `${this.publicUrl()}/connect/${account.id}?${query}`, created: this.state.now(), expires_at: this.state.now() + 300 };
  }

  /** The shopkeeper finishes Stripe's hosted onboarding. */
  completeOnboarding(id: string): Account {
    const account = this.account(id);
    Object.assign(account, { charges_enabled: true, payouts_enabled: true, details_submitted: true, requirements: { currently_due: [], disabled_reason: null } });
    this.emit("account.updated", account);
    return account;
  }

  /** Sessions past expires_at expire, authorizations past capture_before are cancelled (as Stripe does). */
  sweep(): void {
    for (const session of this.state.sessions.values()) this.expireIfDue(session);
    for (const intent of this.state.intents.values()) this.cancelIfPastDeadline(intent);
  }

  private expireIfDue(session: Session): void {
    if (session.status === "open" && this.state.now() >= session.expires_at) this.expire(session);
  }

  private expire(session: Session): void {
    session.status = "expired";
    this.emit("checkout.session.expired", session);
  }

  private cancelIfPastDeadline(intent: PaymentIntent): void {
    if (intent.status !== "requires_capture") return;
    const charge = this.state.charges.get(intent.latest_charge ?? "");
    if (charge && this.state.now() > charge.payment_method_details.card.capture_before) this.cancel(intent, "automatic");
  }
}
