import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { addToCart } from "@/lib/cart/change-cart";
import { CART_COOKIE } from "@/lib/cart/cart-count";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import type { AppServer } from "@/tests/helpers/app-server";
import { openEveryDay } from "@/tests/helpers/fixtures";
import { HttpClient } from "@/tests/helpers/http-client";
import { actionFormBody, checkoutNext, listServerActions } from "@/tests/fuzz/next-actions";

/** The chaos test's customers, shops and checks (tests/chaos/chaos.test.ts). */
export type Shop = { id: string; slug: string; doorId: string; territoryId: string };

const actionIds = new Map<string, string>();
/** A server action's id in the last build, the manifest read once per action (a load run posts thousands). */
const actionId = (name: string) => {
  const known = actionIds.get(name);
  if (known) return known;
  const action = listServerActions().find((entry) => entry.name === name);
  if (!action) throw new Error(`no server action ${name} in the build (run next build first)`);
  actionIds.set(name, action.id);
  return action.id;
};

/** A shop of the demo town with its door open all week, `capacity` orders per slot. */
export async function chaosShop(db: PrismaClient, capacity: number): Promise<Shop> {
  const territory = await db.territory.findUniqueOrThrow({ where: { slug: "grand-poitiers" }, include: { categories: { take: 1 }, communes: { take: 1 } } });
  const slug = `chaos-${randomUUID().slice(0, 8)}`;
  const shop = await db.shop.create({
    data: { territoryId: territory.id, categoryId: territory.categories[0]?.id ?? "", communeId: territory.communes[0]?.id ?? "", slug, name: `Chaos ${slug}`, status: "ACTIVE", publishedAt: new Date(), addressLine: "1 rue du Test", postalCode: "86000", city: "Poitiers", latitude: 46.58, longitude: 0.34 },
  });
  const door = await db.pickupPoint.create({ data: { territoryId: territory.id, kind: "SHOP_DOOR", shopId: shop.id, name: shop.name, addressLine: "1 rue du Test", postalCode: "86000", city: "Poitiers", latitude: 46.58, longitude: 0.34 } });
  await openEveryDay(db, shop.id, door.id, { capacityPerSlot: capacity });
  return { id: shop.id, slug, doorId: door.id, territoryId: territory.id };
}

/** A chaos shop that also delivers to one commune of the town, `capacity` deliveries per slot (issue #15). */
export async function chaosDeliveryShop(db: PrismaClient, capacity: number): Promise<Shop & { delivery: Delivery }> {
  const shop = await chaosShop(db, 1000);
  const commune = await db.commune.findFirstOrThrow({ where: { territoryId: shop.territoryId }, orderBy: { name: "asc" } });
  const point = await db.pickupPoint.create({ data: { territoryId: shop.territoryId, kind: "DELIVERY", deliveryShopId: shop.id, name: "Livraison à domicile", addressLine: "1 rue du Test", postalCode: "86000", city: "Poitiers", latitude: 46.58, longitude: 0.34 } });
  await db.deliveryZone.create({ data: { shopId: shop.id, communeId: commune.id, feeCents: 350 } });
  await openEveryDay(db, shop.id, point.id, { capacityPerSlot: capacity });
  return { ...shop, delivery: { pointId: point.id, communeId: commune.id, addressLine: "7 rue de la Course" } };
}

/** Delivery instead of the door: the shop's delivery point and the address posted with the checkout. */
export type Delivery = { pointId: string; communeId: string; addressLine: string };

export async function laterSlot(db: PrismaClient, shop: Shop, index = 2, pickupPointId = shop.doorId): Promise<string> {
  const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId });
  const slot = slots[index] ?? slots.at(-1);
  if (!slot) throw new Error("no slot");
  return slot.startsAt.toISOString();
}

/** A guest with `productId` in their basket (put there directly: the race is the checkout). */
export async function guest(db: PrismaClient, shop: Shop, productId: string): Promise<string> {
  const token = `chaos-${randomUUID()}${randomUUID()}`.replaceAll("-", "");
  await addToCart(db, { guestToken: token }, shop.territoryId, { productId, quantity: 1 });
  return token;
}

