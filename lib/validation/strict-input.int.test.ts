import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { addToCart, setCartQuantity } from "@/lib/cart/change-cart";
import { createProduct, setStock } from "@/lib/catalog/manage-products";
import { inviteStaff } from "@/lib/shops/invitations";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory, guestOwner } from "@/tests/helpers/fixtures";

/** Lax parsing that used to write something: each case must be refused and change nothing. */
const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let shopId: string;
let owner: Actor;

beforeAll(async () => {
  place = await createTerritory(db);
  shopId = (await createShop(db, place)).shop.id;
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.shopMember.create({ data: { shopId, userId: user.id, role: "OWNER" } });
  owner = await loadActor(db, user.id);
});

describe("strict input", () => {
  it("a blank quick-stock field keeps an unlimited product unlimited instead of selling it out", async () => {
    const product = await db.product.create({ data: { shopId, name: "Gâteau sur commande", priceCents: 3000, stock: null } });
    await setStock(db, { actor: owner, shopId, input: { productId: product.id, stock: "" } });
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBeNull();
    await setStock(db, { actor: owner, shopId, input: { productId: product.id, stock: "12" } });
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(12);
    for (const bad of ["0x10", "1e3", "-1", "1.5", "12abc"]) {
      await expect(setStock(db, { actor: owner, shopId, input: { productId: product.id, stock: bad } }), bad).rejects.toThrow(/stockInvalid/);
    }
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(12);
  });

  it("a new product with a blank stock is refused unless marked unlimited", async () => {
    const input = { name: "Tarte", price: "12,50", vatRateBp: "550", unit: "pièce", stock: "" };
    await expect(createProduct(db, { actor: owner, shopId, input })).rejects.toThrow(/stockRequired/);
    expect(await db.product.count({ where: { shopId, name: "Tarte" } })).toBe(0);
    await createProduct(db, { actor: owner, shopId, input: { ...input, unlimited: "on" } });
    expect((await db.product.findFirstOrThrow({ where: { shopId, name: "Tarte" } })).stock).toBeNull();
  });

  it("a quantity such as 0x10 adds nothing to the cart", async () => {
    const product = await db.product.create({ data: { shopId, name: "Pain", priceCents: 200, stock: 100 } });
    const guest = guestOwner();
    for (const quantity of ["0x10", "1e1", "", " ", "2.5", "+3"]) {
      await expect(addToCart(db, guest, place.territory.id, { productId: product.id, quantity }), quantity).rejects.toThrow();
    }
    expect(await db.cartLine.count({ where: { productId: product.id } })).toBe(0);
    await addToCart(db, guest, place.territory.id, { productId: product.id, quantity: "2" });
    await expect(setCartQuantity(db, guest, place.territory.id, { productId: product.id, quantity: "0x10" })).rejects.toThrow();
    expect((await db.cartLine.findFirstOrThrow({ where: { productId: product.id } })).quantity).toBe(2);
  });

  it("a 1 MB email address creates no invitation", async () => {
    const huge = `${"a".repeat(1024 * 1024)}@example.fr`;
    await expect(inviteStaff(db, { actor: owner, shopId, input: { email: huge } })).rejects.toThrow(/emailInvalid/);
    await expect(inviteStaff(db, { actor: owner, shopId, input: { email: `${"b".repeat(250)}@x.fr` } })).rejects.toThrow(/emailInvalid/);
    expect(await db.invitation.count({ where: { shopId } })).toBe(0);
  });
});
