import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

/** s3rver's built-in key pair. */
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export type S3TestServer = {
  endpoint: string;
  bucket: string;
  /** The S3_* variables that point the app at this server's bucket */
  env(prefix?: string): Record<string, string>;
  /** Every object key in the bucket, as a second client (not the app's) lists it */
  keys(): Promise<string[]>;
  /** The stored object's content type, or null when it does not exist */
  contentType(key: string): Promise<string | null>;
  stop(): Promise<void>;
};

/**
 * A real S3-compatible HTTP server (s3rver) on a free loopback port, its objects in a
 * temporary directory, with one empty bucket: the tests talk S3 over HTTP as the app
 * does with a provider.
 */
export async function startS3Server(bucket = "comptoir-photos"): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "comptoir-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials: CREDENTIALS });

  return {
    endpoint,
    bucket,
    env: (prefix = "") => ({
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      S3_PREFIX: prefix,
    }),
    async keys() {
      const listing = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listing.Contents ?? []).map((object) => object.Key ?? "").sort();
    },
    async contentType(key) {
      try {
        return (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentType ?? "";
      } catch (error) {
        if (error instanceof Error && error.name === "NotFound") return null;
        throw error;
      }
    },
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
