import type { PrismaClient } from "@/generated/prisma/client";
import type { StripeAccountStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import type { Tx } from "@/lib/db/client";
import type { AccountState, PaymentGateway } from "./gateway";

export function accountStatus(account: AccountState): StripeAccountStatus {
  if (account.chargesEnabled && account.payoutsEnabled) return "ACTIVE";
  return account.detailsSubmitted ? "PENDING" : "DETAILS_MISSING";
}

/**
 * The owner connects the shop to online payment: a Stripe Express account (created
 * once per shop) and the link to Stripe's own onboarding pages.
 */
export async function startShopPaymentsOnboarding(db: PrismaClient, gateway: PaymentGateway, request: { actor: Actor; shopId: string; returnUrl: string }): Promise<string> {
  const owner = requireShopMember(request.actor, request.shopId, { role: "OWNER" });
  const shop = await db.shop.findUniqueOrThrow({ where: { id: request.shopId }, select: { stripeAccountId: true, email: true } });
  let accountId = shop.stripeAccountId;
  if (!accountId) {
    const account = await gateway.createAccount({ email: shop.email ?? owner.email, shopId: request.shopId, idempotencyKey: `account:${request.shopId}` });
    await db.shop.updateMany({ where: { id: request.shopId, stripeAccountId: null }, data: { stripeAccountId: account.id, stripeStatus: accountStatus(account) } });
    accountId = (await db.shop.findUniqueOrThrow({ where: { id: request.shopId }, select: { stripeAccountId: true } })).stripeAccountId ?? account.id;
  }
  return gateway.createAccountLink({ accountId, returnUrl: request.returnUrl, refreshUrl: request.returnUrl });
}

/**
 * A shop's account status as Stripe has it now. A shop that can no longer take
 * payments falls back to pay at pickup for new orders.
 */
export async function refreshShopAccount(db: PrismaClient | Tx, gateway: PaymentGateway, accountId: string): Promise<StripeAccountStatus | null> {
  const shop = await db.shop.findUnique({ where: { stripeAccountId: accountId }, select: { id: true, paymentMethods: true } });
  if (!shop) return null;
  const status = accountStatus(await gateway.getAccount(accountId));
  const paymentMethods = status === "ACTIVE" ? shop.paymentMethods : shop.paymentMethods.filter((m) => m !== "ONLINE");
  await db.shop.update({ where: { id: shop.id }, data: { stripeStatus: status, paymentMethods: paymentMethods.length ? paymentMethods : ["PAY_AT_PICKUP"] } });
  return status;
}

/** What the dashboard's payments page shows. */
export async function getShopPayments(db: PrismaClient, request: { actor: Actor; shopId: string }) {
  const member = requireShopMember(request.actor, request.shopId);
  const shop = await db.shop.findUniqueOrThrow({ where: { id: request.shopId }, select: { stripeAccountId: true, stripeStatus: true, paymentMethods: true, noShowFeeCents: true } });
  const movements = await db.payment.findMany({
    where: { order: { shopId: request.shopId } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, kind: true, amountCents: true, status: true, providerId: true, error: true, createdAt: true, order: { select: { id: true, reference: true } } },
  });
  // Chargebacks on payments that include this shop's orders (issue #24): shown with the shop's orders they hold.
  const disputes = await db.paymentDispute.findMany({
    where: { checkout: { orders: { some: { shopId: request.shopId } } } },
    orderBy: { openedAt: "desc" },
    take: 20,
    select: { id: true, amountCents: true, reason: true, status: true, openedAt: true, closedAt: true, checkout: { select: { orders: { where: { shopId: request.shopId }, select: { id: true, reference: true } } } } },
  });
  return { ...shop, canEdit: member.shopRole === "OWNER", movements, disputes: disputes.map(({ checkout, ...d }) => ({ ...d, orders: checkout.orders })) };
}

/** The owner sets the fee kept from an online-paid no-show (empty = the customer is fully refunded). */
export async function setNoShowFee(db: PrismaClient, request: { actor: Actor; shopId: string; feeCents: number | null }): Promise<void> {
  requireShopMember(request.actor, request.shopId, { role: "OWNER" });
  await db.shop.update({ where: { id: request.shopId }, data: { noShowFeeCents: request.feeCents } });
}
