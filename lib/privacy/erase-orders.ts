import type { Tx } from "@/lib/db/client";
import { ERASED_CUSTOMER } from "./scope";

/**
 * Erases who ordered from orders, keeping what accounting law requires (reference,
 * shop, date, lines, amounts, VAT, payment, vouchers, the commune delivered to): name, email, phone, the
 * delivery address and instructions, the free note and the cancellation reason go, and so do the emails sent about them (their text repeats name and address).
 */
export async function eraseOrderContacts(tx: Tx, orderIds: string[], reason: keyof typeof ERASED_CUSTOMER, now: Date): Promise<number> {
  if (orderIds.length === 0) return 0;
  const { count } = await tx.order.updateMany({
    where: { id: { in: orderIds }, anonymizedAt: null },
    data: {
      contactName: ERASED_CUSTOMER[reason], contactEmail: null, contactPhone: null, note: "", cancelReason: null, customerId: null, anonymizedAt: now,
      // A delivered order keeps its commune (the town's figures count deliveries per commune), not the street.
      deliveryAddress: null, deliveryInstructions: "",
    },
  });
  // The town's vouchers counted the person by keyed email and phone: the amounts stay, who it was goes.
  await tx.voucherUse.updateMany({ where: { orderId: { in: orderIds } }, data: { emailKey: null, phoneKey: null } });
  await tx.orderEvent.updateMany({ where: { orderId: { in: orderIds }, note: { not: "" } }, data: { note: "" } });
  await tx.outgoingEmail.deleteMany({ where: { orderId: { in: orderIds } } });
  return count;
}
