import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "@/tests/helpers/app-server";
import { testDb } from "@/tests/helpers/db";
import { HttpClient } from "@/tests/helpers/http-client";
import { startPaymentsDouble, TEST_WEBHOOK_SECRET } from "@/tests/helpers/payments";
import type { StripeDouble } from "@/scripts/stripe-double/server";
import { changedTables, databaseFingerprint } from "@/tests/fuzz/fingerprint";
import { FIELD_NAMES, GARBAGE_BODIES, INVALID_VALUES, JSON_ARGUMENTS, PLAUSIBLE_VALUES, QUERY_NAMES, RAW_URL_VALUES, pick, seededRandom } from "@/tests/fuzz/inputs";
import { actionFormBody, fillRoute, listRoutes, listServerActions } from "@/tests/fuzz/next-actions";

/**
 * Thousands of malformed requests to every server action and every route, as an
 * anonymous visitor and as each kind of staff: none may answer 5xx, and the
 * malformed ones may change no row. Seeded: FUZZ_SEED=<n> replays a run.
 */
const db = testDb();
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const random = seededRandom(SEED);
let app: AppServer;
let double: StripeDouble;
const clients: Record<string, HttpClient> = {};

type Attempt = { label: string; send: (client: HttpClient) => Promise<Response> };
type Failure = { label: string; status: number };

beforeAll(async () => {
  // No background worker: its sweeps and heartbeats write rows on their own schedule.
  // Online payment on (through the Stripe double): the payment actions and the webhook are fuzzed too.
  ({ double } = await startPaymentsDouble());
  app = await startApp({ env: { WORKER: "false", STRIPE_SECRET_KEY: "sk_test_comptoir", STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, STRIPE_API_BASE: double.url, PAYMENT_DEMO: "true" } });
  clients.anonymous = new HttpClient(app.url);
  for (const [role, email] of [["owner", "boulangerie@comptoir.local"], ["admin", "admin@comptoir.local"], ["operator", "operateur@comptoir.local"], ["superadmin", "superadmin@comptoir.local"]] as const) {
    const client = new HttpClient(app.url);
    expect((await client.signInWithPassword(email, "comptoir-demo")).status).toBe(200);
    clients[role] = client;
  }
});

afterAll(async () => {
  await app.stop();
  await double.close();
});

/** Sends every attempt with each client, a few at a time; returns the count and the 5xx answers. */
async function run(attempts: Attempt[], roles: string[]): Promise<{ sent: number; failures: Failure[] }> {
  const jobs = roles.flatMap((role) => attempts.map((attempt) => ({ role, attempt })));
  const failures: Failure[] = [];
  let next = 0;
  const worker = async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      const client = clients[job.role] as HttpClient;
      let status: number;
      try {
        const response = await job.attempt.send(client);
        status = response.status;
        await response.arrayBuffer();
      } catch {
        status = 599; // the connection broke: as bad as a 500
      }
      if (status >= 500) failures.push({ label: `${job.role}: ${job.attempt.label}`, status });
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return { sent: jobs.length, failures };
}

function randomFields(values: readonly string[], count: number, realIds: Record<string, string> = {}): [string, string | Blob][] {
  const fields: [string, string | Blob][] = [];
  for (let i = 0; i < count; i++) {
    const name = pick(random, FIELD_NAMES);
    fields.push([name, realIds[name] ?? pick(random, values)]);
  }
  if (random() < 0.2) fields.push(["photo", new Blob([new Uint8Array(Array.from({ length: 512 }, () => Math.floor(random() * 256)))])]);
  return fields;
}

function actionAttempts(values: readonly string[], perAction: number, realIds: Record<string, string> = {}): Attempt[] {
  const attempts: Attempt[] = [];
  for (const action of listServerActions()) {
    const page = fillRoute(action.pagePath, realIds, "x");
    const headers = { "next-action": action.id, origin: app.url };
    const label = (kind: string) => `${action.name} (${kind})`;
    for (let i = 0; i < perAction; i++) {
      const kind = i % 5;
      if (kind === 0) {
        const body = pick(random, JSON_ARGUMENTS);
        attempts.push({ label: label(`json ${body.slice(0, 40)}`), send: (c) => c.fetch(page, { method: "POST", headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, body }) });
      } else if (kind === 1) {
        const body = pick(random, GARBAGE_BODIES);
        attempts.push({ label: label(`garbage ${JSON.stringify(body.slice(0, 20))}`), send: (c) => c.fetch(page, { method: "POST", headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, body }) });
      } else if (kind === 2 || kind === 3) {
        const fields = randomFields(values, 2 + Math.floor(random() * 8), realIds);
        const args = pick(random, ['[{},"$K1"]', '["$K1"]', '[null,"$K1"]', '[{"ok":true,"data":1},"$K1","$K1"]']);
        attempts.push({ label: label(`form ${fields.map(([n]) => n).join(",")} ${args}`), send: (c) => c.fetch(page, { method: "POST", headers, body: actionFormBody(fields, args) }) });
      } else {
        const fields = randomFields(values, 4, realIds);
        const form = new URLSearchParams([[`$ACTION_ID_${action.id}`, ""], ...fields.filter((f): f is [string, string] => typeof f[1] === "string")]);
        const broken = random() < 0.5;
        attempts.push({
          label: label(broken ? "broken multipart" : "no-JS form post"),
          send: (c) =>
            broken
              ? c.fetch(page, { method: "POST", headers: { ...headers, "content-type": "multipart/form-data; boundary=nope" }, body: "--other\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[" })
              : c.fetch(page, { method: "POST", headers: { origin: app.url, "content-type": "application/x-www-form-urlencoded" }, body: form.toString() }),
        });
      }
    }
  }
  return attempts;
}

