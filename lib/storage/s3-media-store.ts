import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { checkedMediaKey, type MediaStore } from "./media-store";

export type S3MediaStoreConfig = {
  bucket: string;
  region: string;
  /** An S3-compatible provider's address; undefined = Amazon S3 */
  endpoint?: string;
  /** undefined = the SDK's own credential chain (AWS_* variables, instance role…) */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
  /** "" or a folder ending with "/", put before every key */
  prefix: string;
};

/**
 * Photos in an S3 bucket (Amazon S3 or compatible), so that every instance of the
 * app serves the same files. Keys are checked like the local store's before any
 * request leaves.
 */
export function s3MediaStore(config: S3MediaStoreConfig): MediaStore {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    credentials: config.credentials,
    forcePathStyle: config.forcePathStyle,
    // Since 2025 the SDK adds checksums to every request and checks them on answers; not every
    // S3-compatible provider (MinIO, Scaleway, OVH… depending on their version) accepts that, so
    // with a custom endpoint they are only used where the S3 API requires them.
    ...(config.endpoint ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
    // A photo request must not hold a server connection forever when the store does not answer.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  });
  const location = (key: string) => ({ Bucket: config.bucket, Key: `${config.prefix}${checkedMediaKey(key)}` });

  return {
    async put(key, body, contentType) {
      await client.send(new PutObjectCommand({ ...location(key), Body: body, ContentType: contentType }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand(location(key)));
        if (!object.Body) return null;
        const bytes = await object.Body.transformToByteArray();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        if (isMissingObject(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      try {
        await client.send(new DeleteObjectCommand(location(key)));
      } catch (error) {
        // S3 itself answers 204 for a missing key; some compatible providers answer 404.
        if (!isMissingObject(error)) throw error;
      }
    },
  };
}

/** A missing photo (its URL answers 404); a missing bucket or refused credentials are configuration errors, to be seen. */
function isMissingObject(error: unknown): boolean {
  if (!(error instanceof S3ServiceException) || error.name === "NoSuchBucket") return false;
  return error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404;
}
