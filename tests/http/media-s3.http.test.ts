import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionFormBody, listServerActions } from "@/tests/fuzz/next-actions";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { HttpClient } from "@/tests/helpers/http-client";
import { startS3Server, type S3TestServer } from "@/tests/helpers/s3-server";

/**
 * Photos in object storage (S3_BUCKET, docs/decisions/0011), over real HTTP: two
 * production instances, each with its own empty UPLOAD_DIR as on two machines, one
 * S3-compatible server (s3rver). What one instance stores, the other serves; what one
 * removes, the other no longer serves.
 */
const db = testDb();
const PREFIX = "comptoir";
let s3: S3TestServer;
/** Each instance's own UPLOAD_DIR, as on two machines */
let uploadDirs: string[] = [];
let appA: AppServer;
let appB: AppServer;

beforeAll(async () => {
  s3 = await startS3Server();
  const uploadDirA = await mkdtemp(path.join(os.tmpdir(), "comptoir-uploads-a-"));
  const uploadDirB = await mkdtemp(path.join(os.tmpdir(), "comptoir-uploads-b-"));
  uploadDirs = [uploadDirA, uploadDirB];
  appA = await startApp({ env: { ...s3.env(PREFIX), UPLOAD_DIR: uploadDirA, WORKER: "false" } });
  appB = await startApp({ env: { ...s3.env(PREFIX), UPLOAD_DIR: uploadDirB, WORKER: "false" } });
}, 180_000);
afterAll(async () => {
  await Promise.all([appA?.stop(), appB?.stop()]);
  await s3?.stop();
  await Promise.all(uploadDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const actionId = (name: string) => {
  const action = listServerActions().find((a) => a.name === name);
  if (!action) throw new Error(`no server action ${name} in the build`);
  return action.id;
};

async function callAction(client: HttpClient, page: string, name: string, fields: [string, string | Blob][]): Promise<string> {
  const response = await client.fetch(page, { method: "POST", headers: { "next-action": actionId(name), origin: appA.url }, body: actionFormBody(fields) });
  return response.text();
}

async function signedInOnA(email: string): Promise<HttpClient> {
  const client = new HttpClient(appA.url, { origin: appA.url });
  expect((await client.signInWithPassword(email, "comptoir-demo")).status).toBe(200);
  return client;
}

const phonePhoto = async () => new Blob([new Uint8Array(await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#b5651d" } }).jpeg().toBuffer())], { type: "image/jpeg" });

async function media(app: AppServer, key: string) {
  const response = await fetch(`${app.url}/api/media/${key}`);
  return { status: response.status, type: response.headers.get("content-type"), bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Files under a directory, at any depth. */
async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/** Instance B serves the photo instance A stored: the same WebP bytes, from the bucket and from no local directory. */
async function expectServedByBoth(key: string) {
  expect(await s3.keys()).toContain(`${PREFIX}/${key}`);
  expect(await s3.contentType(`${PREFIX}/${key}`)).toBe("image/webp");
  for (const dir of uploadDirs) expect(await filesIn(dir), "no photo in the instances' UPLOAD_DIR").toEqual([]);
  const [fromA, fromB] = [await media(appA, key), await media(appB, key)];
  expect(fromB.status).toBe(200);
  expect(fromB.type).toBe("image/webp");
  expect(fromB.bytes.equals(fromA.bytes)).toBe(true);
  expect((await sharp(fromB.bytes).metadata()).format).toBe("webp");
}

async function expectGoneFromBoth(key: string) {
  expect(await s3.keys()).not.toContain(`${PREFIX}/${key}`);
  expect((await media(appB, key)).status).toBe(404);
  expect((await media(appA, key)).status).toBe(404);
}

describe("photos in object storage, two instances", () => {
  it("a shop photo uploaded through one instance is served by the other, and removed from both", async () => {
    const shopkeeper = await signedInOnA("boulangerie@comptoir.local");
    const shop = await db.shop.findFirstOrThrow({ where: { slug: "boulangerie-du-marche" } });
    const page = `/dashboard/${shop.id}/profil`;

    expect(await callAction(shopkeeper, page, "uploadShopPhotoAction", [["shopId", shop.id], ["photo", await phonePhoto()]])).toContain('"ok":true');
    const [key = ""] = (await db.shop.findUniqueOrThrow({ where: { id: shop.id } })).photos;
    expect(key).toMatch(new RegExp(`^shops/${shop.id}/[\\w-]+\\.webp$`));
    await expectServedByBoth(key);

    expect(await callAction(shopkeeper, page, "removeShopPhotoAction", [["shopId", shop.id], ["key", key]])).toContain('"ok":true');
    await expectGoneFromBoth(key);
  });

  it("so are a product photo and a town logo", async () => {
    const shopkeeper = await signedInOnA("boulangerie@comptoir.local");
    const shop = await db.shop.findFirstOrThrow({ where: { slug: "boulangerie-du-marche" } });
    const product = await db.product.findFirstOrThrow({ where: { shopId: shop.id } });
    const productPage = `/dashboard/${shop.id}/produits/${product.id}`;
    const productFields: [string, string][] = [["shopId", shop.id], ["productId", product.id]];
    expect(await callAction(shopkeeper, productPage, "uploadProductPhotoAction", [...productFields, ["photo", await phonePhoto()]])).toContain('"ok":true');
    const productKey = (await db.product.findUniqueOrThrow({ where: { id: product.id } })).photos.at(-1) ?? "";
    await expectServedByBoth(productKey);
    expect(await callAction(shopkeeper, productPage, "removeProductPhotoAction", [...productFields, ["key", productKey]])).toContain('"ok":true');
    await expectGoneFromBoth(productKey);

    const admin = await signedInOnA("admin@comptoir.local");
    expect(await callAction(admin, "/admin/identite", "uploadTerritoryLogoAction", [["logo", await phonePhoto()]])).toContain('"ok":true');
    const logoKey = (await db.territory.findUniqueOrThrow({ where: { slug: "grand-poitiers" } })).logoKey ?? "";
    await expectServedByBoth(logoKey);
    expect(await callAction(admin, "/admin/identite", "removeTerritoryLogoAction", [])).toContain('"ok":true');
    await expectGoneFromBoth(logoKey);
  });
});
