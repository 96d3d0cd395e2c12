import net from "node:net";
import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/helpers/db";
import { listMailbox } from "./mailbox";
import { sendEmail } from "./mailer";

const db = testDb();
const MAIL_FROM = "Comptoir <ne-pas-repondre@comptoir.local>";

/** A tiny real SMTP server on loopback that accepts one conversation and records the message. */
function smtpServer(): Promise<{ url: string; received: Promise<string>; close(): void }> {
  return new Promise((resolve) => {
    let deliver: (data: string) => void = () => {};
    const received = new Promise<string>((r) => (deliver = r));
    const server = net.createServer((socket) => {
      let inData = false;
      let data = "";
      socket.write("220 test ESMTP\r\n");
      socket.on("data", (chunk) => {
        for (const line of chunk.toString().split("\r\n")) {
          if (inData) {
            if (line === ".") {
              inData = false;
              deliver(data);
              socket.write("250 OK queued\r\n");
            } else data += `${line}\n`;
            continue;
          }
          if (/^(EHLO|HELO)/i.test(line)) socket.write("250 test\r\n");
          else if (/^(MAIL|RCPT)/i.test(line)) socket.write("250 OK\r\n");
          else if (/^DATA/i.test(line)) {
            inData = true;
            socket.write("354 go ahead\r\n");
          } else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
        }
      });
    });
    server.listen(0, "127.0.0.1", () => {
      const address = server.address() as net.AddressInfo;
      resolve({ url: `smtp://127.0.0.1:${address.port}`, received, close: () => server.close() });
    });
  });
}

describe("sendEmail", () => {
  it("keeps emails in the dev mailbox when no SMTP server is configured", async () => {
    const result = await sendEmail(db, { to: "camille@example.fr", subject: "Bonjour", text: "Lien : http://localhost/x", kind: "test" }, { SMTP_URL: undefined, MAIL_FROM });
    expect(result.delivered).toBe(true);
    const [latest] = await listMailbox(db, { to: "Camille@example.fr" });
    expect(latest).toMatchObject({ id: result.id, subject: "Bonjour", kind: "test" });
  });

  it("delivers through SMTP when SMTP_URL is set, and records it as sent", async () => {
    const smtp = await smtpServer();
    try {
      const result = await sendEmail(db, { to: "julien@example.fr", subject: "Commande prête", text: "Votre commande est prête.", kind: "test" }, { SMTP_URL: smtp.url, MAIL_FROM });
      expect(result.delivered).toBe(true);
      expect(await smtp.received).toContain("Votre commande est pr");
      const row = await db.outgoingEmail.findUniqueOrThrow({ where: { id: result.id } });
      expect(row).toMatchObject({ status: "SENT", attempts: 1 });
    } finally {
      smtp.close();
    }
  });

  it("records a failed SMTP delivery with its error instead of throwing", async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const port = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(port));
      });
    });
    const result = await sendEmail(db, { to: "x@example.fr", subject: "Test", text: "…", kind: "test" }, { SMTP_URL: `smtp://127.0.0.1:${closed}`, MAIL_FROM });
    expect(result.delivered).toBe(false);
    const row = await db.outgoingEmail.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.status).toBe("FAILED");
    expect(row.error).toMatch(/ECONNREFUSED/);
  });
});
