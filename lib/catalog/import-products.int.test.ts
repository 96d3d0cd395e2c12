import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { parseCsv } from "./csv-format";
import { applyImport, checkImportFile, exportCatalog, importTemplate, MAX_IMPORT_BYTES, validateImportFile } from "./import-products";

const db = testDb();
let shopId: string;
let otherShopId: string;
let staff: Actor;
const utf8 = (text: string) => new TextEncoder().encode(text);
const header = "sku;nom;prix;tva;unite;stock;rayon;description;disponible\n";

function catalog(count: number, row: (i: number) => string = (i) => `SKU-${i};Produit ${i};${(i % 50) + 1},50;5,5;pièce;${i % 7};Rayon ${i % 5};;oui`) {
  return utf8(header + Array.from({ length: count }, (_, i) => row(i + 1)).join("\n"));
}

beforeAll(async () => {
  const place = await createTerritory(db);
  shopId = (await createShop(db, place)).shop.id;
  otherShopId = (await createShop(db, place)).shop.id;
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.shopMember.create({ data: { shopId, userId: user.id, role: "STAFF" } });
  staff = await loadActor(db, user.id);
});

describe("catalog CSV import", () => {
  it("reports every bad row (numbers, VAT, stock, duplicates) and accepts nothing", () => {
    const file = utf8(
      header +
        ["A;Pain;4,20;5,5;pièce;10;;;oui", "B;Brioche;quatre;5,5;;;;;", "C;Croissant;1,20;19;pièce;-2;;;peut-être", "A;Pain bis;4,30;5,5;;;;;", ";X;1;20;;;;;"].join("\n"),
    );
    const result = validateImportFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.line}:${i.column}:${i.code}`)).toEqual([
      "3:prix:notAPrice",
      "4:tva:notAVatRate",
      "4:stock:notAStock",
      "4:disponible:notYesNo",
      "5:sku:duplicateSku",
      "6:sku:required",
      "6:nom:required",
    ]);
  });

  it("reads the Windows-1252 files Excel saves; refuses malformed, column-less, empty and oversized files", () => {
    const windows1252 = new Uint8Array([...utf8("sku;nom;prix\r\nA;P"), 0xe2, 0x74, 0xe9, 0x20, 0x9c, 0x75, 0x66, ...utf8(";3\r\n")]);
    expect(validateImportFile(windows1252)).toMatchObject({ ok: true, rows: [{ sku: "A", name: "Pâté œuf", priceCents: 300 }] });
    expect(validateImportFile(utf8('sku;nom;prix\nA;"jamais fermé;3\n'))).toMatchObject({ ok: false, issues: [{ code: "malformedCsv" }] });
    expect(validateImportFile(utf8("sku;name\nA;B"))).toEqual({ ok: false, issues: [{ line: 1, code: "missingColumns", value: "prix" }] });
    expect(validateImportFile(utf8(header))).toEqual({ ok: false, issues: [{ line: 0, code: "noRows" }] });
    expect(validateImportFile(new Uint8Array(MAX_IMPORT_BYTES + 1))).toEqual({ ok: false, issues: [{ line: 0, code: "fileTooLarge" }] });
  });

  it("attack: a row holding a NUL byte is refused at validation with its line and column, so apply never meets it", async () => {
    const file = utf8(`${header}OK-1;Pain;1,20;5,5;pièce;3;;;oui\nNUL-1;Pa\u0000in;1,20;5,5;pièce;3;;;oui\nNUL-2;Miche;1,50;5,5;pièce;3;;des\u0000cription;oui\n`);
    const result = validateImportFile(file);
    expect(result).toEqual({ ok: false, issues: [{ line: 3, column: "nom", code: "nulCharacter", value: "Pa\u2400in" }, { line: 4, column: "description", code: "nulCharacter", value: "des\u2400cription" }] });
    expect(await db.product.count({ where: { shopId, sku: { startsWith: "NUL-" } } })).toBe(0);
  });

  it("accepts English headers, comma separators and unlimited stock", () => {
    const result = validateImportFile(utf8("SKU,Name,Price,VAT,Stock\nS1,Réparation,45,20,illimité\n"));
    expect(result).toMatchObject({ ok: true, rows: [{ sku: "S1", name: "Réparation", priceCents: 4500, vatRateBp: 2000, stock: null, unit: "pièce", active: true }] });
  });

  it("creates then updates 1,000 products by SKU in one transaction, with progress", async () => {
    const first = validateImportFile(catalog(1000));
    if (!first.ok) throw new Error("fixture invalid");
    const progress: number[] = [];
    expect(await applyImport(db, { actor: staff, shopId, rows: first.rows, onProgress: (done) => progress.push(done) })).toEqual({ created: 1000, updated: 0 });
    expect(progress.at(-1)).toBe(1000);
    expect(progress.length).toBeGreaterThan(3);
    const second = validateImportFile(catalog(1000, (i) => `SKU-${i};Produit ${i} v2;2,00;20;kg;;;;non`));
    if (!second.ok) throw new Error("fixture invalid");
    expect(await applyImport(db, { actor: staff, shopId, rows: second.rows })).toEqual({ created: 0, updated: 1000 });
    expect(await db.product.findFirstOrThrow({ where: { shopId, sku: "SKU-7" } })).toMatchObject({ name: "Produit 7 v2", priceCents: 200, vatRateBp: 2000, unit: "kg", stock: null, active: false });
  });

  it("writes nothing when the apply fails half-way", async () => {
    const before = await db.product.count({ where: { shopId } });
    const rows = validateImportFile(catalog(600, (i) => `NEW-${i};Nouveau ${i};1;5,5;;1;;;oui`));
    if (!rows.ok) throw new Error("fixture invalid");
    await expect(
      applyImport(db, { actor: staff, shopId, rows: rows.rows, onProgress: (done) => { if (done >= 400) throw new Error("connection lost"); } }),
    ).rejects.toThrow("connection lost");
    expect(await db.product.count({ where: { shopId } })).toBe(before);
  });

  it("exports what it imports, and keeps other shops out", async () => {
    const exported = await exportCatalog(db, { actor: staff, shopId });
    const table = parseCsv(exported);
    expect(table[0]).toEqual(["sku", "nom", "prix", "tva", "unite", "stock", "rayon", "description", "disponible", "poids_piece_g", "tolerance_pct"]);
    expect(table).toContainEqual(["SKU-7", "Produit 7 v2", "2,00", "20", "kg", "illimité", "", "", "non", "", ""]);
    expect(validateImportFile(utf8(exported)).ok).toBe(true);
    expect(validateImportFile(utf8(importTemplate())).ok).toBe(true);
    expect(() => checkImportFile({ actor: staff, shopId: otherShopId, bytes: catalog(1) })).toThrow(NotFoundError);
    await expect(exportCatalog(db, { actor: staff, shopId: otherShopId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(applyImport(db, { actor: staff, shopId: otherShopId, rows: [] })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("imports and exports products sold by weight; a file without the weight columns leaves them as they are", async () => {
    const weighed = "sku;nom;prix;unite;poids_piece_g;tolerance_pct\n";
    expect(validateImportFile(utf8(`${weighed}W-1;Comté;31,60;kg;250;\nW-2;Roquefort;29;kg;0;12\nW-3;Brie;20;kg;;80`))).toEqual({
      ok: false,
      issues: [{ line: 3, column: "poids_piece_g", code: "notAWeight", value: "0" }, { line: 4, column: "tolerance_pct", code: "notATolerance", value: "80" }],
    });
    const rows = validateImportFile(utf8(`${weighed}W-1;Comté;31,60;kg;250;\nW-2;Roquefort;29;kg;200;10 %\nW-3;Bûche;12;pièce;;`));
    if (!rows.ok) throw new Error(JSON.stringify(rows.issues));
    await applyImport(db, { actor: staff, shopId, rows: rows.rows });
    const bySku = async (sku: string) => db.product.findFirstOrThrow({ where: { shopId, sku }, select: { soldByWeight: true, pieceGrams: true, weightToleranceBp: true } });
    expect(await bySku("W-1")).toEqual({ soldByWeight: true, pieceGrams: 250, weightToleranceBp: 1500 });
    expect(await bySku("W-2")).toEqual({ soldByWeight: true, pieceGrams: 200, weightToleranceBp: 1000 });
    expect(await bySku("W-3")).toMatchObject({ soldByWeight: false, pieceGrams: null });
    expect(parseCsv(await exportCatalog(db, { actor: staff, shopId }))).toContainEqual(["W-2", "Roquefort", "29,00", "20", "kg", "illimité", "", "", "oui", "200", "10"]);
    // An older file (no weight columns) updates the price and keeps the weighing.
    const older = validateImportFile(utf8(`${header}W-2;Roquefort;30;20;kg;;;;oui`));
    if (!older.ok) throw new Error("fixture invalid");
    await applyImport(db, { actor: staff, shopId, rows: older.rows });
    expect(await bySku("W-2")).toEqual({ soldByWeight: true, pieceGrams: 200, weightToleranceBp: 1000 });
  });

  it("exports names that look like formulas (=, +, -, @) as text a spreadsheet will not run", async () => {
    const names = ["=HYPERLINK(\"http://evil.example\";\"clic\")", "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-1+1"];
    for (const [i, name] of names.entries()) await db.product.create({ data: { shopId, sku: `EVIL-${i}`, name, priceCents: 100 } });
    const exported = await exportCatalog(db, { actor: staff, shopId });
    for (const name of names) expect(exported).not.toMatch(new RegExp(`;"?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    const table = parseCsv(exported);
    expect(table.filter((row) => row[0]?.startsWith("EVIL-")).map((row) => row[1]).sort(), "re-imported unchanged").toEqual([...names].sort());
  });
});
