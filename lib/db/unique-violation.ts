import { Prisma } from "@/generated/prisma/client";

type UniqueViolationMeta = { target?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: string } } } };

/**
 * Whether the error is PostgreSQL refusing a duplicate on the named unique index (e.g. "Order_reference_key").
 * Through the driver adapter the index's name comes in the adapter's cause, not in `target`.
 */
export function isUniqueViolation(error: unknown, indexName: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const meta = (error.meta ?? {}) as UniqueViolationMeta;
  return meta.driverAdapterError?.cause?.constraint?.index === indexName || meta.target === indexName;
}
