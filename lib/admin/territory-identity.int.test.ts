import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { queueEmailAlone } from "@/lib/notifications/outbox";
import { localMediaStore, type MediaStore } from "@/lib/storage/media-store";
import { testDb } from "@/tests/helpers/db";
import { removeTerritoryLogo, setTerritoryLogo, updateTerritoryIdentity } from "./territory-identity";

const db = testDb();
let dir: string;
let store: MediaStore;
let territoryId: string;
let admin: Actor;
let otherAdmin: Actor;

const identity = {
  name: "Niort Agglo",
  welcomeText: "Les commerces du Marais poitevin, à deux pas de chez vous.",
  primaryColor: "#003D7A",
  contactEmail: "Commerces@Niort.fr",
  contactPhone: "05 49 78 79 80",
  contactAddress: "Place Martin Bastard, 79000 Niort",
  legalPublisher: "Mairie de Niort, place Martin Bastard, 79000 Niort",
  publicationDirector: "Le maire de Niort",
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "comptoir-logo-"));
  store = localMediaStore(dir);
  territoryId = (await db.territory.create({ data: { slug: `niort-${randomUUID().slice(0, 6)}`, name: "Niort" } })).id;
  const elsewhere = (await db.territory.create({ data: { slug: `autre-${randomUUID().slice(0, 6)}`, name: "Ailleurs" } })).id;
  for (const [place, assign] of [[territoryId, (a: Actor) => (admin = a)], [elsewhere, (a: Actor) => (otherAdmin = a)]] as const) {
    const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
    await db.roleGrant.create({ data: { userId: user.id, role: "ADMIN", territoryId: place } });
    assign(await loadActor(db, user.id));
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a town's identity", () => {
  it("is saved by its admins only, normalised and audited, and signs the town's emails", async () => {
    await expect(updateTerritoryIdentity(db, { actor: otherAdmin, territoryId, input: identity })).rejects.toBeInstanceOf(NotFoundError);
    await updateTerritoryIdentity(db, { actor: admin, territoryId, input: identity });
    const saved = await db.territory.findUniqueOrThrow({ where: { id: territoryId } });
    expect(saved).toMatchObject({ name: "Niort Agglo", primaryColor: "#003d7a", contactEmail: "commerces@niort.fr", legalPublisher: identity.legalPublisher });
    expect(await db.auditLog.count({ where: { territoryId, action: "territory.identity" } })).toBe(1);

    const emailId = await queueEmailAlone(db, { to: "client@example.fr", subject: "Prête", text: "Bonjour,\n\nVotre commande est prête.\n\n—\nComptoir", kind: "order-ready", territoryId });
    const email = await db.outgoingEmail.findUniqueOrThrow({ where: { id: emailId } });
    expect(email.text).toBe("Bonjour,\n\nVotre commande est prête.\n\n—\nComptoir — Niort Agglo\nPlace Martin Bastard, 79000 Niort\n05 49 78 79 80 · commerces@niort.fr");

    // Blank optional fields clear them.
    await updateTerritoryIdentity(db, { actor: admin, territoryId, input: { ...identity, welcomeText: "  ", primaryColor: "", contactPhone: "" } });
    expect(await db.territory.findUniqueOrThrow({ where: { id: territoryId } })).toMatchObject({ welcomeText: null, primaryColor: null, contactPhone: null });
  });

  it("refuses a colour without AA contrast with the measured ratio, and malformed input, changing nothing", async () => {
    const before = await db.territory.findUniqueOrThrow({ where: { id: territoryId } });
    await expect(updateTerritoryIdentity(db, { actor: admin, territoryId, input: { ...identity, name: "Changé", primaryColor: "#ffcc00" } })).rejects.toMatchObject({ details: { reason: "colourContrast", ratio: 1.44 } });
    for (const bad of [{ primaryColor: "red" }, { primaryColor: "#12345" }, { contactEmail: "pas-une-adresse" }, { contactPhone: "appelez-moi" }, { name: "" }, { welcomeText: "x".repeat(601) }, { legalPublisher: "nul\u0000" }]) {
      await expect(updateTerritoryIdentity(db, { actor: admin, territoryId, input: { ...identity, ...bad } }), JSON.stringify(bad)).rejects.toMatchObject({ name: "ZodError" });
    }
    expect(await db.territory.findUniqueOrThrow({ where: { id: territoryId } })).toEqual(before);
  });

  it("takes an uploaded logo resized to 256 px, replaces and removes it with its file; refuses what is not an image", async () => {
    const big = await sharp({ create: { width: 1200, height: 600, channels: 4, background: "#003d7a" } }).png().toBuffer();
    const { key } = await setTerritoryLogo(db, store, { actor: admin, territoryId, bytes: big });
    const stored = await store.get(key);
    expect(await sharp(stored ?? Buffer.alloc(0)).metadata()).toMatchObject({ format: "webp", width: 256, height: 128 });
    const second = await setTerritoryLogo(db, store, { actor: admin, territoryId, bytes: big });
    expect(await store.get(key)).toBeNull();
    expect((await db.territory.findUniqueOrThrow({ where: { id: territoryId } })).logoKey).toBe(second.key);
    await expect(setTerritoryLogo(db, store, { actor: admin, territoryId, bytes: Buffer.from("<svg onload=alert(1)>") })).rejects.toMatchObject({ details: { reason: "photoNotImage" } });
    await expect(setTerritoryLogo(db, store, { actor: otherAdmin, territoryId, bytes: big })).rejects.toBeInstanceOf(NotFoundError);
    await removeTerritoryLogo(db, store, { actor: admin, territoryId });
    expect(await store.get(second.key)).toBeNull();
    expect((await db.territory.findUniqueOrThrow({ where: { id: territoryId } })).logoKey).toBeNull();
  });
});
