import type { PrismaClient } from "@/generated/prisma/client";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/accounts";
import type { Shop } from "@/tests/chaos/harness";
import { HttpClient } from "@/tests/helpers/http-client";

/** The two demo shops with a shopkeeper account: customers order there, their owners serve the orders (bench/soak.ts). */
const SOAK_SHOPS = [
  { slug: "boulangerie-du-marche", owner: DEMO_ACCOUNTS.boulangerie.email },
  { slug: "fromagerie-des-halles", owner: DEMO_ACCOUNTS.fromagerie.email },
];
export const STOCK_FLOOR = 100;
export const RESTOCK = 500;

export type SoakShop = Shop & { products: string[]; slots: string[]; shopkeeper: HttpClient };

/** The soak's shops made ready: slots with room for every order, a finite stock, their owners signed in on the first instance. */
export async function prepareShops(db: PrismaClient, firstInstanceUrl: string): Promise<SoakShop[]> {
  const shops: SoakShop[] = [];
  for (const { slug, owner } of SOAK_SHOPS) {
    const row = await db.shop.findFirstOrThrow({ where: { slug }, include: { doorPoint: true } });
    if (!row.doorPoint) throw new Error(`${slug} has no door`);
    // Places enough for every order of the run, bookable from now on: slots are not what the soak measures.
    await db.pickupScheduleRule.updateMany({ where: { shopId: row.id }, data: { capacityPerSlot: 100_000, leadTimeMinutes: 0, sameDayCutoffMinute: null } });
    const products = await db.product.findMany({ where: { shopId: row.id, active: true, archivedAt: null, soldByWeight: false }, select: { id: true } });
    if (products.length === 0) throw new Error(`${slug} has no product sold by the piece`);
    // A finite stock, so orders take it and cancels give it back; the restocking loop keeps it above STOCK_FLOOR.
    await db.product.updateMany({ where: { id: { in: products.map((p) => p.id) } }, data: { stock: STOCK_FLOOR + RESTOCK } });
    const shopkeeper = new HttpClient(firstInstanceUrl, { origin: firstInstanceUrl });
    await shopkeeper.signInWithPassword(owner, DEMO_PASSWORD);
    if (!shopkeeper.sessionToken) throw new Error(`${owner} could not sign in`);
    shops.push({ id: row.id, slug, doorId: row.doorPoint.id, territoryId: row.territoryId, products: products.map((p) => p.id), slots: [], shopkeeper });
  }
  await refreshSlots(db, shops);
  return shops;
}

/** Slots from the third on (the first ones leave the schedule as time passes), read again every half minute. */
export async function refreshSlots(db: PrismaClient, shops: SoakShop[]): Promise<void> {
  for (const shop of shops) {
    const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: shop.doorId });
    if (slots.length < 3) throw new Error(`${shop.slug} has no slots`);
    shop.slots = slots.slice(2, 60).map((slot) => slot.startsAt.toISOString());
  }
}
