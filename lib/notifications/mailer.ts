import nodemailer from "nodemailer";
import type { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the email is about: "sign-in", "order-confirmed", … */
  kind: string;
  orderId?: string;
};

let transport: nodemailer.Transporter | undefined;

function smtpTransport(url: string): nodemailer.Transporter {
  transport ??= nodemailer.createTransport(url);
  return transport;
}

/**
 * Records the email in the outbox, then delivers it: by SMTP when SMTP_URL is
 * set, otherwise it stays in the database as the dev mailbox (/dev/mailbox).
 * A failed SMTP delivery is kept with its error rather than thrown at the user.
 */
export async function sendEmail(db: PrismaClient, message: EmailMessage): Promise<{ id: string; delivered: boolean }> {
  const { SMTP_URL, MAIL_FROM } = env();
  const row = await db.outgoingEmail.create({
    data: {
      toAddress: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      kind: message.kind,
      orderId: message.orderId ?? null,
      status: SMTP_URL ? "QUEUED" : "SENT",
      sentAt: SMTP_URL ? null : new Date(),
    },
    select: { id: true },
  });
  if (!SMTP_URL) return { id: row.id, delivered: true };
  try {
    await smtpTransport(SMTP_URL).sendMail({ from: MAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html });
    await db.outgoingEmail.update({ where: { id: row.id }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 } } });
    return { id: row.id, delivered: true };
  } catch (error) {
    await db.outgoingEmail.update({
      where: { id: row.id },
      data: { status: "FAILED", error: error instanceof Error ? error.message : String(error), attempts: { increment: 1 } },
    });
    console.error(`Email to ${message.to} (${message.kind}) failed:`, error);
    return { id: row.id, delivered: false };
  }
}
