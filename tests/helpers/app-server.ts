import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/lib/db/embedded";
import { serverNodeArgs, serverProcessEnv } from "@/scripts/lib/server-command";

export type AppServer = {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the server printed so far */
  output(): string;
  /** Stops the server with a signal and waits for it to exit (SIGKILL after 20 s) */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/**
 * Starts Comptoir's production server (scripts/server.ts on the last `next build`)
 * on a free port against `databaseUrl` (the test file's own database by default),
 * and waits until /api/health answers.
 */
export async function startApp(options: { env?: Record<string, string>; databaseUrl?: string; nodeArgs?: string[] } = {}): Promise<AppServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl ?? process.env.DATABASE_URL,
    PORT: String(port),
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
    UPLOAD_DIR: mkdtempSync(path.join(os.tmpdir(), "comptoir-uploads-")),
    DEV_MAILBOX: "true",
    SMTP_URL: "",
    ...options.env,
  };
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...serverNodeArgs(env)], { env: serverProcessEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app server exited before it was ready:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The app server did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    port,
    process: child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
