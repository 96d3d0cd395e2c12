import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { createProduct, getShopProduct, listShopProducts, setArchived, setAvailability, setStock, updateProduct } from "./manage-products";

const db = testDb();
let shopA: string;
let shopB: string;
let staffA: Actor;
let ownerB: Actor;

async function member(shopId: string, role: "OWNER" | "STAFF"): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.shopMember.create({ data: { shopId, userId: user.id, role } });
  return loadActor(db, user.id);
}

const valid = { name: "Tarte aux pommes", description: "Six parts", section: "Pâtisseries", sku: "TARTE-1", price: "18,50", vatRateBp: "550", unit: "pièce", unlimited: "", stock: "4", lowStockAlert: "2" };

beforeAll(async () => {
  const place = await createTerritory(db);
  shopA = (await createShop(db, place)).shop.id;
  shopB = (await createShop(db, place)).shop.id;
  staffA = await member(shopA, "STAFF");
  ownerB = await member(shopB, "OWNER");
});

describe("catalog management", () => {
  it("creates a product from form input, with the price in cents and the stock", async () => {
    const { id } = await createProduct(db, { actor: staffA, shopId: shopA, input: valid });
    expect(await db.product.findUniqueOrThrow({ where: { id } })).toMatchObject({ priceCents: 1850, vatRateBp: 550, stock: 4, lowStockAlert: 2, sku: "TARTE-1", active: true });
    const { id: unlimited } = await createProduct(db, { actor: staffA, shopId: shopA, input: { ...valid, sku: "", name: "Gâteau sur commande", unlimited: "on", stock: "" } });
    expect((await db.product.findUniqueOrThrow({ where: { id: unlimited } })).stock).toBeNull();
  });

  it("explains bad input field by field and writes nothing", async () => {
    const before = await db.product.count();
    for (const [field, value, message] of [["price", "12,505", "priceInvalid"], ["price", "-3", "priceInvalid"], ["vatRateBp", "1900", "vatInvalid"], ["name", "x", "nameRequired"], ["stock", "-1", "stockInvalid"]] as const) {
      await expect(createProduct(db, { actor: staffA, shopId: shopA, input: { ...valid, sku: "", [field]: value } })).rejects.toThrow(message);
    }
    await expect(createProduct(db, { actor: staffA, shopId: shopA, input: valid })).rejects.toMatchObject({ details: { reason: "skuTaken" } });
    expect(await db.product.count()).toBe(before);
  });

  it("edits, restocks, switches availability in bulk, archives, and lists with filters", async () => {
    const { id } = await createProduct(db, { actor: staffA, shopId: shopA, input: { ...valid, sku: "ECLAIR", name: "Éclair", stock: "10" } });
    await updateProduct(db, { actor: staffA, shopId: shopA, productId: id, input: { ...valid, sku: "ECLAIR", name: "Éclair au café", price: "3,20", stock: "1" } });
    expect(await getShopProduct(db, { actor: staffA, shopId: shopA, productId: id })).toMatchObject({ name: "Éclair au café", priceCents: 320, stock: 1 });
    expect((await listShopProducts(db, { actor: staffA, shopId: shopA, filters: { show: "low" } })).products.map((p) => p.id)).toContain(id);
    await setStock(db, { actor: staffA, shopId: shopA, input: { productId: id, stock: "12" } });
    expect((await listShopProducts(db, { actor: staffA, shopId: shopA, filters: { show: "low" } })).products.map((p) => p.id)).not.toContain(id);
    expect(await setAvailability(db, { actor: staffA, shopId: shopA, input: { productIds: [id], active: false } })).toBe(1);
    expect((await listShopProducts(db, { actor: staffA, shopId: shopA, filters: { show: "unavailable", q: "éclair" } })).products.map((p) => p.id)).toEqual([id]);
    await setArchived(db, { actor: staffA, shopId: shopA, productId: id, archived: true });
    expect((await listShopProducts(db, { actor: staffA, shopId: shopA })).products.map((p) => p.id)).not.toContain(id);
    expect((await listShopProducts(db, { actor: staffA, shopId: shopA, filters: { show: "archived" } })).products.map((p) => p.id)).toContain(id);
  });

  it("keeps every action inside the actor's shop", async () => {
    const { id } = await createProduct(db, { actor: staffA, shopId: shopA, input: { ...valid, sku: "MINE", stock: "5" } });
    await expect(createProduct(db, { actor: ownerB, shopId: shopA, input: { ...valid, sku: "X" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateProduct(db, { actor: ownerB, shopId: shopB, productId: id, input: { ...valid, sku: "X" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setStock(db, { actor: ownerB, shopId: shopB, input: { productId: id, stock: "0" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setArchived(db, { actor: ownerB, shopId: shopB, productId: id, archived: true })).rejects.toBeInstanceOf(NotFoundError);
    expect(await setAvailability(db, { actor: ownerB, shopId: shopB, input: { productIds: [id], active: false } })).toBe(0);
    await expect(listShopProducts(db, { actor: ownerB, shopId: shopA })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getShopProduct(db, { actor: ownerB, shopId: shopB, productId: id })).toBeNull();
    expect(await db.product.findUniqueOrThrow({ where: { id } })).toMatchObject({ stock: 5, active: true, archivedAt: null });
  });
});
