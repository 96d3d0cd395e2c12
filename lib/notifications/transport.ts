import nodemailer from "nodemailer";
import type { Env } from "@/lib/env";

/** How a delivered email leaves: SMTP, or nowhere (the dev mailbox reads it from the database). */
export type OutgoingMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string; contentType: string; content: string }[];
};

export type MailTransport = { kind: "smtp" | "dev-mailbox" | "none"; send(message: OutgoingMessage): Promise<void> };

const transports = new Map<string, nodemailer.Transporter>();

function smtp(url: string): nodemailer.Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    transports.set(url, transport);
  }
  return transport;
}

export function mailTransport(config: Pick<Env, "SMTP_URL" | "MAIL_FROM" | "DEV_MAILBOX">): MailTransport {
  const { SMTP_URL, MAIL_FROM, DEV_MAILBOX } = config;
  if (SMTP_URL) {
    return {
      kind: "smtp",
      async send(message) {
        await smtp(SMTP_URL).sendMail({
          from: MAIL_FROM,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html ?? undefined,
          attachments: message.attachments,
          // Stable per row: if a crash makes us send a row twice, mail systems see one message.
          messageId: `<${message.id}@comptoir>`,
        });
      },
    };
  }
  if (DEV_MAILBOX) return { kind: "dev-mailbox", async send() {} };
  return {
    kind: "none",
    async send() {
      throw new Error("No SMTP_URL is configured and the dev mailbox is off: the email cannot leave.");
    },
  };
}
