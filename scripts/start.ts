/**
 * `npm start` (production build) and `npm run dev` (hot reload).
 * Without DATABASE_URL: starts the embedded PostgreSQL (.data/postgres), applies
 * migrations, seeds demo data on an empty database, then serves the app.
 * Ctrl-C stops the app and the database.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { parseEnv, EnvError } from "@/lib/env";
import { applyMigrations, MigrationError } from "@/lib/db/migrations";
import { isPortInUse } from "@/lib/db/embedded";
import { seedDemoData } from "@/prisma/seed/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { loadDotEnv } from "./lib/dotenv";
import { resolveDatabase, type ResolvedDatabase } from "./lib/database-url";
import { needsBuild } from "./lib/build-state";
import { persistentSecret } from "./lib/secret";

const dev = process.argv.includes("--dev");
// Run Next's CLI with this Node directly (not through npx), so that signals reach
// the server itself and stopping Comptoir never leaves an orphan behind.
const nextCli = createRequire(path.join(process.cwd(), "package.json")).resolve("next/dist/bin/next");

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = parseEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(`${error.message}\nSee .env.example for every variable.`);
    throw error;
  }
  if (await isPortInUse(config.PORT)) fail(`Port ${config.PORT} is already in use. Stop the other program or set PORT=3001.`);

  let database: ResolvedDatabase;
  try {
    database = await resolveDatabase(config);
  } catch (error) {
    fail(
      config.DATABASE_URL
        ? `Cannot reach the database at DATABASE_URL: ${(error as Error).message}`
        : `The embedded PostgreSQL could not start: ${(error as Error).message}\nIts data lives in ${config.EMBEDDED_PG_DIR}; delete that folder to start afresh.`,
    );
  }
  const stopDatabase = async () => {
    await database.embedded?.stop().catch(() => {});
  };

  try {
    const applied = await applyMigrations(database.url);
    if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
    console.log(await seedDemoData(database.url));
  } catch (error) {
    await stopDatabase();
    fail(error instanceof MigrationError ? `A migration failed and was rolled back: ${error.message}` : String(error));
  }

  const appUrl = config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: config.NEXTAUTH_SECRET ?? persistentSecret(),
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(config.PORT),
  };
  if (!config.SMTP_URL && process.env.DEV_MAILBOX === undefined) childEnv.DEV_MAILBOX = "true";

  if (!dev && needsBuild()) {
    console.log("Building the app (first start or changed sources)…");
    const build = spawnSync(process.execPath, [nextCli, "build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
    if (build.status !== 0) {
      await stopDatabase();
      fail("The build failed (see above).");
    }
  }

  const child: ChildProcess = spawn(process.execPath, [nextCli, dev ? "dev" : "start", "-p", String(config.PORT)], {
    stdio: "inherit",
    env: childEnv,
  });
  printWelcome(appUrl, Boolean(database.embedded), childEnv.DEV_MAILBOX === "true");

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await stopDatabase();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
}

function printWelcome(url: string, embedded: boolean, mailbox: boolean): void {
  const lines = [
    "",
    `Comptoir is starting on ${url}`,
    embedded ? "Database: embedded PostgreSQL" : "Database: DATABASE_URL",
    mailbox ? `Emails: dev mailbox at ${url}/dev/mailbox` : "Emails: SMTP_URL",
    "",
    `Demo accounts (staff password: ${DEMO_PASSWORD}; anyone can also sign in with an email link):`,
    ...Object.values(DEMO_ACCOUNTS).map((account) => `  ${account.email.padEnd(28)} ${account.name}${account.password ? "" : " (email link only)"}`),
    "",
  ];
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
