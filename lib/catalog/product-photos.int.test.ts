import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { localMediaStore, type MediaStore } from "@/lib/storage/media-store";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { addProductPhoto, MAX_PHOTOS, removeProductPhoto } from "./product-photos";

const db = testDb();
let dir: string;
let store: MediaStore;
let shopId: string;
let productId: string;
let staff: Actor;
let stranger: Actor;

const photo = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#c84" } }).jpeg().toBuffer();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "comptoir-media-"));
  store = localMediaStore(dir);
  const place = await createTerritory(db);
  shopId = (await createShop(db, place)).shop.id;
  const other = (await createShop(db, place)).shop.id;
  productId = (await db.product.create({ data: { shopId, name: "Bouquet", priceCents: 3500 } })).id;
  for (const [shop, assign] of [[shopId, (a: Actor) => (staff = a)], [other, (a: Actor) => (stranger = a)]] as const) {
    const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
    await db.shopMember.create({ data: { shopId: shop, userId: user.id, role: "STAFF" } });
    assign(await loadActor(db, user.id));
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("product photos", () => {
  it("resizes a large phone photo to at most 1200 px in WebP and attaches it", async () => {
    const { key } = await addProductPhoto(db, store, { actor: staff, shopId, productId, bytes: await photo(4000, 3000) });
    const stored = await store.get(key);
    const meta = await sharp(stored ?? Buffer.alloc(0)).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 1200, height: 900 });
    expect((await db.product.findUniqueOrThrow({ where: { id: productId } })).photos).toEqual([key]);
    await removeProductPhoto(db, store, { actor: staff, shopId, productId, key });
    expect((await db.product.findUniqueOrThrow({ where: { id: productId } })).photos).toEqual([]);
    expect(await store.get(key), "a removed photo is no longer stored, so no longer served").toBeNull();
  });

  it("removes only the product's own photos: another product's key deletes nothing", async () => {
    const { key } = await addProductPhoto(db, store, { actor: staff, shopId, productId, bytes: await photo(300, 300) });
    const otherProduct = (await db.product.create({ data: { shopId, name: "Vase", priceCents: 1500 } })).id;
    await expect(removeProductPhoto(db, store, { actor: staff, shopId, productId: otherProduct, key })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeProductPhoto(db, store, { actor: stranger, shopId, productId, key })).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.get(key)).not.toBeNull();
    await removeProductPhoto(db, store, { actor: staff, shopId, productId, key });
  });

  it("refuses files that are not images, oversized files, and too many photos", async () => {
    await expect(addProductPhoto(db, store, { actor: staff, shopId, productId, bytes: Buffer.from("%PDF-1.7 not an image") })).rejects.toMatchObject({ details: { reason: "photoNotImage" } });
    await expect(addProductPhoto(db, store, { actor: staff, shopId, productId, bytes: Buffer.alloc(9 * 1024 * 1024) })).rejects.toMatchObject({ details: { reason: "photoTooLarge" } });
    for (let i = 0; i < MAX_PHOTOS; i++) await addProductPhoto(db, store, { actor: staff, shopId, productId, bytes: await photo(200, 200) });
    await expect(addProductPhoto(db, store, { actor: staff, shopId, productId, bytes: await photo(200, 200) })).rejects.toMatchObject({ details: { reason: "tooManyPhotos" } });
  });

  it("keeps other shops out and never serves keys it did not make", async () => {
    await expect(addProductPhoto(db, store, { actor: stranger, shopId, productId, bytes: await photo(100, 100) })).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.get("../../etc/passwd")).toBeNull();
    await expect(store.put("../escape.webp", Buffer.from("x"), "image/webp")).rejects.toThrow(/Invalid media key/);
  });
});

describe("shop photos", () => {
  it("adds and removes a shop photo for members only", async () => {
    const { addShopPhoto, removeShopPhoto } = await import("@/lib/shops/shop-photos");
    const { key } = await addShopPhoto(db, store, { actor: staff, shopId, bytes: await photo(1600, 800) });
    expect(key).toMatch(/^shops\//);
    expect((await sharp((await store.get(key)) ?? Buffer.alloc(0)).metadata()).width).toBe(1200);
    await expect(addShopPhoto(db, store, { actor: stranger, shopId, bytes: await photo(100, 100) })).rejects.toBeInstanceOf(NotFoundError);
    await removeShopPhoto(db, store, { actor: staff, shopId, key });
    expect((await db.shop.findUniqueOrThrow({ where: { id: shopId } })).photos).toEqual([]);
    expect(await store.get(key)).toBeNull();
  });
});
