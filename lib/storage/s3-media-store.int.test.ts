import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { startS3Server, type S3TestServer } from "@/tests/helpers/s3-server";
import type { MediaStore } from "./media-store";
import { s3MediaStore, type S3MediaStoreConfig } from "./s3-media-store";
import { mediaStoreFor } from "./select-media-store";

/** The S3 photo store against a real S3-compatible server (s3rver) over HTTP. */
let s3: S3TestServer;
let config: S3MediaStoreConfig;
let store: MediaStore;
let uploadDir: string;

const photo = () => sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } }).webp().toBuffer();
const keyOf = (name: string) => `products/p${Date.now()}/${name}.webp`;

beforeAll(async () => {
  s3 = await startS3Server();
  uploadDir = await mkdtemp(path.join(os.tmpdir(), "comptoir-uploads-"));
  config = { bucket: s3.bucket, region: "us-east-1", endpoint: s3.endpoint, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" }, forcePathStyle: true, prefix: "" };
  store = s3MediaStore(config);
});

afterAll(async () => {
  await s3?.stop();
  await rm(uploadDir, { recursive: true, force: true });
});

describe("S3 media store", () => {
  it("gives back the stored bytes, then nothing once deleted", async () => {
    const key = keyOf("round-trip");
    const bytes = await photo();
    await store.put(key, bytes, "image/webp");
    expect(await s3.keys()).toContain(key);
    expect((await store.get(key))?.equals(bytes)).toBe(true);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(await s3.keys()).not.toContain(key);
  });

  it("answers null for a key never stored, and deleting it is not an error", async () => {
    const key = keyOf("never-stored");
    expect(await store.get(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it("stores the content type given on put", async () => {
    const key = keyOf("typed");
    await store.put(key, await photo(), "image/webp");
    expect(await s3.contentType(key)).toBe("image/webp");
  });

  it("refuses keys that are not ours before sending anything", async () => {
    const before = await s3.keys();
    for (const key of ["../secret.webp", "products/a/../../b.webp", "products/a/b.png", "products/a/b/c.webp", "/products/a/b.webp"]) {
      await expect(store.put(key, Buffer.from("x"), "image/webp"), key).rejects.toThrow(/Invalid media key/);
      await expect(store.get(key), key).rejects.toThrow(/Invalid media key/);
      await expect(store.delete(key), key).rejects.toThrow(/Invalid media key/);
    }
    expect(await s3.keys()).toEqual(before);
  });

  it("throws when the bucket is missing instead of calling the photo missing", async () => {
    const misconfigured = s3MediaStore({ ...config, bucket: "no-such-bucket" });
    await expect(misconfigured.get(keyOf("any"))).rejects.toMatchObject({ name: "NoSuchBucket" });
    await expect(misconfigured.put(keyOf("any"), await photo(), "image/webp")).rejects.toMatchObject({ name: "NoSuchBucket" });
  });

  it("keeps its photos under the prefix when the bucket is shared", async () => {
    const key = keyOf("prefixed");
    const prefixed = s3MediaStore({ ...config, prefix: "comptoir/" });
    await prefixed.put(key, await photo(), "image/webp");
    expect(await s3.keys()).toContain(`comptoir/${key}`);
    expect(await store.get(key), "the same key without the prefix is another object").toBeNull();
    expect(await prefixed.get(key)).not.toBeNull();
  });
});

describe("the store chosen from the environment", () => {
  it("is the bucket when S3_BUCKET is set: nothing lands in UPLOAD_DIR", async () => {
    const key = keyOf("from-env");
    const chosen = mediaStoreFor(parseEnv({ ...s3.env("env-test"), UPLOAD_DIR: uploadDir }));
    await chosen.put(key, await photo(), "image/webp");
    expect(await s3.keys()).toContain(`env-test/${key}`);
    expect(await s3.contentType(`env-test/${key}`)).toBe("image/webp");
    expect(await readdir(uploadDir)).toEqual([]);
    expect(await chosen.get(key)).not.toBeNull();
  });

  it("is the local UPLOAD_DIR when S3_BUCKET is empty", async () => {
    const key = keyOf("local");
    const before = await s3.keys();
    const chosen = mediaStoreFor(parseEnv({ UPLOAD_DIR: uploadDir, S3_BUCKET: "" }));
    await chosen.put(key, await photo(), "image/webp");
    expect(await readdir(path.join(uploadDir, path.dirname(key)))).toEqual([path.basename(key)]);
    expect(await s3.keys()).toEqual(before);
  });
});
