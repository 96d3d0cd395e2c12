import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { listAvailableSlots } from "@/lib/slots/available-slots";
import { HttpClient } from "@/tests/helpers/http-client";
import { actionFormBody, checkoutNext, listServerActions } from "@/tests/fuzz/next-actions";
import type { LoadResult } from "./load";
import { runPool } from "./stats";

type Shop = { id: string; slug: string; doorId: string };
export type Customer = { client: HttpClient; productId: string; slot: string };

const actionIds = new Map<string, string>();

/** The id of a server action in the last build, as the browser posts it in `next-action` (the manifest is read once per action). */
export function actionId(name: string): string {
  const known = actionIds.get(name);
  if (known) return known;
  const action = listServerActions().find((a) => a.name === name);
  if (!action) throw new Error(`No server action ${name} in the build`);
  actionIds.set(name, action.id);
  return action.id;
}

/**
 * Customers as browsers: each with its own cookies, one product in the basket
 * (added through the shop page's action), and a slot to book.
 */
export async function prepareCustomers(db: PrismaClient, baseUrl: string, shop: Shop, productIds: string[], count: number): Promise<Customer[]> {
  const slots = await listAvailableSlots(db, { shopId: shop.id, pickupPointId: shop.doorId });
  if (slots.length < 3) throw new Error("the benchmark shop has no slots");
  const add = actionId("addToCartAction");
  const customers: Customer[] = [];
  const run = await runPool(count, 16, async (index) => {
    const client = new HttpClient(baseUrl, { origin: baseUrl });
    const productId = productIds[index % productIds.length] ?? "";
    const response = await client.fetch(`/boutiques/${shop.slug}`, { method: "POST", headers: { "next-action": add }, body: actionFormBody([["productId", productId], ["quantity", "1"]]) });
    if (!(await response.text()).includes('"ok":true')) throw new Error("add to cart failed");
    customers[index] = { client, productId, slot: slots[2 + (index % (slots.length - 2))]?.startsAt.toISOString() ?? "" };
  });
  if (run.errors > 0) throw new Error(`${run.errors} customers could not fill their basket`);
  return customers;
}

/** Places one customer's order through the checkout page's server action, as the browser posts it. True when confirmed. */
export async function placeOrder(customer: Customer, shop: Shop): Promise<boolean> {
  const response = await customer.client.fetch("/commande", {
    method: "POST",
    headers: { "next-action": actionId("placeOrdersAction") },
    body: actionFormBody([
      ["idempotencyKey", randomUUID()], ["name", "Client Bench"], ["email", "bench@example.fr"], ["phone", "0612345678"], ["shopId", shop.id],
      [`shop.${shop.id}.pickupPointId`, shop.doorId], [`shop.${shop.id}.slotStartsAt`, customer.slot], [`shop.${shop.id}.paymentMethod`, "PAY_AT_PICKUP"],
    ]),
  });
  return checkoutNext(await response.text()).includes("/commandes/confirmation/");
}

/** Every prepared customer orders, `concurrency` at a time; the latency is the order request's alone. */
export async function ordersScenario(customers: Customer[], shop: Shop, concurrency: number): Promise<LoadResult> {
  let refused = 0;
  const run = await runPool(customers.length, concurrency, async (index) => {
    const customer = customers[index];
    if (!customer || !(await placeOrder(customer, shop))) refused++;
  });
  return { name: "orders-http", requests: run.latencies.length, elapsedMs: run.elapsedMs, latencies: run.latencies, errors: run.errors + refused, bytes: 0 };
}

/** Each product's stock now: taken before the run, compared after it. */
export async function stockSnapshot(db: PrismaClient, shopId: string): Promise<Map<string, number>> {
  const products = await db.product.findMany({ where: { shopId }, select: { id: true, stock: true } });
  return new Map(products.map((p) => [p.id, p.stock ?? 0]));
}

/** Stock taken must equal the quantities of live orders, product by product: anything else is an oversell (or a lost order). */
export async function oversellCount(db: PrismaClient, shopId: string, before: Map<string, number>): Promise<number> {
  const rows = await db.$queryRaw<{ id: string; stock: number; ordered: bigint }[]>`
    SELECT p."id", p."stock", coalesce(sum(l."quantity") FILTER (WHERE o."status" <> 'CANCELLED'), 0) AS "ordered"
    FROM "Product" p LEFT JOIN "OrderLine" l ON l."productId" = p."id" LEFT JOIN "Order" o ON o."id" = l."orderId"
    WHERE p."shopId" = ${shopId}
    GROUP BY p."id", p."stock"`;
  return rows.filter((row) => (before.get(row.id) ?? 0) - row.stock !== Number(row.ordered) || row.stock < 0).length;
}
