import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { requireShopMember } from "@/lib/auth/guards";
import { CsvFormatError, decodeSpreadsheetText, parseCsv, toCsv } from "./csv-format";
import { euroAmount, VAT_RATES_BP } from "./product-input";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

/** Columns of the import/export file, French first; English names are accepted too. */
export const COLUMNS = ["sku", "nom", "prix", "tva", "unite", "stock", "rayon", "description", "disponible", "poids_piece_g", "tolerance_pct"] as const;
type Column = (typeof COLUMNS)[number];
const ALIASES: Record<string, Column> = {
  name: "nom", price: "prix", vat: "tva", unit: "unite", unité: "unite", section: "rayon", available: "disponible",
  piece_grams: "poids_piece_g", poids_pièce_g: "poids_piece_g", tolerance_percent: "tolerance_pct", tolérance_pct: "tolerance_pct",
};
const REQUIRED: Column[] = ["sku", "nom", "prix"];

export type ImportIssue = { line: number; column?: string; code: string; value?: string };
export type ImportRow = {
  line: number;
  sku: string;
  name: string;
  priceCents: number;
  vatRateBp: number;
  unit: string;
  stock: number | null;
  section: string | null;
  description: string;
  active: boolean;
  /** Sold by weight when pieceGrams is set (the price is then per kg); undefined: the file has no weight column, leave it as it is. */
  weight?: { pieceGrams: number | null; toleranceBp: number };
};

const yes = new Set(["oui", "o", "yes", "y", "1", "true", "vrai", ""]);
const no = new Set(["non", "n", "no", "0", "false", "faux"]);

/** The weight columns: a piece weight in grams makes the product sold by weight (price per kg). */
function readWeight(cell: (c: Column) => string, hasWeight: boolean, fail: (column: Column, code: string) => void): ImportRow["weight"] {
  if (!hasWeight) return undefined;
  const gramsText = cell("poids_piece_g").trim();
  const pieceGrams = gramsText === "" ? null : Number(gramsText);
  if (pieceGrams !== null && !(Number.isInteger(pieceGrams) && pieceGrams >= 1 && pieceGrams <= 100_000)) fail("poids_piece_g", "notAWeight");
  const toleranceText = cell("tolerance_pct").trim().replace("%", "").trim();
  const tolerance = toleranceText === "" ? 15 : Number(toleranceText);
  if (!(Number.isInteger(tolerance) && tolerance >= 0 && tolerance <= 50)) fail("tolerance_pct", "notATolerance");
  return { pieceGrams, toleranceBp: tolerance * 100 };
}

function readRow(line: number, cell: (c: Column) => string, issues: ImportIssue[], hasWeight: boolean): ImportRow | null {
  const before = issues.length;
  const fail = (column: Column, code: string) => issues.push({ line, column, code, value: cell(column).slice(0, 60).replaceAll("\u0000", "\u2400") });
  // PostgreSQL stores no NUL character: a row holding one is refused here, with its line, never at apply time.
  for (const column of COLUMNS) if (cell(column).includes("\u0000")) fail(column, "nulCharacter");
  const sku = cell("sku").trim();
  if (!sku) fail("sku", "required");
  else if (sku.length > 40) fail("sku", "tooLong");
  const name = cell("nom").trim();
  if (name.length < 2) fail("nom", "required");
  else if (name.length > 120) fail("nom", "tooLong");
  const price = euroAmount.safeParse(cell("prix"));
  if (!price.success) fail("prix", "notAPrice");
  const vatText = cell("tva").trim().replace("%", "").replace(",", ".").trim() || "20";
  const vatRateBp = Math.round(Number(vatText) * 100);
  if (!(VAT_RATES_BP as readonly number[]).includes(vatRateBp)) fail("tva", "notAVatRate");
  const stockText = cell("stock").trim().toLowerCase();
  const stock = stockText === "" || stockText === "illimité" || stockText === "illimite" || stockText === "unlimited" ? null : Number(stockText);
  if (stock !== null && !(Number.isInteger(stock) && stock >= 0 && stock <= 100_000)) fail("stock", "notAStock");
  const available = cell("disponible").trim().toLowerCase();
  if (!yes.has(available) && !no.has(available)) fail("disponible", "notYesNo");
  const description = cell("description").trim();
  if (description.length > 2000) fail("description", "tooLong");
  const unit = cell("unite").trim() || "pièce";
  if (unit.length > 30) fail("unite", "tooLong");
  const section = cell("rayon").trim();
  if (section.length > 60) fail("rayon", "tooLong");
  const weight = readWeight(cell, hasWeight, fail);
  if (issues.length > before || !price.success) return null;
  return { line, sku, name, priceCents: price.data, vatRateBp, unit, stock, section: section || null, description, active: !no.has(available), weight };
}

/** A shop member checks a file; nothing is written. */
export function checkImportFile(request: { actor: Actor; shopId: string; bytes: Uint8Array }) {
  requireShopMember(request.actor, request.shopId);
  return validateImportFile(request.bytes);
}

/**
 * Reads and checks a whole import file before anything is written: encoding,
 * size, columns, each row's values, duplicate SKUs. Returns rows or a report.
 */
