import type { PrismaClient } from "@/generated/prisma/client";

export type MailboxEntry = {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  kind: string;
  createdAt: Date;
};

/** The newest emails of the dev mailbox, optionally for one recipient. */
export async function listMailbox(db: PrismaClient, options: { to?: string; take?: number } = {}): Promise<MailboxEntry[]> {
  return db.outgoingEmail.findMany({
    where: options.to ? { toAddress: options.to.trim().toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
    select: { id: true, toAddress: true, subject: true, text: true, kind: true, createdAt: true },
  });
}
