import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { preparePhoto, MAX_PHOTOS } from "@/lib/catalog/product-photos";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { MediaStore } from "@/lib/storage/media-store";

/** Adds a photo of the shop (storefront, counter…), resized like product photos. */
export async function addShopPhoto(db: PrismaClient, store: MediaStore, request: { actor: Actor; shopId: string; bytes: Buffer }) {
  requireShopMember(request.actor, request.shopId);
  const shop = await db.shop.findUniqueOrThrow({ where: { id: request.shopId }, select: { photos: true } });
  if (shop.photos.length >= MAX_PHOTOS) throw new DomainError("conflict", "too many photos", { reason: "tooManyPhotos" });
  const photo = await preparePhoto(request.bytes);
  const key = `shops/${request.shopId}/${randomBytes(9).toString("base64url")}.webp`;
  await store.put(key, photo, "image/webp");
  await db.shop.update({ where: { id: request.shopId }, data: { photos: { push: key } } });
  return { key };
}

/** Removes one of the shop's photos, from the shop and from the store. */
export async function removeShopPhoto(db: PrismaClient, store: MediaStore, request: { actor: Actor; shopId: string; key: string }) {
  requireShopMember(request.actor, request.shopId);
  const shop = await db.shop.findUniqueOrThrow({ where: { id: request.shopId }, select: { photos: true } });
  if (!shop.photos.includes(request.key)) throw new NotFoundError("photo");
  await db.shop.update({ where: { id: request.shopId }, data: { photos: shop.photos.filter((p) => p !== request.key) } });
  await store.delete(request.key);
}
