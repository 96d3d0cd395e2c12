import { randomBytes } from "node:crypto";
import sharp from "sharp";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { MediaStore } from "@/lib/storage/media-store";

export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
export const MAX_PHOTOS = 6;
const ACCEPTED = new Set(["jpeg", "png", "webp", "heif", "gif", "tiff"]);
const SIZE = 1200;

/**
 * Resizes a phone photo on the server (at most 1200 px, WebP, rotated upright,
 * metadata such as GPS stripped) after checking that it really is an image.
 */
export async function preparePhoto(bytes: Buffer, options: { size?: number } = {}): Promise<Buffer> {
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new DomainError("invalidInput", "photo too large", { reason: "photoTooLarge" });
  let format: string | undefined;
  try {
    format = (await sharp(bytes).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !ACCEPTED.has(format)) throw new DomainError("invalidInput", "not an image", { reason: "photoNotImage" });
  return sharp(bytes, { limitInputPixels: 50_000_000 }).rotate().resize(options.size ?? SIZE, options.size ?? SIZE, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
}

/** Adds a photo to one of the shop's products. */
export async function addProductPhoto(db: PrismaClient, store: MediaStore, request: { actor: Actor; shopId: string; productId: string; bytes: Buffer }) {
  requireShopMember(request.actor, request.shopId);
  const product = await db.product.findFirst({ where: { id: request.productId, shopId: request.shopId }, select: { id: true, photos: true } });
  if (!product) throw new NotFoundError("product");
  if (product.photos.length >= MAX_PHOTOS) throw new DomainError("conflict", "too many photos", { reason: "tooManyPhotos" });
  const photo = await preparePhoto(request.bytes);
  const key = `products/${product.id}/${randomBytes(9).toString("base64url")}.webp`;
  await store.put(key, photo, "image/webp");
  await db.product.update({ where: { id: product.id }, data: { photos: { push: key } } });
  return { key };
}

/** Removes one of the product's photos, from the product and from the store. */
export async function removeProductPhoto(db: PrismaClient, store: MediaStore, request: { actor: Actor; shopId: string; productId: string; key: string }) {
  requireShopMember(request.actor, request.shopId);
  const product = await db.product.findFirst({ where: { id: request.productId, shopId: request.shopId }, select: { photos: true } });
  if (!product?.photos.includes(request.key)) throw new NotFoundError("photo");
  await db.product.update({ where: { id: request.productId }, data: { photos: product.photos.filter((p) => p !== request.key) } });
  await store.delete(request.key);
}
