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
import { UnsupportedPostgresError } from "@/lib/db/server-version";
import { installJobQueue } from "@/lib/jobs/install";
import { isPortInUse } from "@/lib/db/embedded";
import { EmbeddedAccessError } from "@/lib/db/embedded-access";
import { seedDemoData } from "@/prisma/seed/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/accounts";
import { loadDotEnv } from "./lib/dotenv";
import { resolveDatabase, type ResolvedDatabase } from "./lib/database-url";
import { needsBuild } from "./lib/build-state";
import { decideMailPolicy } from "./lib/mail-policy";
import { decidePaymentPolicy } from "./lib/payment-policy";
import { startStripeDouble, type StripeDouble } from "./stripe-double/server";
import { randomBytes } from "node:crypto";
import { persistentSecret } from "./lib/secret";
import { serverNodeArgs, serverProcessEnv } from "./lib/server-command";

const dev = process.argv.includes("--dev");
// Run Next's CLI with this Node directly (not through npx), so that signals reach
// the server itself and stopping Comptoir never leaves an orphan behind.
const projectRequire = createRequire(path.join(process.cwd(), "package.json"));
const nextCli = projectRequire.resolve("next/dist/bin/next");
/** How long Ctrl-C waits for the server to finish its requests before stopping the database. */
const SERVER_STOP_MS = 15_000;

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
  const mail = decideMailPolicy({
    embeddedDatabase: !config.DATABASE_URL,
    smtp: Boolean(config.SMTP_URL),
    devMailbox: process.env.DEV_MAILBOX?.trim() ? config.DEV_MAILBOX : undefined,
  });
  if (!mail.ok) fail(mail.reason);
  if (mail.warning) console.warn(banner(mail.warning));

  let database: ResolvedDatabase;
  try {
    database = await resolveDatabase(config);
  } catch (error) {
    if (error instanceof EmbeddedAccessError) fail(error.message);
    fail(
      config.DATABASE_URL
        ? `Cannot reach the database at DATABASE_URL: ${(error as Error).message}`
        : `The embedded PostgreSQL could not start: ${(error as Error).message}\nIts data lives in ${config.EMBEDDED_PG_DIR}; delete that folder to start afresh.`,
    );
  }
  let stripeDouble: StripeDouble | null = null;
  const stopDatabase = async () => {
    await stripeDouble?.close().catch(() => {});
    await database.embedded?.stop().catch(() => {});
  };

  try {
    const applied = await applyMigrations(database.url);
    await installJobQueue(database.url);
    if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
    console.log(await seedDemoData(database.url));
  } catch (error) {
    await stopDatabase();
    if (error instanceof UnsupportedPostgresError) fail(error.message);
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
    DEV_MAILBOX: String(mail.devMailbox),
  };

  const payments = decidePaymentPolicy({ embeddedDatabase: !config.DATABASE_URL, stripeKeys: Boolean(config.STRIPE_SECRET_KEY) });
  if (payments.mode === "demo") {
    // The demo pays through the local Stripe double: nothing leaves this machine, no card is charged.
    const webhookSecret = `whsec_demo_${randomBytes(12).toString("hex")}`;
    stripeDouble = await startStripeDouble({ webhookSecret, webhookUrl: `http://127.0.0.1:${config.PORT}/api/paiements/stripe/webhook` });
    Object.assign(childEnv, { STRIPE_SECRET_KEY: "sk_test_demo_comptoir", STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_BASE: stripeDouble.url, PAYMENT_DEMO: "true" });
  }

  if (!dev && needsBuild()) {
    console.log("Building the app (first start or changed sources)…");
    const build = spawnSync(process.execPath, [nextCli, "build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
    if (build.status !== 0) {
      await stopDatabase();
      fail("The build failed (see above).");
    }
  }

  // Our own server (scripts/server.ts) in front of Next.js, run by this Node directly.
  const child: ChildProcess = spawn(process.execPath, dev ? ["--import", "tsx", "scripts/server.ts", "--dev"] : serverNodeArgs(childEnv), {
    stdio: "inherit",
    env: serverProcessEnv({ ...childEnv, NODE_ENV: dev ? ("development" as const) : ("production" as const) }),
  });
  printWelcome(appUrl, Boolean(database.embedded), mail.devMailbox, payments.mode);
  if (mail.warning) console.warn(banner(mail.warning));

  let stopping = false;
  let childExited = false;
  const childExit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // Let the server finish its requests before the database goes away.
    if (!childExited) {
      child.kill("SIGTERM");
      await Promise.race([childExit, new Promise((resolve) => setTimeout(resolve, SERVER_STOP_MS))]);
    }
    await stopDatabase();
    process.exit(code);
  };
  child.once("exit", () => (childExited = true));
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
}

function banner(text: string): string {
  const rule = "!".repeat(78);
  return `\n${rule}\n${text.split("\n").map((line) => `!! ${line}`).join("\n")}\n${rule}\n`;
}

function printWelcome(url: string, embedded: boolean, mailbox: boolean, payments: "stripe" | "demo" | "none"): void {
  const lines = [
    "",
    `Comptoir is starting on ${url}`,
    embedded ? "Database: embedded PostgreSQL" : "Database: DATABASE_URL",
    mailbox ? `Emails: dev mailbox at ${url}/dev/mailbox` : "Emails: SMTP_URL",
    payments === "demo" ? "Payments: demonstration (local Stripe double, no card is charged)" : payments === "stripe" ? "Payments: Stripe (STRIPE_SECRET_KEY)" : "Payments: pay at pickup only (set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET for online payment)",
    "",
    `Demo accounts (staff password: ${DEMO_PASSWORD}; anyone can also sign in with an email link):`,
    ...Object.values(DEMO_ACCOUNTS).map((account) => `  ${account.email.padEnd(28)} ${account.name}${account.password ? "" : " (email link only)"}`),
    "",
  ];
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
