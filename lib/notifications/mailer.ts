import nodemailer from "nodemailer";
import type { PrismaClient } from "@/generated/prisma/client";
import { env, type Env } from "@/lib/env";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the email is about: "sign-in", "order-confirmed", … */
  kind: string;
  orderId?: string;
};

const transports = new Map<string, nodemailer.Transporter>();

function smtpTransport(url: string): nodemailer.Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Records the email in the outbox, then delivers it: by SMTP when SMTP_URL is
 * set, otherwise it stays in the database as the dev mailbox (/dev/mailbox).
 * A failed SMTP delivery is kept with its error rather than thrown at the user.
 */
export async function sendEmail(
  db: PrismaClient,
  message: EmailMessage,
  config: Pick<Env, "SMTP_URL" | "MAIL_FROM"> = env(),
): Promise<{ id: string; delivered: boolean }> {
  const { SMTP_URL, MAIL_FROM } = config;
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
