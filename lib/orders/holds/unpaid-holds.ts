import type { PrismaClient } from "@/generated/prisma/client";
import { transition } from "../lifecycle/transition";

/**
 * An unpaid order (AWAITING_PAYMENT) holds stock and a slot place until its hold
 * expires. Two things can end the wait — the payment arriving, or the hold running
 * out — and both are conditional updates on the status: whichever commits first
 * wins, the other changes nothing (lib/payments/settle-session.ts confirms; the
 * queue calls releaseExpiredHold). A released order's payment page is closed too.
 */
export async function releaseExpiredHold(db: PrismaClient, request: { orderId: string; now: Date }): Promise<boolean> {
  return db.$transaction((tx) =>
    transition(tx, "holdExpired", { orderId: request.orderId, where: { holdExpiresAt: { lte: request.now } }, reason: "Paiement non reçu à temps", note: "paiement non reçu à temps (automatique)" }, request.now),
  );
}
