import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * CSV as French spreadsheets write and read it, on csv-parse / csv-stringify:
 * ";" (or ",") separated, quotes, quoted newlines, BOM, CRLF.
 */

export type CsvCell = string | number;

export class CsvFormatError extends Error {
  constructor(readonly line: number) {
    super(`malformed CSV near line ${line}`);
    this.name = "CsvFormatError";
  }
}

export function detectDelimiter(headerLine: string): ";" | "," {
  return (headerLine.match(/;/g)?.length ?? 0) >= (headerLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

// Windows-1252's 0x80–0x9F (€, ‚, ƒ, „, …, ’, œ…). Node 20's TextDecoder reads the
// "windows-1252" label as Latin-1 and leaves these as control characters.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * Text of a file saved by a spreadsheet: UTF-8 (with or without BOM), UTF-16 with
 * its BOM ("Unicode text"), otherwise Windows-1252 — what Excel's "CSV (point-virgule)"
 * still writes in France.
 */
export function decodeSpreadsheetText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Rows of a CSV text; blank lines are skipped. Throws CsvFormatError on an unclosed quote and the like. */
export function parseCsv(text: string): string[][] {
  const content = text.replace(/^\uFEFF/, "");
  const firstLine = content.split(/\r?\n/, 1)[0] ?? "";
  try {
    const rows = parse(content, {
      delimiter: detectDelimiter(firstLine),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
    return rows.filter((row) => row.some((cell) => cell.trim() !== "")).map((row) => row.map(restoreFormulaText));
  } catch (error) {
    const line = typeof error === "object" && error && "lines" in error && typeof error.lines === "number" ? error.lines : 0;
    throw new CsvFormatError(line);
  }
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or
 * carriage return: "=HYPERLINK(…)", "+cmd|…") is written with a leading
 * apostrophe, so it shows as text. Numbers are written as they are.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Reading back what neutralizeFormula wrote: an export re-imports unchanged. */
function restoreFormulaText(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** CSV for spreadsheets: UTF-8 with BOM (so Excel reads accents), ";" separated, CRLF lines, formulas defused. */
export function toCsv(rows: CsvCell[][], delimiter = ";"): string {
  return stringify(rows, {
    bom: true,
    delimiter,
    record_delimiter: "windows",
    // A lone CR or LF inside a cell must be quoted too, not only CRLF.
    quoted_match: /[\r\n]/,
    cast: { string: (value) => neutralizeFormula(value) },
  });
}