export function validateImportFile(bytes: Uint8Array): { ok: true; rows: ImportRow[] } | { ok: false; issues: ImportIssue[] } {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, issues: [{ line: 0, code: "fileTooLarge" }] };
  let table: string[][];
  try {
    table = parseCsv(decodeSpreadsheetText(bytes));
  } catch (error) {
    if (error instanceof CsvFormatError) return { ok: false, issues: [{ line: error.line, code: "malformedCsv" }] };
    throw error;
  }
  const header = (table[0] ?? []).map((h) => {
    const key = h.trim().toLowerCase();
    return ALIASES[key] ?? key;
  });
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, issues: [{ line: 1, code: "missingColumns", value: missing.join(", ") }] };
  if (table.length - 1 > MAX_IMPORT_ROWS) return { ok: false, issues: [{ line: 0, code: "tooManyRows", value: String(MAX_IMPORT_ROWS) }] };
  if (table.length < 2) return { ok: false, issues: [{ line: 0, code: "noRows" }] };
  const issues: ImportIssue[] = [];
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const cell = (column: Column) => {
      const position = header.indexOf(column);
      return position === -1 ? "" : (cells[position] ?? "");
    };
    const row = readRow(line, cell, issues, header.includes("poids_piece_g"));
    const sku = cell("sku").trim();
    if (sku) {
      const first = seen.get(sku.toLowerCase());
      if (first) issues.push({ line, column: "sku", code: "duplicateSku", value: `${sku} (ligne ${first})` });
      else seen.set(sku.toLowerCase(), line);
    }
    if (row) rows.push(row);
  });
  return issues.length ? { ok: false, issues } : { ok: true, rows };
}

const CHUNK = 200;

/**
 * Creates or updates the shop's products by SKU, all in one transaction: either
 * the whole file is applied or nothing is. Reports progress after each chunk.
 */
export async function applyImport(
  db: PrismaClient,
  request: { actor: Actor; shopId: string; rows: ImportRow[]; onProgress?: (done: number, total: number) => void },
): Promise<{ created: number; updated: number }> {
  requireShopMember(request.actor, request.shopId);
  const { rows } = request;
  return db.$transaction(
    async (tx) => {
      const existing = new Map(
        (await tx.product.findMany({ where: { shopId: request.shopId, sku: { in: rows.map((r) => r.sku) } }, select: { id: true, sku: true } })).map((p) => [p.sku, p.id]),
      );
      let created = 0;
      let updated = 0;
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        const data = (r: ImportRow) => ({
          name: r.name, priceCents: r.priceCents, vatRateBp: r.vatRateBp, unit: r.unit, stock: r.stock, section: r.section, description: r.description, active: r.active, archivedAt: null,
          ...(r.weight && { soldByWeight: r.weight.pieceGrams !== null, pieceGrams: r.weight.pieceGrams, weightToleranceBp: r.weight.toleranceBp }),
        });
        const fresh = chunk.filter((r) => !existing.has(r.sku));
        if (fresh.length) created += (await tx.product.createMany({ data: fresh.map((r) => ({ ...data(r), shopId: request.shopId, sku: r.sku })) })).count;
        for (const row of chunk.filter((r) => existing.has(r.sku))) {
          await tx.product.update({ where: { id: existing.get(row.sku) }, data: data(row) });
          updated++;
        }
        request.onProgress?.(Math.min(start + CHUNK, rows.length), rows.length);
      }
      return { created, updated };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** The shop's catalog as a CSV file in the import format (archived products left out). */
export async function exportCatalog(db: PrismaClient, request: { actor: Actor; shopId: string }): Promise<string> {
  requireShopMember(request.actor, request.shopId);
  const products = await db.product.findMany({ where: { shopId: request.shopId, archivedAt: null }, orderBy: [{ section: "asc" }, { name: "asc" }] });
  const decimal = (value: number) => value.toFixed(2).replace(".", ",");
  return toCsv([
    [...COLUMNS],
    ...products.map((p) => [
      p.sku ?? "",
      p.name,
      decimal(p.priceCents / 100),
      String(p.vatRateBp / 100).replace(".", ","),
      p.unit,
      p.stock === null ? "illimité" : String(p.stock),
      p.section ?? "",
      p.description,
      p.active ? "oui" : "non",
      p.soldByWeight && p.pieceGrams ? String(p.pieceGrams) : "",
      p.soldByWeight ? String(p.weightToleranceBp / 100) : "",
    ]),
  ]);
}

/** A template with the columns and two example rows. */
export function importTemplate(): string {
  return toCsv([
    [...COLUMNS],
    ["PAIN-001", "Baguette tradition", "1,30", "5,5", "pièce", "60", "Pains", "Farine Label Rouge", "oui", "", ""],
    ["GATEAU-001", "Gâteau sur commande", "24,00", "5,5", "pièce", "illimité", "Pâtisseries", "", "oui", "", ""],
    ["FROM-001", "Comté 18 mois (prix au kg)", "31,60", "5,5", "kg", "30", "Fromages", "Une pièce d’environ 250 g", "oui", "250", "15"],
  ]);
}
