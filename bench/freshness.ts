import type { PrismaClient } from "@/generated/prisma/client";
import { placeOrder, prepareCustomers } from "./orders-http";
import { percentile } from "./stats";

type Shop = { id: string; slug: string; doorId: string };

const SAMPLES = 20;
const GIVE_UP_MS = 10_000;

/**
 * How long after an order its product page shows the new stock ("Plus que N"),
 * measured `SAMPLES` times while other customers keep ordering in the background.
 */
export async function measureFreshness(db: PrismaClient, baseUrl: string, shop: Shop, productId: string, otherProducts: string[]): Promise<{ p99: number; samples: number[] }> {
  const buyers = await prepareCustomers(db, baseUrl, shop, [productId], SAMPLES);
  let running = true;
  const background = Array.from({ length: 4 }, async (_, worker) => {
    for (let round = 0; running; round++) {
      const [customer] = await prepareCustomers(db, baseUrl, shop, [otherProducts[(worker * 31 + round) % otherProducts.length] ?? productId], 1);
      if (customer) await placeOrder(customer, shop);
    }
  });
  const samples: number[] = [];
  try {
    for (const buyer of buyers) {
      const { stock } = await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } });
      if (!(await placeOrder(buyer, shop))) throw new Error("a freshness order was refused");
      const expected = `Plus que ${(stock ?? 0) - 1}<`;
      const t0 = performance.now();
      for (;;) {
        const html = await (await fetch(`${baseUrl}/boutiques/${shop.slug}/produits/${productId}`)).text();
        const elapsed = performance.now() - t0;
        if (html.includes(expected) || elapsed > GIVE_UP_MS) {
          samples.push(elapsed);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  } finally {
    running = false;
    await Promise.all(background);
  }
  return { p99: percentile([...samples].sort((a, b) => a - b), 99), samples };
}
