import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; messageId: string; raw: string };

/**
 * A real SMTP server on loopback (smtp-server from npm) for delivery tests. It can
 * refuse the next N messages, or refuse everything while "down".
 */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  let refuseNext = 0;
  let down = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        if (down || refuseNext > 0) {
          refuseNext = Math.max(0, refuseNext - 1);
          const error = new Error("Service temporarily unavailable") as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? "";
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), messageId, raw });
        callback();
      });
    },
  });
  // A client killed mid-exchange (the kill -9 tests) resets its connection: smtp-server emits
  // that as an 'error' event, which without a listener is an uncaught exception of the run.
  const connectionErrors: Error[] = [];
  server.on("error", (error: Error) => connectionErrors.push(error));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    connectionErrors,
    refuse(count: number) {
      refuseNext = count;
    },
    setDown(value: boolean) {
      down = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpTestServer = Awaited<ReturnType<typeof startSmtpServer>>;
