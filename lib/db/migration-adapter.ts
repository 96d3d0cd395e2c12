import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, DriverAdapterError } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, SqlQueryable, SqlResultSet } from "@prisma/driver-adapter-utils";
import { quoteIdent } from "./connection";

const PG_CHAR_OID = 18; // the internal one-byte "char" type (pg_constraint.contype, …)
const PG_TEXT_OID = 25;
/** Appended to the names of "char" columns between the pg client and the adapter's result */
const CHAR_MARKER = "\u0000char";

type QueryResultLike = { fields?: { dataTypeID: number; name: string }[] };

function patchFields(value: unknown): void {
  for (const field of (value as QueryResultLike | undefined)?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      field.name += CHAR_MARKER;
    }
  }
}

/** Turns marked text columns back into the Character type the engine expects. */
function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  result.columnNames.forEach((name, index) => {
    if (name.endsWith(CHAR_MARKER)) {
      result.columnNames[index] = name.slice(0, -CHAR_MARKER.length);
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
  });
  return result;
}

/**
 * Runs a whole migration script as one simple query on one connection, which
 * PostgreSQL executes as a single transaction: a failing migration leaves
 * nothing half-applied. (adapter-pg splits scripts on ";" and runs the pieces
 * one by one on any pooled connection.)
 */
async function executeScriptAtomically(pool: pg.Pool, script: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(script);
  } catch (error) {
    const pgError = error as pg.DatabaseError;
    throw new DriverAdapterError({
      kind: "postgres",
      code: pgError.code ?? "XX000",
      severity: pgError.severity ?? "ERROR",
      message: pgError.message,
      detail: pgError.detail,
      column: pgError.column,
      hint: pgError.hint,
    });
  } finally {
    client.release();
  }
}

/** Wraps adapter-pg's adapter with the two corrections the schema engine needs. */
function migrationAdapter<T extends SqlQueryable>(queryable: T, pool: pg.Pool): T {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      if (property === "queryRaw") {
        return async (query: SqlQuery) => restoreCharColumns(await target.queryRaw(query));
      }
      if (property === "executeScript") {
        return (script: string) => executeScriptAtomically(pool, script);
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) =>
          migrationAdapter(await (target as unknown as SqlDriverAdapter).startTransaction(...(args as [])), pool);
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * The schema engine reads catalog columns of type "char", which adapter-pg cannot
 * decode. pg already returns them as strings, so we report them as text (marked,
 * see restoreCharColumns). Both the promise and the callback forms of `query` are
 * covered (pg.Pool uses callbacks).
 */
function reportCharColumnsAsText<T extends { query: unknown }>(queryable: T): T {
  const originalQuery = (queryable.query as (...args: unknown[]) => unknown).bind(queryable);
  const patched = (...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (error: unknown, result: unknown) => void;
      return originalQuery(...args.slice(0, -1), (error: unknown, result: unknown) => {
        patchFields(result);
        callback(error, result);
      });
    }
    const result = originalQuery(...args);
    return result instanceof Promise ? result.then((value: unknown) => (patchFields(value), value)) : result;
  };
  Object.assign(queryable, { query: patched });
  return queryable;
}

function createPool(config: pg.PoolConfig): pg.Pool {
  // One connection: the engine takes its advisory lock and releases it with
  // separate queries, which must reach the same session.
  const pool = new pg.Pool({ ...config, max: 1 });
  pool.on("connect", (client) => reportCharColumnsAsText(client));
  return reportCharColumnsAsText(pool);
}

function adapterWithDispose(adapter: SqlDriverAdapter, dispose: () => Promise<void>): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === "dispose") return dispose;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Driver adapter factory for the WASM schema engine. Unlike the stock PrismaPg
 * factory, its shadow database is a real temporary database that is dropped
 * (WITH FORCE) only after its pool is closed.
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";

  private readonly pools = new Set<pg.Pool>();

  constructor(private readonly config: pg.PoolConfig) {}

  /** Ends every connection the engine opened (the engine itself never does). */
  async close(): Promise<void> {
    const pools = [...this.pools];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.end().catch(() => {})));
  }

  async connect(): Promise<SqlDriverAdapter> {
    const pool = createPool(this.config);
    this.pools.add(pool);
    return migrationAdapter(await new PrismaPg(pool, { disposeExternalPool: true }).connect(), pool);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowName = `comptoir_shadow_${randomBytes(6).toString("hex")}`;
    await this.runOnMaintenanceDb(`CREATE DATABASE ${quoteIdent(shadowName)}`);
    const pool = createPool({ ...this.config, database: shadowName });
    const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    return adapterWithDispose(migrationAdapter(adapter, pool), async () => {
      await adapter.dispose();
      await this.runOnMaintenanceDb(`DROP DATABASE IF EXISTS ${quoteIdent(shadowName)} WITH (FORCE)`);
    });
  }

  private async runOnMaintenanceDb(sql: string): Promise<void> {
    const client = new pg.Client({ ...this.config, database: "postgres" });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}
