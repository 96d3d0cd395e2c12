import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { admitSignIn, recordPasswordOutcome } from "@/lib/auth/sign-in-throttle";
import { submitApplication } from "@/lib/onboarding/submit-application";
import { handOverAtRelay } from "@/lib/orders/handover/relay-handover";
import { transitionOrderByShop } from "@/lib/orders/handover/shop-transitions";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { RateLimitedError } from "./rate-limit";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let shop: Awaited<ReturnType<typeof createShop>>;
let relayId: string;
let owner: Actor;
let operator: Actor;

async function order(status: "READY" | "AT_RELAY_POINT", pickupPointId: string) {
  const checkout = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
  const startsAt = new Date(Date.now() + 3_600_000);
  return db.order.create({
    data: {
      reference: `T-${randomUUID().slice(0, 8)}`, territoryId: place.territory.id, shopId: shop.shop.id, checkoutId: checkout.id, contactName: "Sam", status,
      pickupPointId, slotStartsAt: startsAt, slotEndsAt: new Date(startsAt.getTime() + 3_600_000), pickupCode: "GOOD23", paymentMethod: "PAY_AT_PICKUP",
      subtotalCents: 500, vatCents: 0, totalCents: 500, accessToken: randomUUID(),
    },
  });
}

beforeAll(async () => {
  place = await createTerritory(db);
  shop = await createShop(db, place);
  relayId = (await db.pickupPoint.create({ data: { territoryId: place.territory.id, kind: "RELAY_POINT", name: "Mairie", addressLine: "x", postalCode: "86000", city: "Poitiers", latitude: 46.5, longitude: 0.3 } })).id;
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.shopMember.create({ data: { shopId: shop.shop.id, userId: user.id, role: "OWNER" } });
  owner = await loadActor(db, user.id);
  const op = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.roleGrant.create({ data: { userId: op.id, role: "OPERATOR", territoryId: place.territory.id } });
  operator = await loadActor(db, op.id);
});

describe("sign-in throttling", () => {
  it("refuses a sixth password attempt on an account from one address within 15 minutes, right password or not", async () => {
    const email = `staff-${randomUUID()}@example.fr`;
    for (let i = 0; i < 5; i++) {
      expect((await admitSignIn(db, { door: "password", email, ip: "198.51.100.7" })).allowed).toBe(true);
      await recordPasswordOutcome(db, { email, ip: "198.51.100.7", succeeded: false });
    }
    const refused = await admitSignIn(db, { door: "password", email: email.toUpperCase(), ip: "198.51.100.7" });
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.allowed ? 0 : refused.retryAfterSeconds).toBeGreaterThan(800);
  });

  it("attack: a stranger trying passwords from many addresses cannot lock the owner out — the account is slowed, the owner told once", async () => {
    const user = await db.user.create({ data: { email: `boulanger-${randomUUID()}@example.fr`, passwordHash: "scrypt$x" } });
    const now = new Date();
    for (let i = 0; i < 30; i++) {
      const ip = `203.0.113.${i}`;
      const admitted = await admitSignIn(db, { door: "password", email: user.email, ip }, now);
      if (admitted.allowed) await recordPasswordOutcome(db, { email: user.email, ip, succeeded: false }, now);
    }
    // Past 10 failures the account takes one attempt per 10 seconds, whoever makes it: here the 11th passed, the others waited.
    expect(await db.outgoingEmail.count({ where: { toAddress: user.email, kind: "sign-in-failures" } })).toBe(1);
    const owner = await admitSignIn(db, { door: "password", email: user.email, ip: "192.0.2.10" }, new Date(now.getTime() + 11_000));
    expect(owner.allowed).toBe(true);
    await recordPasswordOutcome(db, { email: user.email, ip: "192.0.2.10", succeeded: true }, new Date(now.getTime() + 11_000));
    // The email link is never closed by password failures.
    expect((await admitSignIn(db, { door: "email", email: user.email, ip: "192.0.2.10" }, now)).allowed).toBe(true);
    // More failures in the same window send no second email.
    for (let i = 0; i < 3; i++) await recordPasswordOutcome(db, { email: user.email, ip: "203.0.113.200", succeeded: false }, now);
    expect(await db.outgoingEmail.count({ where: { toAddress: user.email, kind: "sign-in-failures" } })).toBe(1);
  });

  it("attack: 50 password attempts at once from one address on 50 accounts — exactly the limit of 20 is let through", async () => {
    const ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const now = new Date();
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => admitSignIn(db, { door: "password", email: `burst-${i}-${randomUUID()}@example.fr`, ip }, now)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(20);
  });

  it("attack: 50 attempts at once on a slowed-down account — one is let through", async () => {
    const email = `slowed-${randomUUID()}@example.fr`;
    const now = new Date();
    for (let i = 0; i < 10; i++) await recordPasswordOutcome(db, { email, ip: `198.51.100.${i}`, succeeded: false }, now);
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => admitSignIn(db, { door: "password", email, ip: `100.64.0.${i}` }, now)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(1);
  });

  it("a successful sign-in clears the account's count", async () => {
    const email = `owner-${randomUUID()}@example.fr`;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await admitSignIn(db, { door: "password", email, ip: "203.0.113.1" })).allowed).toBe(true);
      await recordPasswordOutcome(db, { email, ip: "203.0.113.1", succeeded: true });
    }
  });

  it("stops an address that keeps failing on many accounts", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 20; i++) {
      expect((await admitSignIn(db, { door: "password", email: `victim-${i}@example.fr`, ip })).allowed).toBe(true);
      await recordPasswordOutcome(db, { email: `victim-${i}@example.fr`, ip, succeeded: false });
    }
    expect((await admitSignIn(db, { door: "password", email: `fresh-${randomUUID()}@example.fr`, ip })).allowed).toBe(false);
  });

  it("sends at most 3 sign-in links to one address per 15 minutes", async () => {
    const email = `client-${randomUUID()}@example.fr`;
    const outcomes = [];
    for (let i = 0; i < 10; i++) outcomes.push((await admitSignIn(db, { door: "email", email, ip: `203.0.113.${i}` })).allowed);
    expect(outcomes.filter(Boolean)).toHaveLength(3);
  });
});

