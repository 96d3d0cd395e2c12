/** Minimal RFC 4180 CSV reading and writing (quotes, doubled quotes, newlines in quotes), ";" or "," separated. */

export function detectDelimiter(headerLine: string): ";" | "," {
  return (headerLine.match(/;/g)?.length ?? 0) >= (headerLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

export function parseCsv(text: string): string[][] {
  const content = text.replace(/^\uFEFF/, "");
  const firstLine = content.slice(0, content.search(/\r?\n/) === -1 ? undefined : content.search(/\r?\n/));
  const delimiter = detectDelimiter(firstLine);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const char = content[i];
    if (quoted) {
      if (char === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && content[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ""));
}

function escapeCell(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV for spreadsheets: UTF-8 with BOM (so Excel reads accents), ";" separated, CRLF lines. */
export function toCsv(rows: string[][], delimiter = ";"): string {
  return `\uFEFF${rows.map((r) => r.map((cell) => escapeCell(cell, delimiter)).join(delimiter)).join("\r\n")}\r\n`;
}
