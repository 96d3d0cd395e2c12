import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";

/** Records an admin action in the same transaction as the change it describes. */
export async function audit(
  tx: Tx,
  entry: { actor: Actor; territoryId: string | null; action: string; entityType: string; entityId: string; before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      territoryId: entry.territoryId,
      actorUserId: entry.actor.kind === "user" ? entry.actor.userId : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
    },
  });
}
