import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { HttpClient } from "@/tests/helpers/http-client";
import { testDb } from "@/tests/helpers/db";
import { waitUntil } from "@/tests/helpers/worker";

/** The dev mailbox hands out sign-in links: it must answer this machine only. */
describe("dev mailbox over HTTP", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp({ env: { DEV_MAILBOX: "true" } });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("shows this machine the sign-in link it asked for, with a banner on every page", async () => {
    const local = new HttpClient(app.url);
    expect((await local.requestSignInLink("superadmin@comptoir.local")).status).toBe(200);
    // Delivered by the server's own worker within seconds (the job runs at once, first in line).
    await waitUntil(async () => (await testDb().outgoingEmail.count({ where: { toAddress: "superadmin@comptoir.local", kind: "sign-in", status: "SENT" } })) === 1, 5_000, "the sign-in email");
    const page = await local.fetch("/dev/mailbox?to=superadmin@comptoir.local");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("/api/auth/callback/email?");
    for (const path of ["/", "/panier", "/connexion", "/mentions-legales"]) {
      expect(await (await local.fetch(path)).text(), path).toContain('data-testid="dev-mailbox-banner"');
    }
  });

  it("answers 404 to a request that came through a proxy, whatever it claims, and never leaks the link", async () => {
    const attacker = new HttpClient(app.url, { "x-forwarded-for": "203.0.113.50" });
    await attacker.requestSignInLink("superadmin@comptoir.local");
    const claims: Record<string, string>[] = [{ "x-forwarded-for": "203.0.113.50" }, { "x-forwarded-for": "127.0.0.1" }, { forwarded: "for=127.0.0.1" }, { "x-real-ip": "127.0.0.1" }];
    for (const headers of claims) {
      const response = await attacker.fetch("/dev/mailbox?to=superadmin@comptoir.local", { headers });
      expect(response.status, JSON.stringify(headers)).toBe(404);
      expect(await response.text()).not.toContain("/api/auth/callback/email?");
    }
    // The link was recorded all the same: only this machine may read it.
    expect(await testDb().outgoingEmail.count({ where: { toAddress: "superadmin@comptoir.local", kind: "sign-in" } })).toBeGreaterThanOrEqual(2);
  });
});

describe("dev mailbox behind a trusted load balancer", () => {
  it("refuses a remote client even if it claims to be 127.0.0.1", async () => {
    const app = await startApp({ env: { DEV_MAILBOX: "true", TRUST_PROXY_HOPS: "1" } });
    try {
      const client = new HttpClient(app.url);
      // What a load balancer forwards: the client's own claim, then the address it saw.
      expect((await client.fetch("/dev/mailbox", { headers: { "x-forwarded-for": "127.0.0.1, 198.51.100.7" } })).status).toBe(404);
      expect((await client.fetch("/dev/mailbox", { headers: { "x-forwarded-for": "198.51.100.7" } })).status).toBe(404);
    } finally {
      await app.stop();
    }
  });
});

describe("without the dev mailbox", () => {
  it("has no mailbox page and no banner", async () => {
    const app = await startApp({ env: { DEV_MAILBOX: "false" } });
    try {
      const local = new HttpClient(app.url);
      expect((await local.fetch("/dev/mailbox")).status).toBe(404);
      expect(await (await local.fetch("/")).text()).not.toContain("dev-mailbox-banner");
    } finally {
      await app.stop();
    }
  });
});
