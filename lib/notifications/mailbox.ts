import type { PrismaClient } from "@/generated/prisma/client";

export type MailboxEntry = {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  kind: string;
  status: "QUEUED" | "SENDING" | "SENT" | "FAILED";
  createdAt: Date;
  sentAt: Date | null;
};

/** The newest emails of the dev mailbox (the outbox: queued ones too, with their status), optionally for one recipient. */
export async function listMailbox(db: PrismaClient, options: { to?: string; take?: number } = {}): Promise<MailboxEntry[]> {
  return db.outgoingEmail.findMany({
    where: options.to ? { toAddress: options.to.trim().toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
    select: { id: true, toAddress: true, subject: true, text: true, kind: true, status: true, createdAt: true, sentAt: true },
  });
}
