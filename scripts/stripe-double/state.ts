import { randomBytes } from "node:crypto";

/**
 * The state of the local Stripe double: the few Stripe objects Comptoir uses,
 * shaped like the API's (only the fields Comptoir reads), kept in memory.
 */
export type Session = {
  id: string;
  object: "checkout.session";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  url: string;
  expires_at: number;
  created: number;
  amount_total: number;
  currency: string;
  customer_email: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string;
  payment_intent: string | null;
  livemode: false;
  /** Not in Stripe's object: what the hosted page shows and the PaymentIntent gets */
  lines: { name: string; amount: number; quantity: number }[];
  intentData: { transfer_group: string | null; metadata: Record<string, string> };
};

export type Charge = {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  refunded: boolean;
  payment_intent: string;
  transfer_group: string | null;
  payment_method_details: { type: "card"; card: { brand: string; last4: string; capture_before: number } };
};

export type PaymentIntent = {
  id: string;
  object: "payment_intent";
  status: "requires_payment_method" | "requires_capture" | "succeeded" | "canceled";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  capture_method: "manual";
  latest_charge: string | null;
  transfer_group: string | null;
  metadata: Record<string, string>;
  canceled_at: number | null;
  cancellation_reason: string | null;
  created: number;
  livemode: false;
};

export type Refund = { id: string; object: "refund"; amount: number; charge: string; payment_intent: string; status: "succeeded"; metadata: Record<string, string>; created: number };
export type Transfer = {
  id: string;
  object: "transfer";
  amount: number;
  amount_reversed: number;
  currency: string;
  destination: string;
  source_transaction: string | null;
  transfer_group: string | null;
  reversed: boolean;
  metadata: Record<string, string>;
  created: number;
};
export type Reversal = { id: string; object: "transfer_reversal"; amount: number; transfer: string; created: number };
export type Account = {
  id: string;
  object: "account";
  type: "express";
  email: string | null;
  country: string;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  requirements: { currently_due: string[]; disabled_reason: string | null };
  metadata: Record<string, string>;
  created: number;
};

/** A chargeback the cardholder's bank opened (Stripe moves the amount out of the balance until it is settled) */
export type Dispute = { id: string; object: "dispute"; amount: number; charge: string; payment_intent: string; reason: string; status: "needs_response" | "under_review" | "won" | "lost"; created: number };
export type StripeObject = Session | Charge | PaymentIntent | Refund | Transfer | Reversal | Account | Dispute;

export const newId = (prefix: string) => `${prefix}_double_${randomBytes(12).toString("base64url")}`;

export class DoubleState {
  sessions = new Map<string, Session>();
  intents = new Map<string, PaymentIntent>();
  charges = new Map<string, Charge>();
  refunds = new Map<string, Refund>();
  transfers = new Map<string, Transfer>();
  reversals = new Map<string, Reversal>();
  accounts = new Map<string, Account>();
  disputes = new Map<string, Dispute>();
  /** Seconds added to the real clock (tests move time forward) */
  clockOffset = 0;

  now(): number {
    return Math.floor(Date.now() / 1000) + this.clockOffset;
  }

  find(id: string): StripeObject | undefined {
    return this.sessions.get(id) ?? this.intents.get(id) ?? this.charges.get(id) ?? this.refunds.get(id) ?? this.transfers.get(id) ?? this.accounts.get(id);
  }
}

export class StripeError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type = "invalid_request_error",
    readonly code?: string,
  ) {
    super(message);
  }

  body() {
    return { error: { type: this.type, message: this.message, ...(this.code ? { code: this.code } : {}) } };
  }
}
