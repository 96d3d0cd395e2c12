import type { Tx } from "@/lib/db/client";
import { releaseVoucherUses } from "@/lib/vouchers/settle";

type HeldOrder = {
  id: string;
  shopId: string;
  pickupPointId: string;
  slotStartsAt: Date;
  lines: { productId: string; quantity: number }[];
};

/**
 * Gives back what an order held: its products' stock (limited stock only), its
 * place in the slot and at the relay point, and the town's vouchers it used. Locks follow the same order as
 * placing (products by id, then slot counters). With `restock: false` (a no-show
 * of goods that cannot go back on the shelf) only the places are given back.
 */
export async function releaseHolds(tx: Tx, order: HeldOrder, options: { restock?: boolean; vouchers?: boolean } = {}): Promise<void> {
  const lines = options.restock === false ? [] : [...order.lines].sort((a, b) => (a.productId < b.productId ? -1 : 1));
  for (const line of lines) {
    await tx.$executeRaw`UPDATE "Product" SET "stock" = "stock" + ${line.quantity}, "updatedAt" = now() WHERE "id" = ${line.productId} AND "stock" IS NOT NULL`;
  }
  await tx.$executeRaw`
    UPDATE "SlotCounter" SET "booked" = "booked" - 1
    WHERE "shopId" = ${order.shopId} AND "pickupPointId" = ${order.pickupPointId} AND "startsAt" = ${order.slotStartsAt} AND "booked" > 0`;
  await tx.$executeRaw`
    UPDATE "RelayPointSlotCounter" SET "booked" = "booked" - 1
    WHERE "pickupPointId" = ${order.pickupPointId} AND "startsAt" = ${order.slotStartsAt} AND "booked" > 0`;
  // Releasing several orders, the caller gives their vouchers back once, after all their stock and slots (lock order).
  if (options.vouchers !== false) await releaseVoucherUses(tx, order.id, new Date());
}
