import { describe, expect, it } from "vitest";
import { databaseName, poolConfigFromUrl, quoteIdent, withDatabase } from "./connection";

describe("connection helpers", () => {
  it("splits a URL into discrete options, decoding credentials", () => {
    expect(poolConfigFromUrl("postgresql://us%40er:p%2Fss@db.example:6543/shop?sslmode=require")).toEqual({
      host: "db.example",
      port: 6543,
      user: "us@er",
      password: "p/ss",
      database: "shop",
      ssl: { rejectUnauthorized: false },
    });
  });

  it("defaults the port and the database", () => {
    const config = poolConfigFromUrl("postgres://localhost");
    expect(config.port).toBe(5432);
    expect(config.database).toBe("postgres");
  });

  it("points a URL at another database on the same server", () => {
    const url = withDatabase("postgresql://u:p@127.0.0.1:5555/postgres", "comptoir");
    expect(databaseName(url)).toBe("comptoir");
    expect(url).toContain("u:p@127.0.0.1:5555");
  });

  it("quotes identifiers", () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
  });
});