function routeAttempts(perRoute: number): Attempt[] {
  const attempts: Attempt[] = [];
  for (const route of listRoutes()) {
    for (let i = 0; i < perRoute; i++) {
      const segment = pick(random, RAW_URL_VALUES);
      const query = `${pick(random, QUERY_NAMES)}=${pick(random, RAW_URL_VALUES)}&${pick(random, QUERY_NAMES)}=${pick(random, RAW_URL_VALUES)}`;
      const url = `${fillRoute(route, {}, segment)}?${query}`;
      attempts.push({ label: `GET ${url.slice(0, 80)}`, send: (c) => c.fetch(url) });
      if (route.startsWith("/api/")) {
        const body = pick(random, GARBAGE_BODIES);
        attempts.push({ label: `POST ${url.slice(0, 60)}`, send: (c) => c.fetch(url, { method: "POST", headers: { origin: app.url, "content-type": pick(random, ["text/plain", "application/json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]) }, body }) });
      }
    }
  }
  for (const door of ["session", "signin", "csrf", "providers", "signout"]) {
    for (const cookie of ["abc", "javascript:alert(1)", "%C0%80", "::", "\u00e9"]) {
      attempts.push({ label: `GET /api/auth/${door} with callback cookie ${cookie}`, send: (c) => c.fetch(`/api/auth/${door}`, { headers: { cookie: `next-auth.callback-url=${encodeURIComponent(cookie)}` } }) });
    }
  }
  for (const door of ["callback/password", "signin/email", "callback/email", "signout", "session", "csrf"]) {
    for (let i = 0; i < 6; i++) {
      const fields = new URLSearchParams({ email: pick(random, INVALID_VALUES), password: pick(random, INVALID_VALUES), csrfToken: pick(random, INVALID_VALUES), json: "true" });
      attempts.push({ label: `POST /api/auth/${door}`, send: (c) => c.postForm(`/api/auth/${door}`, Object.fromEntries(fields), { origin: app.url }) });
    }
  }
  return attempts;
}

describe("fuzz", () => {
  it("answers thousands of malformed requests without a server error and without changing a row", async () => {
    const before = await databaseFingerprint(db);
    const actions = await run(actionAttempts(INVALID_VALUES, 15), ["anonymous", "owner", "admin", "superadmin"]);
    const routes = await run(routeAttempts(8), ["anonymous", "owner"]);
    const changed = changedTables(before, await databaseFingerprint(db));
    const sent = actions.sent + routes.sent;
    const failures = [...actions.failures, ...routes.failures];
    console.log(`fuzz: ${sent} requests, ${failures.length} server errors, ${changed.length} rows changed`);
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})${changed.length ? `; changed tables: ${changed.join(", ")}` : ""}`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(changed).toEqual([]);
    expect(sent).toBeGreaterThan(2000);
  });

  it("answers plausible-but-wrong values with real ids (deeper into the use cases) without a server error", async () => {
    const shop = await db.shop.findFirstOrThrow({ where: { slug: "boulangerie-du-marche" }, select: { id: true, slug: true, doorPoint: { select: { id: true } } } });
    const product = await db.product.findFirstOrThrow({ where: { shopId: shop.id }, select: { id: true } });
    const realIds = { shopId: shop.id, slug: shop.slug, productId: product.id, pickupPointId: shop.doorPoint?.id ?? "" };
    const deep = await run(actionAttempts([...PLAUSIBLE_VALUES, ...INVALID_VALUES], 8, realIds), ["owner"]);
    console.log(`fuzz (real ids): ${deep.sent} requests, ${deep.failures.length} server errors`);
    expect(deep.failures.slice(0, 20)).toEqual([]);
  });
});
