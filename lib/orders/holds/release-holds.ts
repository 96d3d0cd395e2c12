import type { Tx } from "@/lib/db/client";
import { releaseVoucherUses } from "@/lib/vouchers/settle";

type HeldOrder = {
  id: string;
  shopId: string;
  pickupPointId: string;
  slotStartsAt: Date;
  /** What is on the shelf for it: a line short or missing holds only what is handed over (issue #24) */
  lines: { productId: string; quantity: number; deliveredQuantity: number | null }[];
};

/** `now`: when the vouchers are given back (the caller's clock) */
type ReleaseOptions = { now: Date; restock?: boolean; vouchers?: boolean };

/**
 * Gives back what an order held: its products' stock (limited stock only), its
 * place in the slot and at the relay point, and the town's vouchers it used. With `restock: false` (a no-show
 * of goods that cannot go back on the shelf) only the places are given back.
 */
export async function releaseHolds(tx: Tx, order: HeldOrder, options: ReleaseOptions): Promise<void> {
  await releaseHoldsOfOrders(tx, [order], options);
}

/**
 * The same for several orders (a checkout whose payment never came), in the lock order of placing: every
 * product by id, then every slot counter, then the relay points' — never one order's product after another
 * order's slot, which a checkout being placed at the same moment could hold while waiting for that product.
 */
export async function releaseHoldsOfOrders(tx: Tx, orders: HeldOrder[], options: ReleaseOptions): Promise<void> {
  const lines = options.restock === false ? [] : orders.flatMap((order) => order.lines).sort((a, b) => (a.productId < b.productId ? -1 : 1));
  for (const line of lines) {
    await tx.$executeRaw`UPDATE "Product" SET "stock" = "stock" + ${line.deliveredQuantity ?? line.quantity}, "updatedAt" = now() WHERE "id" = ${line.productId} AND "stock" IS NOT NULL`;
  }
  const bySlot = [...orders].sort((a, b) => `${a.shopId}|${a.pickupPointId}`.localeCompare(`${b.shopId}|${b.pickupPointId}`));
  for (const order of bySlot) {
    await tx.$executeRaw`
      UPDATE "SlotCounter" SET "booked" = "booked" - 1
      WHERE "shopId" = ${order.shopId} AND "pickupPointId" = ${order.pickupPointId} AND "startsAt" = ${order.slotStartsAt} AND "booked" > 0`;
  }
  for (const order of [...orders].sort((a, b) => a.pickupPointId.localeCompare(b.pickupPointId))) {
    await tx.$executeRaw`
      UPDATE "RelayPointSlotCounter" SET "booked" = "booked" - 1
      WHERE "pickupPointId" = ${order.pickupPointId} AND "startsAt" = ${order.slotStartsAt} AND "booked" > 0`;
  }
  // The vouchers last (the campaign's row after stock and slots, as when placing).
  if (options.vouchers !== false) await releaseVoucherUses(tx, orders.map((order) => order.id), options.now);
}