/** Each guest their own phone: the town's top-up counts a person by email or phone. */
const phoneOf = (token: string) => `06${String(parseInt(createHash("sha256").update(token).digest("hex").slice(0, 12), 16) % 100_000_000).padStart(8, "0")}`;

export type Answer = { ok: boolean; checkoutId: string | null; error: string | null; problems: string[]; status: number };

/** The checkout as the browser posts it, on one instance; never throws (a dropped connection is an answer too). */
export async function checkout(app: Pick<AppServer, "url">, token: string, shop: Shop, slot: string, key = randomUUID(), delivery?: Delivery): Promise<Answer> {
  const client = new HttpClient(app.url, { origin: app.url });
  client.setCookie(CART_COOKIE, token);
  try {
    const response = await client.fetch("/commande", {
      method: "POST",
      headers: { "next-action": actionId("placeOrdersAction") },
      body: actionFormBody([
        ["idempotencyKey", key], ["name", "Client Chaos"], ["email", `chaos-${token.slice(-12)}@example.fr`], ["phone", phoneOf(token)], ["shopId", shop.id],
        [`shop.${shop.id}.pickupPointId`, delivery?.pointId ?? shop.doorId], [`shop.${shop.id}.slotStartsAt`, slot], [`shop.${shop.id}.paymentMethod`, "PAY_AT_PICKUP"],
        ...(delivery ? ([["delivery.communeId", delivery.communeId], ["delivery.addressLine", delivery.addressLine]] as [string, string][]) : []),
      ]),
    });
    const body = await response.text();
    const next = checkoutNext(body);
    return {
      ok: next.includes("/commandes/confirmation/"),
      checkoutId: /\/commandes\/confirmation\/([^?"]+)/.exec(next)?.[1] ?? null,
      error: /"error":"([^"]+)"/.exec(body)?.[1] ?? null,
      problems: [...body.matchAll(/"kind":"(\w+)"/g)].map((match) => match[1] ?? ""),
      status: response.status,
    };
  } catch (error) {
    return { ok: false, checkoutId: null, error: `network: ${(error as Error).message}`, problems: [], status: 0 };
  }
}

/** Every committed order of the shop has its confirmation in the outbox. */
export async function missingEmails(db: PrismaClient, shopId: string): Promise<number> {
  const orders = await db.order.findMany({ where: { shopId }, select: { id: true, _count: { select: { emails: { where: { kind: "order-confirmed" } } } } } });
  return orders.filter((order) => order._count.emails === 0).length;
}

/** Stock taken equals what live orders hold; a negative stock is an oversell too. */
export async function stockMismatch(db: PrismaClient, productId: string, initial: number): Promise<number> {
  const product = await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } });
  const ordered = await db.orderLine.aggregate({ where: { productId, order: { status: { not: "CANCELLED" } } }, _sum: { quantity: true } });
  return initial - (product.stock ?? 0) !== (ordered._sum.quantity ?? 0) || (product.stock ?? 0) < 0 ? 1 : 0;
}

/**
 * Customers ordering `lanes` at a time, each pressing again with the same key
 * until confirmed (as a person would, or a balancer retrying a refused
 * connection): `instance(index, attempt)` picks the server. Answers that are
 * errors (not a cut connection) are reported to `onError`.
 */
export async function orderWithRetries(options: {
  guests: string[];
  lanes: number;
  attempts: number;
  pauseMs: number;
  shop: Shop;
  slot: string;
  instance: (index: number, attempt: number) => AppServer;
  onConfirmed: (checkoutId: string) => void;
  onError?: (answer: Answer) => void;
  /** How many customers have started, for scenarios that wait on it */
  started?: { count: number };
}): Promise<void> {
  const started = options.started ?? { count: 0 };
  const lane = async () => {
    while (started.count < options.guests.length) {
      const index = started.count++;
      const key = randomUUID();
      for (let attempt = 0; attempt < options.attempts; attempt++) {
        const answer = await checkout(options.instance(index, attempt), options.guests[index] ?? "", options.shop, options.slot, key);
        if (answer.ok && answer.checkoutId) {
          options.onConfirmed(answer.checkoutId);
          break;
        }
        if (answer.status !== 0) options.onError?.(answer);
        await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      }
    }
  };
  await Promise.all(Array.from({ length: options.lanes }, lane));
}
