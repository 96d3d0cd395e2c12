import type { PoolConfig } from "pg";

/**
 * Splits a postgresql:// URL into discrete pg options. Discrete options matter:
 * with a `connectionString`, pg lets the string override a `database` given next
 * to it, which would make the migration "shadow" database the main one.
 */
export function poolConfigFromUrl(url: string): PoolConfig {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(parsed.hostname) || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** Quotes an SQL identifier (database names come from our own code, but never trust a string). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
