import { describe, expect, it } from "vitest";
import { CsvFormatError, decodeSpreadsheetText, neutralizeFormula, parseCsv, toCsv } from "./csv-format";

describe("CSV", () => {
  it("reads semicolon files from French spreadsheets, with BOM, quotes and CRLF", () => {
    expect(parseCsv('\uFEFFsku;name;price\r\nA-1;"Pain ""maison""; 500 g";4,20\r\n\r\nB-2;Brioche;6\r\n')).toEqual([
      ["sku", "name", "price"],
      ["A-1", 'Pain "maison"; 500 g', "4,20"],
      ["B-2", "Brioche", "6"],
    ]);
  });

  it("reads comma files, newlines inside quotes, short rows and stray quotes", () => {
    expect(parseCsv('sku,description\nA,"ligne 1\nligne 2"')).toEqual([["sku", "description"], ["A", "ligne 1\nligne 2"]]);
    expect(parseCsv("a;b;c\n1;2\n;;\n")).toEqual([["a", "b", "c"], ["1", "2"]]);
    expect(parseCsv('a;b\nPain 12" long;2\n')).toEqual([["a", "b"], ['Pain 12" long', "2"]]);
  });

  it("reports a malformed file instead of guessing", () => {
    expect(() => parseCsv('a;b\n"jamais fermé;2\n')).toThrow(CsvFormatError);
  });

  it("writes what it reads", () => {
    const rows = [["sku", "name"], ["X;1", 'Dit "bonjour"'], ["Y", "sur\ndeux lignes"]];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
    expect(toCsv([["a", "b"]])).toBe("\uFEFFa;b\r\n");
  });

  it("defuses cells a spreadsheet would run as formulas, never numbers", () => {
    const attacks = ['=HYPERLINK("http://evil.example","clic")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1", "\r=1"];
    const csv = toCsv([attacks]);
    expect(csv.replace(/^\uFEFF/, "").split(";").map((cell) => cell.replace(/^"/, "").slice(0, 2))).toEqual(["'=", "'+", "'-", "'@", "'\t", "'\r"]);
    expect(parseCsv(csv)[0], "an export re-imports unchanged").toEqual(attacks);
    expect(toCsv([[-1.15, 46.58, "Pain"]])).toBe("\uFEFF-1.15;46.58;Pain\r\n");
    expect(neutralizeFormula("Pain = bon")).toBe("Pain = bon");
  });

  it("decodes UTF-8, UTF-16 and the Windows-1252 files Excel saves", () => {
    expect(decodeSpreadsheetText(new TextEncoder().encode("\uFEFFnom;prix\nCrème brûlée;4"))).toBe("nom;prix\nCrème brûlée;4");
    expect(decodeSpreadsheetText(new Uint8Array([0x43, 0x72, 0xe8, 0x6d, 0x65, 0x20, 0x80, 0x9c, 0x92]))).toBe("Crème €œ’");
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from("é;1").flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeSpreadsheetText(utf16)).toBe("é;1");
  });
});
