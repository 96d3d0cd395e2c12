import { env, type Env } from "@/lib/env";
import { localMediaStore, type MediaStore } from "./media-store";
import type { S3MediaStoreConfig } from "./s3-media-store";

let selected: MediaStore | undefined;

/** This process's photo store, chosen once: S3 when S3_BUCKET is set, the local UPLOAD_DIR otherwise. */
export function mediaStore(): MediaStore {
  selected ??= mediaStoreFor(env());
  return selected;
}

export function mediaStoreFor(config: Env): MediaStore {
  const s3 = s3ConfigOf(config);
  return s3 ? loadedOnFirstUse(s3) : localMediaStore(config.UPLOAD_DIR);
}

function s3ConfigOf(config: Env): S3MediaStoreConfig | undefined {
  if (!config.S3_BUCKET) return undefined;
  return {
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    credentials: config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    prefix: config.S3_PREFIX ?? "",
  };
}

/**
 * The S3 store, its SDK imported at the first photo request: the SDK weighs about 7 MB of
 * heap (20 MB RSS), which instances on the local directory should not carry (docs/decisions/0008).
 */
function loadedOnFirstUse(config: S3MediaStoreConfig): MediaStore {
  let loading: Promise<MediaStore> | undefined;
  const store = () => (loading ??= import("./s3-media-store").then((module) => module.s3MediaStore(config)));
  return {
    put: async (key, body, contentType) => (await store()).put(key, body, contentType),
    get: async (key) => (await store()).get(key),
    delete: async (key) => (await store()).delete(key),
  };
}
