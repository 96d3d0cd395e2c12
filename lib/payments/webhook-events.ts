import type { Tx } from "@/lib/db/client";

/**
 * Records a provider event as handled, in the transaction of its effect. False
 * when it was already handled (a replayed or duplicated delivery): the caller then
 * changes nothing. A concurrent copy waits on the unique key and gets false.
 */
export async function firstDelivery(tx: Tx, event: { id: string; type: string } | undefined): Promise<boolean> {
  if (!event) return true;
  const inserted = await tx.$executeRaw`INSERT INTO "ProcessedWebhookEvent" ("id", "provider", "type") VALUES (${event.id}, 'stripe', ${event.type}) ON CONFLICT ("id") DO NOTHING`;
  return inserted === 1;
}
