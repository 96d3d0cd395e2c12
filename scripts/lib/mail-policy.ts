/**
 * Where emails go, decided once at start. The dev mailbox shows every email,
 * sign-in links included, so it is on by itself only for the embedded demo; a
 * deployment on a real database must send by SMTP or turn it on knowingly.
 */
export type MailPolicy = { ok: true; devMailbox: boolean; warning?: string } | { ok: false; reason: string };

export function decideMailPolicy(options: { embeddedDatabase: boolean; smtp: boolean; devMailbox: boolean | undefined }): MailPolicy {
  if (options.smtp) return { ok: true, devMailbox: false };
  if (options.embeddedDatabase) {
    if (options.devMailbox === false) return { ok: true, devMailbox: false, warning: "DEV_MAILBOX=false and no SMTP_URL: emails are recorded but sent nowhere." };
    return { ok: true, devMailbox: true };
  }
  if (options.devMailbox === true) {
    return {
      ok: true,
      devMailbox: true,
      warning: [
        "DEV_MAILBOX=true on a real database: NO EMAIL LEAVES THIS SERVER.",
        "Every email, sign-in links included, is readable at /dev/mailbox from this machine only.",
        "Never run a public deployment like this: set SMTP_URL.",
      ].join("\n"),
    };
  }
  return {
    ok: false,
    reason: [
      "DATABASE_URL is set but SMTP_URL is not, so emails (sign-in links, order confirmations) would have nowhere to go.",
      "Set SMTP_URL=smtp://user:password@host:587 to send them, or DEV_MAILBOX=true to read them at /dev/mailbox on this machine only (never on a public deployment).",
    ].join("\n"),
  };
}
