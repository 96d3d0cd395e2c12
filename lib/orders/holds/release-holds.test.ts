import { describe, expect, it, vi } from "vitest";
import type { Tx } from "@/lib/db/client";

vi.mock("@/lib/vouchers/settle", () => ({ releaseVoucherUses: vi.fn(async () => undefined) }));
const { releaseHoldsOfOrders } = await import("./release-holds");

/** The statements a release sends, in order: which table, which row. */
function recordingTx() {
  const sent: string[] = [];
  const tx = {
    $executeRaw: async (sql: TemplateStringsArray, ...values: unknown[]) => {
      const table = /UPDATE "(\w+)"/.exec(sql.join("?"))?.[1] ?? "?";
      sent.push(`${table}:${table === "Product" ? String(values[1]) : `${String(values[0])}|${String(values[1])}`}`);
      return 1;
    },
  };
  return { tx: tx as unknown as Tx, sent };
}

const order = (id: string, shopId: string, pickupPointId: string, productIds: string[]) => ({ id, shopId, pickupPointId, slotStartsAt: new Date("2026-12-01T09:00:00Z"), lines: productIds.map((productId) => ({ productId, quantity: 1, deliveredQuantity: null })) });

describe("releasing a checkout's holds", () => {
  it("takes every product by id before any slot counter, as placing does (no deadlock with a checkout being placed)", async () => {
    const { tx, sent } = recordingTx();
    await releaseHoldsOfOrders(tx, [order("o1", "shop-b", "door-b", ["p3", "p1"]), order("o2", "shop-a", "door-a", ["p2"])], { now: new Date("2026-06-15T10:00:00Z") });
    expect(sent.slice(0, 3)).toEqual(["Product:p1", "Product:p2", "Product:p3"]);
    expect(sent.slice(3, 5)).toEqual(["SlotCounter:shop-a|door-a", "SlotCounter:shop-b|door-b"]);
    expect(sent.slice(5).every((statement) => statement.startsWith("RelayPointSlotCounter:"))).toBe(true);
  });
});
