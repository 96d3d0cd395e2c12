import { execSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { binariesFolder, freePort, startEmbeddedPostgres, type EmbeddedServer } from "./embedded";
import { queryOnce } from "./database";

/**
 * Issue #13: the start command owns its database — a postmaster left on the
 * data directory (owner crashed, restart by hand) is stopped cleanly at the next
 * start, a stale pid file never blocks a start, and stop() stops whatever
 * postmaster runs on the directory, not only the process it spawned.
 */
const started: EmbeddedServer[] = [];
const dirs: string[] = [];

function newDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "comptoir-leftovers-"));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return path.join(dir, "data");
}

const pidOf = (dataDir: string) => Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const waitFor = async (condition: () => boolean | Promise<boolean>, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

afterEach(async () => {
  for (const server of started.splice(0)) await server.stop().catch(() => {});
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the embedded PostgreSQL's data directory", () => {
  it("starts over a stale postmaster.pid, saying so", async () => {
    const dataDir = newDir();
    const first = await startEmbeddedPostgres({ dataDir });
    await first.stop();
    // A pid file left by a crash, naming a process that is gone.
    const gone = spawnSync("true").pid ?? 999_999;
    writeFileSync(path.join(dataDir, "postmaster.pid"), `${gone}\n${dataDir}\n`);
    const notices: string[] = [];
    const again = await startEmbeddedPostgres({ dataDir, onNotice: (message) => notices.push(message) });
    started.push(again);
    expect(notices.join("\n")).toMatch(/stale .*postmaster\.pid/);
    expect(await queryOnce(again.serverUrl, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("stops a server left running on the directory before starting its own", async () => {
    const dataDir = newDir();
    const orphan = await startEmbeddedPostgres({ dataDir });
    const orphanPid = pidOf(dataDir);
    const notices: string[] = [];
    const owner = await startEmbeddedPostgres({ dataDir, onNotice: (message) => notices.push(message) });
    started.push(owner);
    expect(notices.join("\n")).toContain(`still running on ${dataDir} (pid ${orphanPid})`);
    expect(alive(orphanPid)).toBe(false);
    expect(await queryOnce(owner.serverUrl, "SELECT 2 AS two")).toEqual([{ two: 2 }]);
    void orphan; // its owner "crashed": its handle is never used again
  });

  it("stop() stops a postmaster restarted by hand (not its own child any more)", async () => {
    const dataDir = newDir();
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dataDir, port });
    // "pg_ctl restart" by hand: the server stops, and a new postmaster, not ours, starts on the directory.
    const first = pidOf(dataDir);
    process.kill(first, "SIGINT");
    await waitFor(() => !alive(first));
    const asRoot = process.getuid?.() === 0;
    const ids = asRoot ? { uid: Number(execSync("id -u postgres").toString()), gid: Number(execSync("id -g postgres").toString()) } : {};
    const manual = spawn(path.join(binariesFolder(), "postgres"), ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1"], { ...ids, detached: true, stdio: "ignore" });
    manual.unref();
    await waitFor(async () => existsSync(path.join(dataDir, "postmaster.pid")) && (await queryOnce(server.serverUrl, "SELECT 1").then(() => true, () => false)));
    const restarted = pidOf(dataDir);
    expect(restarted).not.toBe(first);

    await server.stop();
    expect(alive(restarted)).toBe(false);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  });
});