describe("pickup-code throttling", () => {
  it("an order takes 5 checks per quarter hour: after 5 wrong codes, even the right one waits", async () => {
    const ready = await order("READY", shop.door.id);
    for (let i = 0; i < 5; i++) {
      await expect(transitionOrderByShop(db, { now: new Date(), actor: owner, input: { orderId: ready.id, action: "markCollected", pickupCode: `BAD00${i}` } })).rejects.toMatchObject({ details: { reason: "wrongPickupCode" } });
    }
    await expect(transitionOrderByShop(db, { now: new Date(), actor: owner, input: { orderId: ready.id, action: "markCollected", pickupCode: "GOOD23" } })).rejects.toBeInstanceOf(RateLimitedError);
    expect((await db.order.findUniqueOrThrow({ where: { id: ready.id } })).status).toBe("READY");
  });

  it("the relay desk too, and a desk that keeps typing wrong codes is slowed down across orders", async () => {
    const waiting = await order("AT_RELAY_POINT", relayId);
    for (let i = 0; i < 5; i++) await expect(handOverAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { orderId: waiting.id, pickupCode: "NOPE22" } })).rejects.toMatchObject({ details: { reason: "wrongPickupCode" } });
    await expect(handOverAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { orderId: waiting.id, pickupCode: "GOOD23" } })).rejects.toBeInstanceOf(RateLimitedError);
    for (let n = 0; n < 3; n++) {
      const other = await order("AT_RELAY_POINT", relayId);
      for (let i = 0; i < 5; i++) await handOverAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { orderId: other.id, pickupCode: "NOPE22" } }).catch(() => undefined);
    }
    const fresh = await order("AT_RELAY_POINT", relayId);
    await expect(handOverAtRelay(db, { now: new Date(), actor: operator, pickupPointId: relayId, input: { orderId: fresh.id, pickupCode: "GOOD23" } })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("a right code on the first try goes through", async () => {
    const ready = await order("READY", shop.door.id);
    await transitionOrderByShop(db, { now: new Date(), actor: owner, input: { orderId: ready.id, action: "markCollected", pickupCode: "good23" } });
    expect((await db.order.findUniqueOrThrow({ where: { id: ready.id } })).status).toBe("COLLECTED");
  });
});

describe("shop application throttling", () => {
  const siret = ["12345678900007", "12345678901005", "12345678902003", "12345678903001", "12345678904009", "12345678905014", "12345678906012"];
  const application = (i: number) => ({
    shopName: `Boutique ${i}`, siret: siret[i], categoryId: place.category.id, communeId: place.commune.id, addressLine: "4 rue des Carmes", postalCode: "86000",
    contactName: "Inès Roux", contactEmail: `ines-${i}@example.fr`, contactPhone: "06 01 02 03 04", description: "Épicerie fine et produits locaux.", pickupOptions: ["door"],
  });

  it("takes 5 applications an hour from one address; forms with mistakes do not count", async () => {
    const senderIp = "198.51.100.200";
    for (let i = 0; i < 3; i++) await expect(submitApplication(db, { territorySlug: place.territory.slug, senderIp, input: { ...application(0), siret: "123" } })).rejects.toThrow(/siretInvalid/);
    for (let i = 0; i < 5; i++) await submitApplication(db, { territorySlug: place.territory.slug, senderIp, input: application(i) });
    await expect(submitApplication(db, { territorySlug: place.territory.slug, senderIp, input: application(5) })).rejects.toBeInstanceOf(RateLimitedError);
    await submitApplication(db, { territorySlug: place.territory.slug, senderIp: "198.51.100.201", input: application(6) });
    expect(await db.shopApplication.count({ where: { territoryId: place.territory.id } })).toBe(6);
  });
});
