import type { PrismaClient } from "@/generated/prisma/client";
import type { PaymentKind } from "@/generated/prisma/enums";

export type Movement = { checkoutId: string; orderId?: string | null; kind: PaymentKind; amountCents: number; idempotencyKey: string };

/**
 * Moves money once. The ledger row is written first under the idempotency key sent
 * to the provider; the provider call uses the amount recorded the first time, so a
 * retry (after a 500, a timeout, a crash) repeats the same request and the provider
 * answers with the same movement. A movement already recorded as succeeded is not
 * asked for again.
 */
export async function moveMoneyOnce(db: PrismaClient, movement: Movement, call: (amountCents: number) => Promise<string>): Promise<{ providerId: string | null; amountCents: number; done: boolean }> {
  const row = await db.payment.upsert({
    where: { idempotencyKey: movement.idempotencyKey },
    create: { checkoutId: movement.checkoutId, orderId: movement.orderId ?? null, kind: movement.kind, amountCents: movement.amountCents, idempotencyKey: movement.idempotencyKey },
    update: {},
  });
  if (row.status === "SUCCEEDED") return { providerId: row.providerId, amountCents: row.amountCents, done: false };
  let providerId: string;
  try {
    providerId = await call(row.amountCents);
  } catch (error) {
    await db.payment.update({ where: { idempotencyKey: movement.idempotencyKey }, data: { error: (error instanceof Error ? error.message : String(error)).slice(0, 1000) } });
    throw error;
  }
  await db.payment.update({ where: { idempotencyKey: movement.idempotencyKey }, data: { status: "SUCCEEDED", providerId, error: null } });
  return { providerId, amountCents: row.amountCents, done: true };
}
