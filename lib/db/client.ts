import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { poolConfigFromUrl } from "./connection";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** A Prisma client on the pg driver adapter (no native engine needed). */
export function createPrismaClient(url: string, options: { poolSize?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ ...poolConfigFromUrl(url), max: options.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}
