import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Runs the real start command with the given environment; resolves with its exit code and output. */
function runStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", "scripts/start.ts"], { env: { ...process.env, DATABASE_URL: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("start command refuses to start on bad configuration", () => {
  it("names a malformed variable, exits 1 and starts nothing", async () => {
    const { code, output } = await runStart({ DATABASE_URL: "mysql://root@localhost/shop", PORT: "4999" });
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL: must be a postgresql:// connection URL");
    expect(output).not.toContain("Comptoir is starting");
  });

  it("says the port is in use instead of failing later", async () => {
    const server = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const { code, output } = await runStart({ PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is already in use`);
    } finally {
      server.close();
    }
  });

  it("reports an unreachable DATABASE_URL clearly", async () => {
    const { code, output } = await runStart({ DATABASE_URL: "postgresql://nobody:x@127.0.0.1:1/none", PORT: "4998", SMTP_URL: "smtp://localhost:2525" });
    expect(code).toBe(1);
    expect(output).toContain("Cannot reach the database at DATABASE_URL");
  });

  it("refuses a real database without SMTP, since the dev mailbox would hand sign-in links to anyone", async () => {
    const { code, output } = await runStart({ DATABASE_URL: "postgresql://nobody:x@127.0.0.1:1/none", PORT: "4997", SMTP_URL: "", DEV_MAILBOX: "" });
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL is set but SMTP_URL is not");
    expect(output).not.toContain("Cannot reach the database");
  });

  it("warns loudly when the dev mailbox is asked for on a real database", async () => {
    const { code, output } = await runStart({ DATABASE_URL: "postgresql://nobody:x@127.0.0.1:1/none", PORT: "4996", SMTP_URL: "", DEV_MAILBOX: "true" });
    expect(output).toContain("DEV_MAILBOX=true on a real database: NO EMAIL LEAVES THIS SERVER.");
    expect(code).toBe(1); // then stops at the unreachable database
  });

  it.skipIf(process.getuid?.() !== 0)("as root, says in one sentence what to do when PostgreSQL's user cannot reach the data folder", async () => {
    const locked = mkdtempSync(path.join(os.tmpdir(), "comptoir-locked-"));
    chmodSync(locked, 0o700);
    try {
      const { code, output } = await runStart({ EMBEDDED_PG_DIR: path.join(locked, "postgres"), PORT: "4995" });
      expect(code).toBe(1);
      expect(output).toContain(`cannot enter ${locked}: move the project to a folder other users can enter`);
      expect(output).not.toContain("EACCES");
    } finally {
      rmSync(locked, { recursive: true, force: true });
    }
  });
});
