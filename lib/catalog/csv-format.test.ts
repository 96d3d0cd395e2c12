import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv-format";

describe("CSV", () => {
  it("reads semicolon files from French spreadsheets, with BOM, quotes and CRLF", () => {
    expect(parseCsv('\uFEFFsku;name;price\r\nA-1;"Pain ""maison""; 500 g";4,20\r\n\r\nB-2;Brioche;6\r\n')).toEqual([
      ["sku", "name", "price"],
      ["A-1", 'Pain "maison"; 500 g', "4,20"],
      ["B-2", "Brioche", "6"],
    ]);
  });

  it("reads comma files and newlines inside quotes", () => {
    expect(parseCsv('sku,description\nA,"ligne 1\nligne 2"')).toEqual([["sku", "description"], ["A", "ligne 1\nligne 2"]]);
  });

  it("writes what it reads", () => {
    const rows = [["sku", "name"], ["X;1", 'Dit "bonjour"'], ["Y", "sur\ndeux lignes"]];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
