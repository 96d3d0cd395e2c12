import type { Tx } from "@/lib/db/client";
import { queueEmail } from "@/lib/notifications/outbox";

/** A payment matter for the town's admins (a dispute, a refund to attribute): one email each, in their outgoing emails list. */
export async function emailTownAdmins(tx: Tx, territoryId: string, email: { kind: string; subject: string; lines: string[] }): Promise<void> {
  const admins = await tx.roleGrant.findMany({ where: { territoryId, role: "ADMIN" }, select: { user: { select: { email: true } } } });
  for (const admin of admins) await queueEmail(tx, { to: admin.user.email, subject: email.subject, text: email.lines.join("\n"), kind: email.kind, territoryId });
}
