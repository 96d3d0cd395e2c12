import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { maskPersonal } from "./personal-data";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream), lines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("the servers' log", () => {
  it("writes one JSON line per event with level, time and fields", () => {
    const { logger, lines } = capture();
    logger.info({ kind: "request", method: "GET", path: "/panier", status: 200, ms: 12 }, "request");
    expect(lines()[0]).toMatchObject({ level: "info", kind: "request", path: "/panier", status: 200, ms: 12, msg: "request" });
    expect(String(lines()[0]?.time)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("masks personal data: known keys, and addresses or phone numbers in any text, stacks included", () => {
    const { logger, lines } = capture();
    logger.info({ email: "camille@example.fr", order: { contactPhone: "06 12 34 56 78", reference: "R-1" } }, "order for camille@example.fr");
    logger.error({ err: new Error("cannot send to camille@example.fr (06.12.34.56.78)") }, "delivery failed");
    const written = JSON.stringify(lines());
    expect(written).not.toContain("camille@example.fr");
    expect(written).not.toMatch(/06[ .]12/);
    expect(lines()[0]).toMatchObject({ email: "[masqué]", order: { contactPhone: "[masqué]", reference: "R-1" }, msg: "order for [e-mail]" });
    expect(lines()[1]).toMatchObject({ level: "error", err: { type: "Error", message: "cannot send to [e-mail] ([téléphone])" } });
    expect(String((lines()[1]?.err as { stack: string }).stack)).toContain("logger.test.ts");
  });

  it("leaves references, prices and dates alone", () => {
    expect(maskPersonal("R-8F3K2 — 17,30 € — 2026-11-26 09:30 — 86000 Poitiers")).toBe("R-8F3K2 — 17,30 € — 2026-11-26 09:30 — 86000 Poitiers");
    expect(maskPersonal("+33 6 12 34 56 78 / 0612345678")).toBe("[téléphone] / [téléphone]");
  });
});
