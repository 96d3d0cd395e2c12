import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// Debian's chromium where present (CI, this machine); Playwright's own browser elsewhere.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // Axe scans of the run, collected for the accessibility statement (e2e/support/a11y-scans.ts).
  globalSetup: "./e2e/support/global-setup.ts",
  globalTeardown: "./e2e/support/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // The same start command a user runs, on a fresh embedded database of its own.
  webServer: {
    command: "rm -rf .data/e2e && npx tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      NEXTAUTH_URL: baseURL,
      EMBEDDED_PG_DIR: ".data/e2e/postgres",
      UPLOAD_DIR: ".data/e2e/uploads",
      DEV_MAILBOX: "true",
      // Only the test harness may move time forward (POST /api/test/clock); never set in a normal start.
      COMPTOIR_TEST_CLOCK: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
